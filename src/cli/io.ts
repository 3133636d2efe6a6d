/** Where the command writes: process.stdout and process.stderr fit, and so do test doubles. */
export interface CliStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Everything main() may touch of the process, passed in so that tests can run it in-process. */
export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

export function createProcessIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/** CI services set CI=true (or a name); "false" and "0" mean no. */
export function isContinuousIntegration(env: CliIo['env']): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** --color and --no-color decide; otherwise colour on a terminal unless NO_COLOR is set (no-color.org). */
export function shouldUseColor(flag: boolean | undefined, io: CliIo): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR) return false;
  if (io.env.TERM === 'dumb') return false;
  return io.stdout.isTTY === true;
}
