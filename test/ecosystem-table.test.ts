import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ecosystemTable, type CalleeFacts, type EcosystemEntry } from '../src/transforms/callbacks-to-async/ecosystem/table';

/**
 * Every claim of the ecosystem table, checked on the real package: each installed major (npm
 * aliases in package.json devDependencies) is called with a callback in a temp dir, and the
 * test counts the calls, whether one came before the call returned, and the values.
 */
const load = createRequire(path.join(__dirname, '..', 'package.json'));

/** The devDependency aliases, by the table's specifier, with the major each installs. */
const installed: Record<string, Array<{ alias: string; major: number }>> = {
  'graceful-fs': [{ alias: 'graceful-fs', major: 4 }],
  'fs-extra': [{ alias: 'fs-extra-0', major: 0 }, { alias: 'fs-extra', major: 11 }],
  'mz/fs': [{ alias: 'mz/fs', major: 2 }],
  mkdirp: [{ alias: 'mkdirp', major: 0 }, { alias: 'mkdirp-1', major: 1 }, { alias: 'mkdirp-3', major: 3 }],
  rimraf: [{ alias: 'rimraf', major: 2 }, { alias: 'rimraf-3', major: 3 }, { alias: 'rimraf-4', major: 4 }],
  glob: [{ alias: 'glob', major: 7 }, { alias: 'glob-8', major: 8 }, { alias: 'glob-9', major: 9 }],
  which: [{ alias: 'which', major: 1 }, { alias: 'which-2', major: 2 }, { alias: 'which-4', major: 4 }],
  ncp: [{ alias: 'ncp', major: 2 }],
  mv: [{ alias: 'mv', major: 2 }],
  lockfile: [{ alias: 'lockfile', major: 1 }],
  'write-file-atomic': [{ alias: 'write-file-atomic-2', major: 2 }, { alias: 'write-file-atomic-5', major: 5 }],
  once: [{ alias: 'once', major: 1 }],
  dezalgo: [{ alias: 'dezalgo', major: 1 }],
  slide: [{ alias: 'slide', major: 1 }],
  inflight: [{ alias: 'inflight', major: 1 }],
  request: [{ alias: 'request', major: 2 }],
  async: [{ alias: 'async-2', major: 2 }, { alias: 'async', major: 3 }],
};

const base = mkdtempSync(path.join(tmpdir(), 'awaitify-ecosystem-'));
/** A local server for request: `hello` on every path. */
const server = createServer((_req, res) => res.end('hello'));
let serverUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => {
  server.close();
  rmSync(base, { recursive: true, force: true });
});
let counter = 0;
/** A fresh directory with a file `a.txt` and a directory `sub/` holding `b.txt`. */
function freshDir(): string {
  const dir = path.join(base, String(counter++));
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  writeFileSync(path.join(dir, 'a.txt'), 'alpha');
  writeFileSync(path.join(dir, 'sub', 'b.txt'), 'beta');
  writeFileSync(path.join(dir, 'j.json'), '{"a":1}');
  return dir;
}

interface Observed {
  calls: unknown[][];
  /** A call came before the function returned. */
  synchronous: boolean;
  returned: unknown;
}

/** Calls `start(callback)`, then waits long enough for late second calls (timers, retries). */
async function observe(start: (callback: (...args: unknown[]) => void) => unknown, waitMs = 60, neverMs = 2000): Promise<Observed> {
  const observed: Observed = { calls: [], synchronous: false, returned: undefined };
  let returned = false;
  await new Promise<void>((resolve) => {
    let settled = false;
    const finish = () => {
      if (!settled) {
        settled = true;
        setTimeout(resolve, waitMs);
      }
    };
    observed.returned = start((...args) => {
      observed.calls.push(args);
      if (!returned) observed.synchronous = true;
      finish();
    });
    returned = true;
    setTimeout(finish, neverMs); // a callback that never comes
  });
  return observed;
}

