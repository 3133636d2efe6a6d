import fc from 'fast-check';

/**
 * The grammar of generated programs: a model of a small callback-era CommonJS program, drawn
 * by fast-check (so runs have seeds and failures shrink). A program is one chain of async
 * steps: each step's callback holds the code that runs next, so only one operation is pending
 * at a time (apart from joins, whose members print nothing) and the output order is fixed.
 * To add a shape: a variant of Step (here), its arbitrary in stepArb, its printing in print.ts.
 */

export type FsOp = 'readFile' | 'readFileBuffer' | 'stat' | 'readdir' | 'writeFile' | 'appendFile' | 'access' | 'mkdir' | 'copyFile' | 'unlink';

/** How a callback treats its error: throw, return after a log, if/else, log and go on, hand it up (`return cb(err)`), or ignore it. */
export type ErrorStyle = 'throw' | 'return' | 'ifElse' | 'continue' | 'propagate' | 'ignore';

/** Code right after a call: a log, and maybe a nextTick and a promise job. */
export interface After {
  log: boolean;
  tick: boolean;
  promise: boolean;
}

/** Code that runs in a callback once its operation is done. */
export interface Body {
  logs: number;
  next?: Step;
  /** Only where nothing follows: a promise job; with `macrotasks`, also an immediate and a 0 ms timer (in that order). */
  markers: { promise: boolean; macrotasks: boolean };
}

export type Step =
  | { kind: 'fs'; op: FsOp; fail: boolean; style: ErrorStyle; functionCallback: boolean; after: After; then: Body }
  | { kind: 'timeout'; delay: number; functionCallback: boolean; after: After; then: Body }
  | { kind: 'immediate'; after: After; then: Body }
  /** fs.exists: a boolean and never an error (`fail`: asks about a missing file). */
  | { kind: 'exists'; fail: boolean; functionCallback: boolean; after: After; then: Body }
  | { kind: 'tick'; after: After; then: Body }
  | { kind: 'interval'; delay: number; ticks: number; after: After; then: Body }
  | { kind: 'retry'; delay: number; attempts: number; after: After; then: Body }
  | { kind: 'join'; members: JoinMember[]; after: After; then: Body }
  | { kind: 'nextLoop'; files: string[]; after: After; then: Body }
  | { kind: 'call'; api: OwnApi; fail: boolean; style: ErrorStyle; after: After; then: Body };

export type JoinMember = { kind: 'read'; file: string } | { kind: 'timer'; value: number };

/** The program's own callback API: a function `(input, [options,] cb)` whose work is `source`. */
export interface OwnApi {
  source: 'fs' | 'handOn' | 'timer' | 'immediate' | 'tick' | 'join' | 'nextLoop' | 'syncOnSomePath' | 'exists';
  /**
   * `optional`: an options argument that may be left out; `default`: `cb = cb || function () {}`;
   * `checked`: `if (typeof cb !== 'function') throw …` first.
   */
  signature: 'plain' | 'optional' | 'default' | 'checked';
  /** Code after the async call inside the function. */
  logAfter: boolean;
}

export interface Program {
  /** The chain runs inside `function main() {…}` called at the top level. */
  inFunction: boolean;
  first: Step;
  /** A log after the chain starts (after main() when inFunction). */
  logAtEnd: boolean;
  /**
   * A call nothing waits for, after the chain starts (inside main() when inFunction), whose
   * callback reads nothing and does nothing: `fs.unlink` of a missing file, `fs.close` of an
   * open descriptor or of a bad one. Drawn last, so that the rest of a seed's program stays.
   */
  forget: 'none' | 'unlink' | 'close' | 'closeBad';
  /** With inFunction: `var label = 'main';` first in main(), which cannot throw (main may still become async). Drawn last. */
  mainLabel: boolean;
}

export const maxDepth = 5;

const afterArb: fc.Arbitrary<After> = fc.record({
  log: fc.boolean(),
  tick: fc.boolean(),
  promise: fc.boolean(),
});

const fsOpArb = fc.constantFrom<FsOp>('readFile', 'readFile', 'readFileBuffer', 'stat', 'readdir', 'writeFile', 'appendFile', 'access', 'mkdir', 'copyFile', 'unlink');
/** Errors are injected on one path in four. */
const oneInFour = fc.integer({ min: 0, max: 3 }).map((n) => n === 0);
const delayArb = fc.constantFrom(10, 20, 30, 45);

