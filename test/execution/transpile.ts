import ts from 'typescript';
import { runScript, type RunOutcome } from './harness';

/**
 * TypeScript fixtures run through a transpile step: types are erased with TypeScript's own
 * `transpileModule` (no type check: test/typescript-output.test.ts does that) into CommonJS,
 * and the result runs as `fixture.js`. JSX becomes calls of a small element factory appended
 * at the end (a hoisted function, so no line moves): `{ type, props: { ...props, children } }`.
 * Input and output go through the same step, so what is compared is what the rewrite changed.
 */

const jsxFactory = '__awaitifyJsx';
const factorySource = `\nfunction ${jsxFactory}(type, props, ...children) { return { type, props: { ...props, children } }; }\n`;

export interface Runnable {
  source: string;
  /** The extension the script runs with: the fixture's own, or js for ts/tsx. */
  ext: string;
}

export function toRunnable(source: string, ext: string, fileName: string): Runnable {
  if (ext !== 'ts' && ext !== 'tsx') return { source, ext };
  const { outputText } = ts.transpileModule(source, {
    fileName,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      jsx: ts.JsxEmit.React,
      jsxFactory,
    },
  });
  return { source: ext === 'tsx' ? outputText + factorySource : outputText, ext: 'js' };
}

/** Runs a fixture's input, output or rewrite: ts and tsx through the transpile step. */
export function runFixtureSource(source: string, fixture: { ext: string; inputFileName: string }): Promise<RunOutcome> {
  const runnable = toRunnable(source, fixture.ext, fixture.inputFileName);
  return runScript(runnable.source, { ext: runnable.ext });
}

const sharedRuns = new Map<string, Promise<RunOutcome>>();
let sharedCalls = 0;

/**
 * One run per distinct script in this test process: the fixture runs of execution.test.ts and
 * the runs of all-transforms.ts (which it calls) share an input's first run, and an output that
 * all transforms together write exactly as the fixture's expected output. Repeated runs of the
 * stability check (AWAITIFY_EXEC_REPEAT) use runFixtureSource, never this.
 */
export function runFixtureSourceOnce(source: string, fixture: { ext: string; inputFileName: string }): Promise<RunOutcome> {
  sharedCalls += 1;
  const key = `${fixture.ext}\0${source}`;
  let run = sharedRuns.get(key);
  if (!run) {
    run = runFixtureSource(source, fixture);
    sharedRuns.set(key, run);
  }
  return run;
}

/** How often runFixtureSourceOnce was called, and how many scripts it ran for those calls. */
export function sharedRunStats(): { calls: number; runs: number } {
  return { calls: sharedCalls, runs: sharedRuns.size };
}
