import type { Severity } from '../types';
import { ruleMessages } from './messages';

export interface Rule {
  id: string;
  severity: Severity;
  /** One line, shown when a finding carries no message of its own. */
  message: string;
  /** The rule's messages by id (src/timing/messages.ts), as ESLint rules have them. */
  messages?: Readonly<Record<string, string>>;
  /**
   * The rule converts and flags: where it applies, printed lines within the finding's span may
   * run in another order (the flagged-difference rule of test/execution/flagged-difference.ts).
   * No rule does yet, so before/after traces must match exactly.
   */
  convertsAndFlags?: boolean;
}

/**
 * The one table of rule ids. Ids are a public contract: never rename or reuse one;
 * add new ones at the end of their group.
 */
const ruleList: Rule[] = [
  // Timing changes of rewrites that were applied.
  { id: 'timing/sync-callback-now-async', severity: 'warning', message: 'A callback that ran synchronously on some path now runs after a microtask.' },
  { id: 'timing/callback-moved-to-microtask', severity: 'info', message: 'The callback body now runs as a promise job after the operation completes, not as its own I/O callback.' },
  { id: 'timing/timer-to-microtask', severity: 'error', message: 'A timer callback would run as a microtask instead of a macrotask.' },
  { id: 'timing/concurrency-changed', severity: 'warning', message: 'Operations that ran concurrently now run one after another, or the reverse.' },
  { id: 'timing/throw-becomes-rejection', severity: 'warning', message: 'An error thrown inside a callback (an uncaught exception) now rejects a promise.' },
  { id: 'timing/multiple-callback-calls', severity: 'error', message: 'The callback can be called more than once; a promise settles only once.' },
  { id: 'timing/callback-stored-or-escaping', severity: 'warning', message: 'The callback is stored or passed on where its calls cannot be followed.' },
  { id: 'timing/event-emitter-callback', severity: 'info', message: 'An event listener runs once per event; it is not a one-shot callback.' },
  { id: 'timing/return-value-now-promise', severity: 'warning', message: 'The function now returns a promise where it returned a value before.' },
  { id: 'timing/extra-microtask-ticks', severity: 'info', message: 'The rewrite adds promise ticks between the operation and the code that follows it.' },
  { id: 'timing/next-tick-ordering', severity: 'warning', message: 'process.nextTick callbacks order differently against promise jobs.' },
  { id: 'timing/empty-collection-timing', severity: 'warning', message: 'With an empty collection the callback ran synchronously; the promise settles a microtask later.' },
  { id: 'timing/interval-to-loop', severity: 'info', message: 'A setInterval became a loop of awaits: the next tick is timed from the end of the tick, not its start.' },
  { id: 'timing/delay-helper-replaced', severity: 'info', message: 'A promise delay built on setTimeout now uses timers/promises setTimeout, which resolves at the same moment.' },
  // Refusals: the code was left as it was.
  { id: 'timing/callback-api-not-converted', severity: 'info', message: 'Errors go to a callback parameter of the enclosing function; that function is a callback API and is converted as a whole or not at all.' },
  { id: 'timing/callback-uses-this', severity: 'warning', message: 'The function callback uses `this` or `arguments`, which would change meaning.' },
  { id: 'timing/error-not-first-parameter', severity: 'info', message: 'The callback does not take an error as its first parameter.' },
  { id: 'timing/error-handling-unclear', severity: 'warning', message: 'The callback uses its error in a way that has no exact try/catch equivalent.' },
  { id: 'timing/value-used-after-call', severity: 'warning', message: 'The result of the call is used, so it cannot be replaced by a promise.' },
  { id: 'timing/unsupported-node-version', severity: 'warning', message: 'The promise API is missing on the oldest Node version the package supports.' },
  { id: 'timing/api-not-promisable', severity: 'info', message: 'This API has no promise form with the same behaviour.' },
  { id: 'timing/callback-not-inline', severity: 'info', message: 'The callback is a named function that may be called from elsewhere; the call is left as is.' },
  { id: 'timing/callback-maybe-not-called', severity: 'warning', message: 'On some path the callback is never called; a promise would never settle.' },
  { id: 'timing/code-after-callback-call', severity: 'warning', message: 'Code runs after the callback call returns; as a return statement it would not run.' },
  { id: 'timing/unknown-callee', severity: 'info', message: 'A function awaitify does not know takes an error-first callback; its timing cannot be proven.' },
  { id: 'timing/ignored-by-comment', severity: 'info', message: 'An `awaitify-ignore-next-line` comment asks that this spot be left as it is.' },
  { id: 'timing/name-conflict', severity: 'info', message: 'Moving the callback body would clash with a name in the enclosing scope.' },
  { id: 'timing/timer-handle-cleared', severity: 'warning', message: 'The timer handle is stored and cleared on some path; an await cannot be cancelled that way.' },
  { id: 'timing/timer-callback-uses-this', severity: 'warning', message: 'The function timer callback uses `this` (the Timeout object) or `arguments`, which would change meaning.' },
  { id: 'timing/timer-callback-reused', severity: 'info', message: 'The timer callback is a named function that is also called or used elsewhere.' },
  { id: 'timing/overlapping-timers', severity: 'warning', message: 'Timers started in a loop run concurrently; a loop of awaits would run them one after another.' },
  { id: 'timing/timer-shape-unsupported', severity: 'info', message: 'The timer code has no exact async/await equivalent in this shape.' },
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

/** Ids of the rules that convert and flag (see Rule.convertsAndFlags). */
export function convertAndFlagRuleIds(): string[] {
  return ruleList.filter((rule) => rule.convertsAndFlags === true).map((rule) => rule.id);
}
