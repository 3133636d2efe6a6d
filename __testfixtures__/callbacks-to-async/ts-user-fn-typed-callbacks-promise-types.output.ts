// Checks: TypeScript callback API functions get Promise<T> return types from their callback
// parameter types (a tuple for two values); a callback typed by an alias is left to inference.
// awaitify-fixture: no-run it reads two missing files and crashes on the one I/O fails first; its types are checked by test/typescript-output.test.ts
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

type Callback<T> = (err: Error | null, value?: T) => void;

async function lineCount(file: string): Promise<number> {
  const text = await fsp.readFile(file, 'utf8');
  return text.split('\n').length;
}

export function sizes(file: string): Promise<[number, number]>;

export function sizes(
  file: string,
  cb: (err: Error | null, size?: number, lines?: number) => void
): void;

export function sizes(file: string, cb?: (err: Error | null, size?: number, lines?: number) => void): Promise<[number, number]> | undefined {
  return settleCallback(sizesAsync(file), cb, 2);
}

async function sizesAsync(file: string): Promise<[number, number]> {
  const st = await fsp.stat(file);
  const n = await lineCount(file);
  return [st.size, n];
}

async function aliasTyped(file: string) {
  return await fsp.readFile(file, 'utf8');
}

(async () => {
  const n = await lineCount('a.txt');
  console.log(n);
})();

(async () => {
  const s = await aliasTyped('a');
  console.log(s);
})();
