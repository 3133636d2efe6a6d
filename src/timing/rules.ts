import type { Severity } from '../types';
import { ruleMessages } from './messages';

/**
 * What awaitify does at a spot a rule names:
 * - `report`: the rewrite is made and keeps every result and order the execution check sees;
 *   the finding says what changed underneath (a callback body now a promise job, …);
 * - `refuse`: a rewrite would change values, call counts or error paths: the code stays;
 * - `convert-and-flag`: only timing may move (an unproven callee, a maybe-synchronous callback,
 *   a nextTick against promise jobs): converted by default and flagged with exactly what may
 *   differ; `--strict` refuses it, and `--allow <id>` lifts that refusal again.
 */
export type RulePolicy = 'report' | 'refuse' | 'convert-and-flag';

export interface Rule {
  id: string;
  severity: Severity;
  policy: RulePolicy;
  /** One line, shown when a finding carries no message of its own. */
  message: string;
  /** The rule's messages by id (src/timing/messages.ts), as ESLint rules have them. */
  messages?: Readonly<Record<string, string>>;
}

/**
 * The one table of rule ids. Ids are a public contract: never rename or reuse one;
 * add new ones at the end of their group.
 */
const ruleList: Rule[] = [
  // Timing changes of rewrites that were applied (and refusals that name a timing change).
  { id: 'timing/sync-callback-now-async', severity: 'warning', policy: 'convert-and-flag', message: 'A callback that ran synchronously on some path now runs after a microtask.' },
  { id: 'timing/callback-moved-to-microtask', severity: 'info', policy: 'report', message: 'The callback body now runs as a promise job after the operation completes, not as its own I/O callback.' },
  { id: 'timing/timer-to-microtask', severity: 'error', policy: 'refuse', message: 'A timer callback would run as a microtask instead of a macrotask.' },
  { id: 'timing/concurrency-changed', severity: 'warning', policy: 'refuse', message: 'Operations that ran concurrently now run one after another, or the reverse.' },
  { id: 'timing/throw-becomes-rejection', severity: 'warning', policy: 'report', message: 'An error thrown inside a callback (an uncaught exception) now rejects a promise.' },
  { id: 'timing/multiple-callback-calls', severity: 'error', policy: 'refuse', message: 'The callback can be called more than once; a promise settles only once.' },
  { id: 'timing/callback-stored-or-escaping', severity: 'warning', policy: 'refuse', message: 'The callback is stored or passed on where its calls cannot be followed.' },
  { id: 'timing/event-emitter-callback', severity: 'info', policy: 'refuse', message: 'An event listener runs once per event; it is not a one-shot callback.' },
  { id: 'timing/return-value-now-promise', severity: 'warning', policy: 'report', message: 'The function now returns a promise where it returned a value before.' },
  { id: 'timing/extra-microtask-ticks', severity: 'info', policy: 'report', message: 'The rewrite adds promise ticks between the operation and the code that follows it.' },
  { id: 'timing/next-tick-ordering', severity: 'warning', policy: 'convert-and-flag', message: 'process.nextTick callbacks order differently against promise jobs.' },
  { id: 'timing/empty-collection-timing', severity: 'warning', policy: 'report', message: 'With an empty collection the callback ran synchronously; the promise settles a microtask later.' },
  { id: 'timing/interval-to-loop', severity: 'info', policy: 'report', message: 'A setInterval became a loop of awaits: the next tick is timed from the end of the tick, not its start.' },
  { id: 'timing/delay-helper-replaced', severity: 'info', policy: 'report', message: 'A promise delay built on setTimeout now uses timers/promises setTimeout, which resolves at the same moment.' },
  { id: 'timing/chain-to-await', severity: 'info', policy: 'report', message: 'A promise chain became awaits; each handler still sees the values and errors it saw.' },
  { id: 'timing/microtask-ticks-changed', severity: 'warning', policy: 'convert-and-flag', message: 'The value is now seen after a different number of microtask ticks than in the promise chain.' },
  { id: 'timing/promise-receiver-unknown', severity: 'warning', policy: 'convert-and-flag', message: 'The chain starts on a value not known to be a native promise; await calls its then a tick later.' },
  { id: 'timing/promise-wrapper-replaced', severity: 'info', policy: 'report', message: 'A new Promise wrapper around a callback API became the promise form of that API.' },
  // Refusals: the code was left as it was.
  { id: 'timing/callback-api-not-converted', severity: 'info', policy: 'refuse', message: 'Errors go to a callback parameter of the enclosing function; that function is a callback API and is converted as a whole or not at all.' },
  { id: 'timing/callback-uses-this', severity: 'warning', policy: 'refuse', message: 'The function callback uses `this` or `arguments`, which would change meaning.' },
  { id: 'timing/error-not-first-parameter', severity: 'info', policy: 'refuse', message: 'The callback does not take an error as its first parameter.' },
  { id: 'timing/error-handling-unclear', severity: 'warning', policy: 'refuse', message: 'The callback uses its error in a way that has no exact try/catch equivalent.' },
  { id: 'timing/value-used-after-call', severity: 'warning', policy: 'refuse', message: 'The result of the call is used, so it cannot be replaced by a promise.' },
  { id: 'timing/unsupported-node-version', severity: 'warning', policy: 'refuse', message: 'The promise API is missing on the oldest Node version the package supports.' },
  { id: 'timing/api-not-promisable', severity: 'info', policy: 'refuse', message: 'This API has no promise form with the same behaviour.' },
  { id: 'timing/callback-not-inline', severity: 'info', policy: 'refuse', message: 'The callback is a named function that may be called from elsewhere; the call is left as is.' },
  { id: 'timing/callback-maybe-not-called', severity: 'warning', policy: 'refuse', message: 'On some path the callback is never called; a promise would never settle.' },
  { id: 'timing/code-after-callback-call', severity: 'warning', policy: 'refuse', message: 'Code runs after the callback call returns; as a return statement it would not run.' },
  { id: 'timing/unknown-callee', severity: 'warning', policy: 'convert-and-flag', message: 'A function awaitify does not know takes an error-first callback; its timing cannot be proven.' },
  { id: 'timing/ignored-by-comment', severity: 'info', policy: 'refuse', message: 'An `awaitify-ignore-next-line` comment asks that this spot be left as it is.' },
  { id: 'timing/name-conflict', severity: 'info', policy: 'refuse', message: 'Moving the callback body would clash with a name in the enclosing scope.' },
  { id: 'timing/timer-handle-cleared', severity: 'warning', policy: 'refuse', message: 'The timer handle is stored and cleared on some path; an await cannot be cancelled that way.' },
  { id: 'timing/timer-callback-uses-this', severity: 'warning', policy: 'refuse', message: 'The function timer callback uses `this` (the Timeout object) or `arguments`, which would change meaning.' },
  { id: 'timing/timer-callback-reused', severity: 'info', policy: 'refuse', message: 'The timer callback is a named function that is also called or used elsewhere.' },
  { id: 'timing/overlapping-timers', severity: 'warning', policy: 'refuse', message: 'Timers started in a loop run concurrently; a loop of awaits would run them one after another.' },
  { id: 'timing/timer-shape-unsupported', severity: 'info', policy: 'refuse', message: 'The timer code has no exact async/await equivalent in this shape.' },
  { id: 'timing/promise-chain-not-converted', severity: 'info', policy: 'refuse', message: 'The promise chain has no await form here that keeps what it does; it is left as is.' },
  { id: 'timing/promise-library-method', severity: 'warning', policy: 'refuse', message: 'The chain uses a method only promise libraries have (Bluebird, Q); it is left as is.' },
  { id: 'timing/promise-wrapper-not-converted', severity: 'info', policy: 'refuse', message: 'The new Promise wrapper cannot become the promise form of its API exactly; it is left as is.' },
];

export const rules: ReadonlyMap<string, Rule> = new Map(ruleList.map((rule) => [rule.id, { ...rule, messages: ruleMessages[rule.id] ?? {} }]));

export function getRule(id: string): Rule | undefined {
  return rules.get(id);
}

export function getRuleOrThrow(id: string): Rule {
  const rule = rules.get(id);
  if (!rule) throw new Error(`Unknown rule id ${id}: add it to src/timing/rules.ts`);
  return rule;
}

export function listRules(): Rule[] {
  return [...rules.values()];
}

/**
 * The rules that convert and flag by default (`--strict` refuses them, src/engine/policy.ts):
 * where one applies, printed lines within its finding's span may run in another order (the
 * flagged-difference rule of test/execution/flagged-difference.ts).
 */
export function convertAndFlagRuleIds(): string[] {
  return ruleList.filter((rule) => rule.policy === 'convert-and-flag').map((rule) => rule.id);
}
