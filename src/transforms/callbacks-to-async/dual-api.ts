import type { JSCodeshift } from 'jscodeshift';
import { uniqueName, type AnyNode } from '../shared/ast';
import { afterImportsIndex } from '../shared/module-bindings';
import type { PromisableApi } from './node-api-table';
import { setDualReturnType } from './typescript-types';

/**
 * The dual API keeps callers that pass a callback working: called with a function it calls
 * it exactly once, with `(err)` or `(null, value)`, from process.nextTick (outside the promise
 * chain, so a throw in the callback is an uncaught exception as it was, never a rejection or
 * a second call) and returns undefined; called without one it returns the promise.
 */
const helperSource = (name: string, typescript: boolean) => typescript
  ? `function ${name}<T>(promise: Promise<T>, callback: unknown, spread = false): Promise<T> | undefined {
  if (typeof callback !== 'function') return promise;
  promise.then(
    (value) => process.nextTick(() => (spread ? callback(null, ...(value as unknown[])) : callback(null, value))),
    (error) => process.nextTick(() => callback(error)),
  );
  return undefined;
}`
  : `function ${name}(promise, callback, spread = false) {
  if (typeof callback !== 'function') return promise;
  promise.then(
    (value) => process.nextTick(() => (spread ? callback(null, ...value) : callback(null, value))),
    (error) => process.nextTick(() => callback(error)),
  );
  return undefined;
}`;

const helperNames = new WeakMap<AnyNode, string>();

/** The file's one dual-API helper, added after its imports the first time it is needed. */
function helperFor(j: JSCodeshift, program: AnyNode, taken: Set<string>, typescript: boolean): string {
  const known = helperNames.get(program);
  if (known) return known;
  const name = uniqueName('settleCallback', taken);
  const declaration = j.template.statement([helperSource(name, typescript)]);
  declaration.comments = [j.commentLine(' awaitify: the dual API of converted functions (callback when given, else the promise).', true, false)];
  program.body.splice(afterImportsIndex(program), 0, declaration);
  helperNames.set(program, name);
  return name;
}

/** Turns the converted async function `fn` into its dual-API form, in place. */
export function addDualApi(j: JSCodeshift, fn: AnyNode, callbackParam: AnyNode, api: PromisableApi, program: AnyNode, taken: Set<string>, typescript: boolean): void {
  const helper = helperFor(j, program, taken, typescript);
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
  fn.body = j.blockStatement([j.returnStatement(j.callExpression(j.identifier(helper), args))]);
}