/** How each callback function is called: on success and on failure, in a fresh directory. */
type Scenario = (fn: (...args: unknown[]) => unknown, dir: string) => { ok: unknown[]; fail: unknown[] };
const scenarios: Record<string, Scenario> = {
  'mkdirp:': (_fn, dir) => ({ ok: [path.join(dir, 'x', 'y')], fail: [path.join(dir, 'a.txt', 'y')] }),
  'mkdirp:mkdirp': (_fn, dir) => ({ ok: [path.join(dir, 'x', 'y')], fail: [path.join(dir, 'a.txt', 'y')] }),
  'mkdirp:mkdirP': (_fn, dir) => ({ ok: [path.join(dir, 'x', 'y')], fail: [path.join(dir, 'a.txt', 'y')] }),
  'rimraf:': (_fn, dir) => ({ ok: [path.join(dir, 'sub')], fail: [path.join(dir, 'a.txt', 'nope')] }),
  'glob:': (_fn, dir) => ({ ok: ['*.txt', { cwd: dir }], fail: ['*.txt', { cwd: path.join(dir, 'a.txt'), strict: true }] }),
  'glob:glob': (_fn, dir) => ({ ok: ['*.txt', { cwd: dir }], fail: ['*.txt', { cwd: path.join(dir, 'a.txt'), strict: true }] }),
  'which:': () => ({ ok: ['node'], fail: ['awaitify-no-such-command'] }),
  'ncp:': (_fn, dir) => ({ ok: [path.join(dir, 'sub'), path.join(dir, 'copy'), { clobber: false }], fail: [path.join(dir, 'nope'), path.join(dir, 'copy'), { clobber: false }] }),
  'ncp:ncp': (_fn, dir) => ({ ok: [path.join(dir, 'sub'), path.join(dir, 'copy'), { clobber: false }], fail: [path.join(dir, 'nope'), path.join(dir, 'copy'), { clobber: false }] }),
  'mv:': (_fn, dir) => ({ ok: [path.join(dir, 'a.txt'), path.join(dir, 'c.txt')], fail: [path.join(dir, 'nope.txt'), path.join(dir, 'd.txt')] }),
  'lockfile:lock': (_fn, dir) => ({ ok: [path.join(dir, 'x.lock'), {}], fail: [path.join(dir, 'nope', 'x.lock'), {}] }),
  'lockfile:unlock': (_fn, dir) => ({ ok: [path.join(dir, 'a.txt')], fail: [path.join(dir, 'nope', 'x.lock')] }),
  'lockfile:check': (_fn, dir) => ({ ok: [path.join(dir, 'a.txt'), {}], fail: [path.join(dir, 'a.txt', 'x'), {}] }),
  'write-file-atomic:': (_fn, dir) => ({ ok: [path.join(dir, 'w.txt'), 'data'], fail: [path.join(dir, 'nope', 'w.txt'), 'data'] }),
  'slide:asyncMap': () => ({ ok: [[1, 2], (n: number, cb: (e: null, v: number) => void) => setImmediate(() => cb(null, n * 2))], fail: [[1], (_n: number, cb: (e: Error) => void) => setImmediate(() => cb(new Error('x')))] }),
  'slide:chain': () => ({ ok: [[[(cb: (e: null, v: number) => void) => setImmediate(() => cb(null, 1))]]], fail: [[[(cb: (e: Error) => void) => setImmediate(() => cb(new Error('x')))]]] }),
  ...Object.fromEntries(['', 'get', 'post', 'put', 'patch', 'del', 'head'].map((name): [string, Scenario] => [`request:${name}`, () => ({ ok: [serverUrl], fail: ['http://127.0.0.1:1/'] })])),
  'fs-extra:mkdirs': (_fn, dir) => ({ ok: [path.join(dir, 'x', 'y')], fail: [path.join(dir, 'a.txt', 'y')] }),
  'fs-extra:mkdirp': (_fn, dir) => ({ ok: [path.join(dir, 'x', 'y')], fail: [path.join(dir, 'a.txt', 'y')] }),
  'fs-extra:ensureDir': (_fn, dir) => ({ ok: [path.join(dir, 'x', 'y')], fail: [path.join(dir, 'a.txt', 'y')] }),
  'fs-extra:remove': (_fn, dir) => ({ ok: [path.join(dir, 'sub')], fail: [path.join(dir, 'a.txt', 'x')] }),
  'fs-extra:emptyDir': (_fn, dir) => ({ ok: [path.join(dir, 'sub')], fail: [path.join(dir, 'a.txt', 'x')] }),
  'fs-extra:ensureFile': (_fn, dir) => ({ ok: [path.join(dir, 'e', 'f.txt')], fail: [path.join(dir, 'a.txt', 'f.txt')] }),
  'fs-extra:outputFile': (_fn, dir) => ({ ok: [path.join(dir, 'o', 'f.txt'), 'x'], fail: [path.join(dir, 'a.txt', 'f.txt'), 'x'] }),
  'fs-extra:readJson': (_fn, dir) => ({ ok: [path.join(dir, 'j.json')], fail: [path.join(dir, 'a.txt')] }),
  'fs-extra:readJSON': (_fn, dir) => ({ ok: [path.join(dir, 'j.json')], fail: [path.join(dir, 'a.txt')] }),
  'fs-extra:writeJson': (_fn, dir) => ({ ok: [path.join(dir, 'w.json'), { a: 1 }], fail: [path.join(dir, 'nope', 'w.json'), { a: 1 }] }),
  'fs-extra:writeJSON': (_fn, dir) => ({ ok: [path.join(dir, 'w.json'), { a: 1 }], fail: [path.join(dir, 'nope', 'w.json'), { a: 1 }] }),
  'fs-extra:outputJson': (_fn, dir) => ({ ok: [path.join(dir, 'o', 'w.json'), { a: 1 }], fail: [path.join(dir, 'a.txt', 'w.json'), { a: 1 }] }),
  'fs-extra:copy': (_fn, dir) => ({ ok: [path.join(dir, 'sub'), path.join(dir, 'copy')], fail: [path.join(dir, 'nope'), path.join(dir, 'copy2')] }),
  'fs-extra:move': (_fn, dir) => ({ ok: [path.join(dir, 'a.txt'), path.join(dir, 'moved.txt')], fail: [path.join(dir, 'nope'), path.join(dir, 'm2')] }),
  'fs-extra:pathExists': (_fn, dir) => ({ ok: [path.join(dir, 'a.txt')], fail: [path.join(dir, 'nope')] }),
};
/** Node fs functions checked through each drop-in: success and failure arguments. */
const fsScenarios: Record<string, (dir: string) => { ok: unknown[]; fail: unknown[] }> = {
  readFile: (dir) => ({ ok: [path.join(dir, 'a.txt'), 'utf8'], fail: [path.join(dir, 'nope')] }),
  writeFile: (dir) => ({ ok: [path.join(dir, 'n.txt'), 'x'], fail: [path.join(dir, 'nope', 'n.txt'), 'x'] }),
  stat: (dir) => ({ ok: [path.join(dir, 'a.txt')], fail: [path.join(dir, 'nope')] }),
  readdir: (dir) => ({ ok: [dir], fail: [path.join(dir, 'nope')] }),
  unlink: (dir) => ({ ok: [path.join(dir, 'a.txt')], fail: [path.join(dir, 'nope')] }),
  open: (dir) => ({ ok: [path.join(dir, 'a.txt'), 'r'], fail: [path.join(dir, 'nope'), 'r'] }),
};

