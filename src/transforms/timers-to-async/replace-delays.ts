import type { MessageRef } from '../../types';
import type { JSCodeshift } from 'jscodeshift';
import type { AnyNode } from '../shared/ast';
import { isNumericExpression } from './delay-argument';
import type { DelayHelper, PromiseDelay } from './delay-helpers';
import type { TimerBindings } from './timer-bindings';

export interface ReplacedDelay extends MessageRef {
  node: AnyNode;
}

/** Can a call with these arguments go to timers/promises setTimeout as they are? */
function fitsTimersPromises(args: AnyNode[], maxArgs: number, path: Parameters<typeof isNumericExpression>[1]): boolean {
  if (args.length > maxArgs || args.some((argument) => argument.type === 'SpreadElement')) return false;
  return args.length === 0 || isNumericExpression(args[0], path);
}

/**
 * In Node code, promise delays built on the global setTimeout become timers/promises
 * setTimeout, which resolves at the same moment in the same timers phase: helper functions
 * whose every use is a call (the helper goes), and inline `new Promise(…)` delays. A delay
 * that might not be a number stays, since timers/promises rejects what setTimeout converts.
 */
export function replaceDelays(
  j: JSCodeshift,
  delays: PromiseDelay[],
  helpers: DelayHelper[],
  bindings: TimerBindings,
  /** A spot the user asked to leave alone. */
  isSkipped: (node: AnyNode) => boolean,
): ReplacedDelay[] {
  const replaced: ReplacedDelay[] = [];
  const helperDelays = new Set(helpers.map((helper) => helper.delay));
  for (const helper of helpers) {
    const calls = helper.calls;
    const maxArgs = helper.passesValue ? 2 : 1;
    if (!calls || !calls.every((call) => fitsTimersPromises(call.value.arguments, maxArgs, call))) continue;
    if ([helper.statementPath.value, ...calls.map((call) => call.value)].some(isSkipped)) continue;
    bindings.preferName(helper.name);
    for (const { value: call } of calls) call.callee = bindings.callee('setTimeout', call.arguments.length > 1);
    const list = helper.statementPath.parentPath.value as AnyNode[];
    list.splice(list.indexOf(helper.statementPath.value), 1);
    replaced.push({ node: helper.statementPath.value, messageId: 'helperReplaced', data: { name: helper.name } });
  }
  for (const delay of delays) {
    if (helperDelays.has(delay)) continue;
    const args = [delay.ms, delay.value].filter((argument): argument is AnyNode => argument !== undefined);
    if (!fitsTimersPromises(args, 2, delay.path) || (!delay.ms && delay.value) || isSkipped(delay.path.value)) continue;
    const node = delay.path.value;
    delay.path.replace(j.callExpression(bindings.callee('setTimeout', !!delay.value), args));
    replaced.push({ node, messageId: 'promiseDelayReplaced' });
  }
  return replaced;
}
