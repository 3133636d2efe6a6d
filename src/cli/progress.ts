import type { FileResult } from '../types';
import { isContinuousIntegration, type CliIo } from './io';

export interface Progress {
  update(result: FileResult, done: number, total: number): void;
  finish(): void;
}

/** Below this many files a bar only flickers. */
const minimumFiles = 6;
const barWidth = 24;

/** A one-line bar on stderr, only for a person watching a terminal (not CI, not a pipe). */
export function createProgress(io: CliIo): Progress {
  const enabled = io.stderr.isTTY === true && !isContinuousIntegration(io.env);
  let drawn = false;
  return {
    update(result, done, total) {
      if (!enabled || total < minimumFiles) return;
      const filled = Math.round((done / total) * barWidth);
      const bar = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${done}/${total} `;
      const room = Math.max(0, (io.stderr.columns ?? 80) - bar.length - 1);
      const name = result.path.length > room ? `…${result.path.slice(result.path.length - room + 1)}` : result.path;
      io.stderr.write(`\r\u001b[K${bar}${room > 0 ? name : ''}`);
      drawn = true;
    },
    finish() {
      if (drawn) io.stderr.write('\r\u001b[K');
      drawn = false;
    },
  };
}
