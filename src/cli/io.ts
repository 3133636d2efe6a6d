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
  /** All of standard input as text (--stdin). */
  readStdin?: () => Promise<string>;
}

/**
 * A reader that went away (`awaitify src | head`) is no error of the run: later writes are
 * dropped, and the run ends as it would have, with its own exit code and no stack trace.
 */
export function dropWritesAfterClosedPipe(stream: NodeJS.WriteStream): CliStream {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return {
    write: (text: string) => (closed ? false : stream.write(text)),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
  };
}

function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer | string) => chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}

export function createProcessIo(): CliIo {
  return {
    stdout: dropWritesAfterClosedPipe(process.stdout),
    stderr: dropWritesAfterClosedPipe(process.stderr),
    env: process.env,
    cwd: process.cwd(),
    readStdin: () => readAll(process.stdin),
  };
}

/** CI services set CI=true (or a name); "false" and "0" mean no. */
export function isContinuousIntegration(env: CliIo['env']): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/**
 * --color and --no-color decide; then FORCE_COLOR (`0` or `false`: off, anything else: on, as
 * Node and chalk read it); then NO_COLOR (no-color.org) and TERM=dumb turn it off; otherwise colour
 * when the stream the text goes to is a terminal.
 */
export function shouldUseColor(flag: boolean | undefined, io: CliIo, stream: CliStream = io.stdout): boolean {
  if (flag !== undefined) return flag;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (io.env.NO_COLOR) return false;
  if (io.env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/** The width to wrap long messages to: the terminal's, only on a terminal. */
export function wrapWidth(stream: CliStream): number | undefined {
  return stream.isTTY === true && stream.columns !== undefined && stream.columns > 0 ? stream.columns : undefined;
}