/** Error styles where the error is not handed up (steps outside an own API function). */
const styleArb = (fail: boolean) =>
  fail ? fc.constantFrom<ErrorStyle>('return', 'ifElse', 'continue') : fc.constantFrom<ErrorStyle>('throw', 'throw', 'return', 'ifElse', 'continue', 'ignore');

const ownApiArb: fc.Arbitrary<OwnApi> = fc.record({
  source: fc.constantFrom<OwnApi['source']>('fs', 'fs', 'handOn', 'timer', 'timer', 'immediate', 'tick', 'join', 'nextLoop', 'syncOnSomePath', 'exists'),
  signature: fc.constantFrom<OwnApi['signature']>('plain', 'plain', 'plain', 'optional', 'default', 'checked'),
  logAfter: fc.boolean(),
});

const joinMemberArb: fc.Arbitrary<JoinMember> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('read' as const), file: fc.constantFrom('data/a.txt', 'data/b.txt', 'data/c.txt', 'input.txt') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('timer' as const), value: fc.integer({ min: 1, max: 9 }) }) },
);

const bodies = new Map<number, fc.Arbitrary<Body>>();

/** The code in a callback at `depth` (1 = the first step's callback). */
export function bodyArb(depth: number): fc.Arbitrary<Body> {
  const known = bodies.get(depth);
  if (known) return known;
  const next = depth < maxDepth ? fc.option(stepArb(depth + 1), { freq: 3, nil: undefined }) : fc.constant(undefined);
  const arb = fc
    .record({
      logs: fc.integer({ min: 0, max: 2 }),
      next,
      markers: fc.record({ promise: fc.boolean(), macrotasks: fc.boolean() }),
    })
    .map(({ logs, next: step, markers }) => (step ? { logs, next: step, markers: { promise: false, macrotasks: false } } : { logs, markers }));
  bodies.set(depth, arb);
  return arb;
}

/** One async step at `depth`, its callback's code drawn at depth + 1. */
export function stepArb(depth: number): fc.Arbitrary<Step> {
  const then = bodyArb(depth);
  const after = afterArb;
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .record({ op: fsOpArb, fail: oneInFour, functionCallback: fc.boolean(), after, then })
        .chain((step) => styleArb(step.fail).map((style) => ({ kind: 'fs' as const, ...step, style }))),
    },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('timeout' as const), delay: delayArb, functionCallback: fc.boolean(), after, then }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('immediate' as const), after, then }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('exists' as const), fail: oneInFour, functionCallback: fc.boolean(), after, then }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), after, then }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('interval' as const), delay: delayArb, ticks: fc.integer({ min: 1, max: 3 }), after, then }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('retry' as const), delay: delayArb, attempts: fc.integer({ min: 1, max: 3 }), after, then }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('join' as const), members: fc.array(joinMemberArb, { minLength: 2, maxLength: 3 }), after, then }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('nextLoop' as const),
        files: fc.array(fc.constantFrom('data/a.txt', 'data/b.txt', 'other.txt', 'missing.txt'), { minLength: 1, maxLength: 3 }),
        after,
        then,
      }),
    },
    {
      weight: 5,
      arbitrary: fc
        .record({ api: ownApiArb, fail: oneInFour, after, then })
        .chain((step) => styleArb(step.fail).map((style) => ({ kind: 'call' as const, ...step, style }))),
    },
  );
}

export const programArb: fc.Arbitrary<Program> = fc.record({
  inFunction: fc.boolean(),
  first: stepArb(1),
  logAtEnd: fc.boolean(),
  forget: fc.constantFrom<Program['forget']>('none', 'none', 'unlink', 'close', 'closeBad'),
  mainLabel: fc.boolean(),
});

/** The steps of a program, in order. */
export function programSteps(program: Program): Step[] {
  const steps: Step[] = [];
  for (let step: Step | undefined = program.first; step; step = step.then.next) steps.push(step);
  return steps;
}

/**
 * Programs for the multi-file run (print.ts printPackage): only those that call an own callback
 * function, so that the second file holds something for cross-file conversion to reach.
 */
export const packageProgramArb: fc.Arbitrary<Program> = programArb.filter((program) => programSteps(program).some((step) => step.kind === 'call'));
