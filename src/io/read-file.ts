import { promises as fs } from 'node:fs';
import { TextDecoder } from 'node:util';
import type { FileError } from '../types';

export type ReadOutcome = { text: string } | { error: FileError };

/** ignoreBOM keeps a byte-order mark in the text: the engine puts it back after printing. */
function createStrictDecoder(): TextDecoder {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
}

/**
 * Reads a source file as UTF-8. Anything else (unreadable, not UTF-8) comes back as an error
 * that names the file, so that a run can report it and go on.
 */
export async function readSourceFile(absolutePath: string, displayPath: string): Promise<ReadOutcome> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(absolutePath);
  } catch (error) {
    return { error: { message: `${displayPath}: cannot read the file (${(error as Error).message})` } };
  }
  try {
    return { text: createStrictDecoder().decode(bytes) };
  } catch {
    const { line, column } = locateInvalidUtf8(bytes);
    return {
      error: {
        message: `${displayPath}: not valid UTF-8 (first bad byte at line ${line}, column ${column}); only UTF-8 files are rewritten`,
        line,
        column,
      },
    };
  }
}

/** Line and column (1-based, in characters) of the first byte that is not valid UTF-8. */
export function locateInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  // A newline byte never occurs inside a multi-byte character, so lines can be checked alone.
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const lineBytes = bytes.subarray(start, end);
    try {
      createStrictDecoder().decode(lineBytes);
    } catch {
      return { line, column: columnOfInvalidByte(lineBytes) };
    }
    line += 1;
    start = end + 1;
  }
  return { line: 1, column: 1 };
}

function columnOfInvalidByte(lineBytes: Uint8Array): number {
  const decoder = createStrictDecoder();
  let decoded = '';
  for (let index = 0; index < lineBytes.length; index += 1) {
    try {
      decoded += decoder.decode(lineBytes.subarray(index, index + 1), { stream: true });
    } catch {
      break;
    }
  }
  // Either the bad byte or a character cut off at the end of the line.
  return decoded.length + 1;
}
