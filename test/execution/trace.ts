import { resolve } from 'node:path';

/**
 * The traced form of a run: with trace-preload.cjs loaded, the child writes every stdout and
 * stderr write to stdout as a JSON record (stream, source line of the writing statement, text).
 * parseTrace turns those records back into lines, each normalised like a plain stream.
 */

/** Path of the preload, next to this file (also when this file runs compiled under dist/). */
export const tracePreloadPath = resolve(__dirname.replace(/[\\/]dist([\\/]test[\\/]execution)$/, '$1'), 'trace-preload.cjs');

export interface TraceLine {
  stream: 'out' | 'err';
  /** 1-based line in the script of the statement that printed it; 0 when no script frame wrote it. */
  line: number;
  text: string;
}

interface TraceRecord {
  s: 'out' | 'err';
  l: number;
  t: string;
}

function isRecord(value: unknown): value is TraceRecord {
  const record = value as TraceRecord;
  return typeof record === 'object' && record !== null && (record.s === 'out' || record.s === 'err') && typeof record.l === 'number' && typeof record.t === 'string';
}

/**
 * Lines of a traced stdout. `normalize` reduces the text of one write to comparable lines (the
 * harness's normaliser); a stdout line that is not a record (written around the preload) is
 * kept as an 'out' line of source line 0.
 */
export function parseTrace(rawStdout: string, normalize: (text: string) => string[]): TraceLine[] {
  const lines: TraceLine[] = [];
  for (const raw of rawStdout.split('\n')) {
    if (raw === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(raw);
    } catch {
      record = undefined;
    }
    const { s, l, t } = isRecord(record) ? record : { s: 'out' as const, l: 0, t: raw };
    for (const text of normalize(t)) lines.push({ stream: s, line: l, text });
  }
  return lines;
}

/** How a trace line reads in a report: `out:12 | text`. */
export function formatTraceLine(line: TraceLine): string {
  return `${line.stream}:${line.line} | ${line.text}`;
}
