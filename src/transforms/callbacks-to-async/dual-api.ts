import type { JSCodeshift } from 'jscodeshift';
import type { AnyNode } from '../shared/ast';
import { settleCallbackHelper, useHelper } from './local-helpers';
import type { PromisableApi } from './node-api-table';
import { setDualReturnType } from './typescript-types';

/**
 * The dual API keeps callers that pass a callback working: called with a function it calls
 * it exactly once, with `(err)` or `(null, value)`, from process.nextTick (outside the promise
 * chain, so a throw in the callback is an uncaught exception as it was, never a rejection or
 * a second call) and returns undefined; called without one it returns the promise.
 */
/** Turns the converted async function `fn` into its dual-API form, in place. */
export function addDualApi(j: JSCodeshift, fn: AnyNode, callbackParam: AnyNode, api: PromisableApi, program: AnyNode, taken: Set<string>, typescript: boolean, prologue: AnyNode[] = []): void {
  const helper = useHelper(j, program, settleCallbackHelper, taken, typescript);
  const inner = j.arrowFunctionExpression([], fn.body);
  inner.async = true;
  // The async body's own return type moves to the inner arrow; the dual form may return undefined.
  if (typescript && fn.returnType) inner.returnType = fn.returnType;
  const args: AnyNode[] = [j.callExpression(inner, []), j.identifier(callbackParam.name)];
  if (api.result.kind === 'array') args.push(j.booleanLiteral(true));
  const callback = j.identifier(callbackParam.name);
  if (typescript) {
    callback.typeAnnotation = callbackParam.typeAnnotation ?? j.tsTypeAnnotation(j.tsUnknownKeyword());
    callback.optional = true;
    setDualReturnType(j, fn, callbackParam);
  }
  fn.async = false;
  fn.params = [...fn.params, callback];
  // The original argument shifting runs first, so that a callback passed early still lands in place.
  fn.body = j.blockStatement([...prologue, j.returnStatement(j.callExpression(j.identifier(helper), args))]);
}
