import { filterLines, normalizeText } from './normalize';

/**
 * The merged stream of a run: every line the program printed on stdout or stderr, in the
 * order it printed them, tagged with its stream and the line of the script statement that
 * printed it. Built from the records of trace-preload.cjs.
 */

export type StreamTag = 'out' | 'err';

/** One `write` call as trace-preload.cjs records it. */
export interface TraceWrite {
  s: StreamTag;
  t: string;
  l: number | null;
}

export interface TraceLine {
  stream: StreamTag;
  /** The line's text, normalised like the separate streams. */
  text: string;
  /**
   * The 1-based line in the script of the statement whose write began this line (the
   * innermost stack frame in the script); null for output no script statement made: a
   * warning Node prints on its own, or the report of an uncaught exception.
   */
  line: number | null;
}

/** Parses the preload's JSON lines; a torn last line (a killed process) is dropped. */
export function parseTraceFile(text: string): TraceWrite[] {
  const writes: TraceWrite[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    try {
      writes.push(JSON.parse(line) as TraceWrite);
    } catch {
      break;
    }
  }
  return writes;
}

/**
 * Cuts the writes into lines. A line belongs where its first chunk was written (a line
 * finished by a later write of the same stream keeps its place and its script line).
 */
function writesToLines(writes: readonly TraceWrite[]): TraceLine[] {
  const lines: TraceLine[] = [];
  const open: Partial<Record<StreamTag, TraceLine>> = {};
  for (const write of writes) {
    const parts = write.t.replace(/\r\n/g, '\n').split('\n');
    parts.forEach((part, index) => {
      const ends = index < parts.length - 1;
      if (part === '' && !ends) return;
      let current = open[write.s];
      if (!current) {
        current = { stream: write.s, text: '', line: write.l };
        lines.push(current);
      }
      current.text += part;
      open[write.s] = ends ? undefined : current;
    });
  }
  return lines;
}

/**
 * The merged stream, or undefined when the writes do not account for what the streams hold
 * (something wrote to the file descriptor directly, such as a child with inherited stdio):
 * then the order of the two streams is unknown. Output after the last recorded write (Node's
 * report of an uncaught exception) is appended with line null.
 */
export function mergeStreams(
  writes: readonly TraceWrite[],
  raw: Record<StreamTag, string>,
  dirs: readonly string[],
  scriptName: string,
): TraceLine[] | undefined {
  const extra: TraceWrite[] = [];
  for (const stream of ['out', 'err'] as const) {
    const traced = writes.filter((write) => write.s === stream).map((write) => write.t).join('');
    if (!raw[stream].startsWith(traced)) return undefined;
    const rest = raw[stream].slice(traced.length);
    if (rest !== '') extra.push({ s: stream, t: rest, l: null });
  }
  const lines = writesToLines([...writes, ...extra]).map((line) => ({ ...line, text: normalizeText(line.text, dirs, scriptName) }));
  // Excerpts and stack frames span lines of one stream: filter each stream, keep the order.
  const keep = new Map<TraceLine, string>();
  for (const stream of ['out', 'err'] as const) {
    const own = lines.filter((line) => line.stream === stream);
    for (const kept of filterLines(own.map((line) => line.text))) keep.set(own[kept.from]!, kept.text);
  }
  return lines.filter((line) => keep.has(line)).map((line) => ({ ...line, text: keep.get(line)! }));
}

/** `[out] text` / `[err] text`: how a merged line reads in diffs. */
export function formatTraceLine(line: TraceLine, withScriptLine = false): string {
  return `[${line.stream}]${withScriptLine ? `@${line.line ?? '-'}` : ''} ${line.text}`;
}
