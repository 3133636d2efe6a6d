// Checks: an exported TypeScript callback API gets overloads in its dual form, so that a
// caller awaiting it gets the value's type (`const s: string = await load('x')` compiles) and
// the callback form still type-checks and returns void.
import * as fsp from 'fs/promises';

// awaitify: the dual API of converted functions (callback when given, else the promise).
function settleCallback<T>(promise: Promise<T>, callback: unknown, values = 1): Promise<T> | undefined {
  if (typeof callback !== 'function') return promise;
  promise.then(
    (value) => process.nextTick(() => (values === 1 ? callback(null, value) : values === 0 ? callback(null) : callback(null, ...(value as unknown[])))),
    (error) => process.nextTick(() => callback(error)),
  );
  return undefined;
}
export function load(file: string): Promise<string>;

export function load(
  file: string,
  cb: (err: NodeJS.ErrnoException | null, text?: string) => void
): void;

export function load(file: string, cb?: (err: NodeJS.ErrnoException | null, text?: string) => void): Promise<string> | undefined {
  return settleCallback(loadAsync(file), cb);
}

async function loadAsync(file: string): Promise<string> {
  const text = await fsp.readFile(file, 'utf8');
  return text.trim();
}

(async () => {
  let err: any = null;
  let text;
  try {
    text = await load('input.txt');
  } catch (caught: any) {
    err = caught;
  }
  console.log('callback:', err ? err.code : text);
})();

console.log('started');