function exportOf(module: any, member: string): (...args: unknown[]) => unknown {
  return member === '' ? (typeof module === 'function' ? module : module.default ?? module) : module[member];
}

async function checkCallback(facts: Extract<CalleeFacts, { kind: 'callback' }>, fn: (...args: unknown[]) => unknown, scenario: { ok: unknown[]; fail: unknown[] }, label: string) {
  for (const [outcome, args] of [['ok', scenario.ok], ['fail', scenario.fail]] as const) {
    const seen = await observe((callback) => fn(...args, callback));
    expect(seen.calls.length, `${label} ${outcome}: calls`).toBe(facts.exactlyOnce ? 1 : seen.calls.length);
    if (facts.alwaysAsync) expect(seen.synchronous, `${label} ${outcome}: called back before returning`).toBe(false);
    const [err, ...values] = seen.calls[0];
    if (outcome === 'ok') {
      expect(err ?? null, `${label} ok: no error`).toBe(null);
      expect(values.slice(facts.values.length).filter((value) => value !== undefined), `${label}: no values beyond ${facts.values.join(', ') || 'none'}`).toEqual([]);
      if (facts.values.length > 0) expect(values[0], `${label}: a first value`).not.toBe(undefined);
    } else if (label !== 'fs-extra:pathExists' && label !== 'lockfile:unlock') {
      // pathExists answers false for a missing path; lockfile.unlock ignores unlink's error.
      expect(err, `${label} fail: an error`).toBeTruthy();
    }
  }
}

