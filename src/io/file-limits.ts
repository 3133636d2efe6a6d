/**
 * Files awaitify leaves alone before parsing them: too big, or minified. Parsing a 1 MB minified
 * bundle costs hundreds of megabytes of AST and rewriting generated code helps nobody.
 */
export interface FileLimits {
  /** Bytes; 0 means no limit. */
  maxFileSize: number;
  /** Check the mean line length (minified or generated code). */
  skipMinified: boolean;
}

export const defaultMaxFileSize = 1024 * 1024;

export const defaultFileLimits: FileLimits = { maxFileSize: defaultMaxFileSize, skipMinified: true };

/** Mean characters per line above which a file counts as minified (hand-written code is near 30). */
export const minifiedMeanLineLength = 300;

/** Below this size a file is never called minified: a one-line module is not a bundle. */
const minifiedMinimumLength = 1000;

const units: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** '1mb', '500KB', '2m', '1048576' -> bytes; undefined when it cannot be read. */
export function parseSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? units[match[2].toLowerCase()] : undefined;
  if (!match || unit === undefined) return undefined;
  return Math.round(Number(match[1]) * unit);
}

/** 1536 -> '1.5 KB'. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${round(bytes / 1024)} KB`;
  return `${round(bytes / 1024 ** 2)} MB`;
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Why a file of this many bytes is not read, or undefined. */
export function explainTooBig(bytes: number, limits: FileLimits): string | undefined {
  if (limits.maxFileSize <= 0 || bytes <= limits.maxFileSize) return undefined;
  return `larger than the size limit (${formatSize(bytes)} > ${formatSize(limits.maxFileSize)}; see --max-file-size)`;
}

/** Why a text looks minified (mean line length), or undefined. */
export function explainMinified(text: string, limits: FileLimits): string | undefined {
  if (!limits.skipMinified || text.length < minifiedMinimumLength) return undefined;
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines += 1;
  const mean = Math.round(text.length / lines);
  if (mean <= minifiedMeanLineLength) return undefined;
  return `looks minified (mean line length ${mean} characters > ${minifiedMeanLineLength}; see --include-minified)`;
}
