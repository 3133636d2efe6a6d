import type { MessageRef } from '../../types';
import { calleeText, isIdentifierNamed, type AnyNode } from '../shared/ast';
import { positionOf, type CallbackFunction } from './callback-functions';
import type { Refusal } from './report-plan';

/**
 * Says exactly where a callback went when the proof lost it (`passedAway`): into a callback
 * function of this file that stays callback-style (which one, its line, and the rule that
 * refused it), or into a function the API returns for some other call to call back through.
 */
export function explainEscape(
  unconverted: ReadonlyMap<CallbackFunction, string | undefined>,
  refused: CallbackFunction,
  failure: Refusal,
  isCalledBy: (item: CallbackFunction, callee: AnyNode) => boolean,
): MessageRef {
  if (failure.messageId !== 'passedAway') return failure;
  const node: AnyNode = failure.node;
  const callback = `${failure.data?.callback ?? ''}`;
  if (node?.type === 'FunctionExpression' || node?.type === 'ArrowFunctionExpression') {
    return { messageId: 'returnedFunctionCallsBack', data: { callback, line: node.loc?.start.line ?? 0 } };
  }
  if (node?.type !== 'CallExpression') return failure;
  for (const [item, rule] of unconverted) {
    if (item === refused || !isCalledBy(item, node.callee)) continue;
    const name = item.name ?? calleeText(node.callee) ?? 'a function';
    // cmd-shim's `writeShim_(from, to, null, null, cb)`: one argument short, the callback lands in another parameter.
    const given = node.arguments.findIndex((argument: AnyNode) => isIdentifierNamed(argument, callback));
    const expected = item.fn.params.findIndex((param: AnyNode) => isIdentifierNamed(param, item.callbackName));
    if (given !== -1 && expected !== -1 && given !== expected) {
      return { messageId: 'handedNotAsCallback', data: { callback, name, line: positionOf(item).loc?.start.line ?? 0, given: given + 1, expected: expected + 1 } };
    }
    return { messageId: 'handedToOwnFunctionLeft', data: { callback, name, line: positionOf(item).loc?.start.line ?? 0, rule: rule ?? 'not converted' } };
  }
  return failure;
}