async function checkPromiseForm(facts: Extract<CalleeFacts, { kind: 'callback' }>, fn: (...args: unknown[]) => unknown, args: unknown[], label: string) {
  const promisified = promisify(fn as (callback: () => void) => void) as unknown as (...a: unknown[]) => Promise<unknown>;
  const promise = facts.form === 'same-call' ? fn(...args) : promisified(...args);
  expect(typeof (promise as Promise<unknown>)?.then, `${label}: the promise form gives a promise`).toBe('function');
  await promise; // a rejection fails the test
}

describe('ecosystem table: every entry against the real package', () => {
  it('has every entry installed in a major it holds for', () => {
    const uncovered = ecosystemTable
      .filter((entry) => !(installed[entry.specifier] ?? []).some((item) => item.major >= entry.majors.min && item.major <= entry.majors.max))
      .map((entry) => `${entry.specifier} ${entry.majors.min}–${entry.majors.max}`);
    expect(uncovered).toEqual([]);
  });

  const cases = ecosystemTable.flatMap((entry: EcosystemEntry) =>
    (installed[entry.specifier] ?? [])
      .filter((item) => item.major >= entry.majors.min && item.major <= entry.majors.max)
      .map((item) => ({ entry, item })),
  );
  for (const { entry, item } of cases) {
    describe(`${item.alias} (${entry.specifier} ${entry.majors.min}–${entry.majors.max})`, () => {
      const module = load(item.alias);
      it(`installs major ${item.major}`, () => {
        const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', 'node_modules', item.alias.split('/')[0], 'package.json'), 'utf8')) as { version: string };
        expect(Number(manifest.version.split('.')[0])).toBe(item.major);
      });
      for (const [member, facts] of Object.entries(entry.functions)) {
        const label = `${entry.specifier}:${member}`;
        const fn = exportOf(module, member);
        if (facts.kind === 'callback') {
          it(`${member || '(module)'}: once ${facts.exactlyOnce}, async ${facts.alwaysAsync}, values [${facts.values}]`, async () => {
            const scenario = scenarios[label];
            expect(scenario, `a scenario for ${label}`).toBeDefined();
            const dir = freshDir();
            await checkCallback(facts, fn, scenario(fn, dir), label);
            await checkPromiseForm(facts, fn, scenario(fn, freshDir()).ok, label);
          });
        }
        if (facts.kind === 'promise-api') {
          it(`${member || '(module)'}: a promise API, a callback is never called`, async () => {
            const dir = freshDir();
            const args = label.startsWith('mkdirp') ? [path.join(dir, 'p')] : label.startsWith('rimraf') ? [path.join(dir, 'sub')] : label.startsWith('glob') ? ['*.txt', { cwd: dir }] : ['node'];
            // It throws at once (mkdirp 1 reads the callback as bad options), or returns a promise; the callback never runs.
            let thrown: unknown;
            const seen = await observe((callback) => {
              try {
                const returned = fn(...args, callback) as Promise<unknown> | undefined;
                returned?.then?.(undefined, () => undefined); // rimraf 4 rejects the callback as options
                return returned;
              } catch (error) {
                thrown = error;
                return undefined;
              }
            }, 0, 300);
            expect(seen.calls.length).toBe(0);
            if (thrown === undefined) {
              expect(typeof (seen.returned as Promise<unknown>).then).toBe('function');
              await (seen.returned as Promise<unknown>).catch(() => undefined);
            }
          });
        }
      }
      if (entry.fsMembers) {
        for (const [name, scenario] of Object.entries(fsScenarios)) {
          it(`fs.${name} through ${item.alias}: once, after returning, one value; promise form ${entry.fsMembers}`, async () => {
            const fn = module[name] as (...args: unknown[]) => unknown;
            const facts = { kind: 'callback' as const, alwaysAsync: true, exactlyOnce: true, values: ['value'], form: entry.fsMembers! };
            const ok = await observe((callback) => fn(...scenario(freshDir()).ok, callback));
            const fail = await observe((callback) => fn(...scenario(freshDir()).fail, callback));
            expect([ok.calls.length, ok.synchronous, ok.calls[0][0] ?? null, fail.calls.length, fail.synchronous, !!fail.calls[0][0]]).toEqual([1, false, null, 1, false, true]);
            expect(ok.calls[0].slice(2).filter((value) => value !== undefined)).toEqual([]);
            await checkPromiseForm(facts, fn, scenario(freshDir()).ok, `${item.alias}.${name}`);
          });
        }
      }
    });
  }
});

describe('ecosystem table: the refusals and wrappers, shown on the real package', () => {
  it('ncp 2 with stopOnError calls back once per failing file', async () => {
    const dir = freshDir();
    writeFileSync(path.join(dir, 'sub', 'c.txt'), 'gamma');
    const dest = path.join(dir, 'dest');
    mkdirSync(path.join(dest, 'b.txt'), { recursive: true }); // a directory where each file should go
    mkdirSync(path.join(dest, 'c.txt'), { recursive: true });
    const seen = await observe((callback) => load('ncp')(path.join(dir, 'sub'), dest, { stopOnError: true }, callback), 300);
    expect(seen.calls.length).toBeGreaterThan(1);
  });

  it('ncp 2 with clobber (the default) over targets it cannot remove counts each file twice: it calls back before the errors', async () => {
    const dir = freshDir();
    const dest = path.join(dir, 'dest');
    // One file (sub/b.txt) whose target is a directory it cannot unlink: the count that ends the
    // copy is reached in the same callback that starts the unlink, so the callback comes first,
    // every run. (With a second such file its unlink error could arrive before the last count.)
    mkdirSync(path.join(dest, 'b.txt'), { recursive: true });
    const seen = await observe((callback) => load('ncp')(path.join(dir, 'sub'), dest, {}, callback), 300);
    expect([seen.calls.length, seen.calls[0][0]]).toEqual([1, null]);
  });

  it('inflight stores the callbacks of one key and calls each when the first finishes', async () => {
    const inflight = load('inflight');
    const got: string[] = [];
    const first = inflight('key', (v: string) => got.push(`a ${v}`));
    const second = inflight('key', (v: string) => got.push(`b ${v}`));
    expect([typeof first, second]).toEqual(['function', null]);
    first('done');
    expect(got).toEqual(['a done', 'b done']);
  });

  it('mkdirp 1, rimraf 4, glob 9 and which 4 are promise APIs (entries of kind promise-api)', () => {
    const kinds = ['mkdirp', 'rimraf', 'glob', 'which'].map((name) => ecosystemTable.find((entry) => entry.specifier === name && entry.majors.max === Infinity)?.functions['']?.kind);
    expect(kinds).toEqual(['promise-api', 'promise-api', 'promise-api', 'promise-api']);
  });

  it('once calls its function at most once, synchronously; dezalgo defers a synchronous call', async () => {
    const calls: string[] = [];
    const wrapped = load('once')(() => calls.push('once'));
    wrapped();
    wrapped();
    calls.push('after');
    const deferred = load('dezalgo')(() => calls.push('dezalgo'));
    deferred();
    calls.push('returned');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toEqual(['once', 'after', 'returned', 'dezalgo']);
  });

  it('slide asyncMap and chain call back synchronously on an empty list (alwaysAsync false)', async () => {
    const { asyncMap, chain } = load('slide');
    const map = await observe((callback) => asyncMap([], (_x: unknown, cb: () => void) => cb(), callback));
    const chained = await observe((callback) => chain([], callback));
    expect([map.synchronous, chained.synchronous]).toEqual([true, true]);
  });
});
