import type { JSCodeshift } from 'jscodeshift';
import type { AnyNode } from '../shared/ast';

/**
 * The `Promise<T>` a converted function returns, read from its callback parameter's type:
 * `cb: (err: Error | null, n?: number) => void` gives `Promise<number>`, two values give a
 * tuple, none give `Promise<void>`. Undefined when the callback is not typed as a function
 * type (an alias needs the checker: left for TypeScript to infer).
 */
export function promiseTypeOf(j: JSCodeshift, callbackParam: AnyNode): AnyNode | undefined {
  const type = callbackParam?.typeAnnotation?.typeAnnotation;
  if (!type || type.type !== 'TSFunctionType') return undefined;
  const params: AnyNode[] = type.parameters ?? type.params ?? [];
  const values = params.slice(1).map((param) => param.typeAnnotation?.typeAnnotation ?? j.tsUnknownKeyword());
  const inner = values.length === 0 ? j.tsVoidKeyword() : values.length === 1 ? values[0] : j.tsTupleType(values);
  return j.tsTypeReference(j.identifier('Promise'), j.tsTypeParameterInstantiation([inner]));
}

/** Gives the converted function its promise return type, where one can be read. */
export function setPromiseReturnType(j: JSCodeshift, fn: AnyNode, callbackParam: AnyNode): void {
  const promise = promiseTypeOf(j, callbackParam);
  if (promise) fn.returnType = j.tsTypeAnnotation(promise);
  else if (fn.returnType) fn.returnType = null;
}

/** The dual form returns the promise, or undefined when it was given a callback. */
export function setDualReturnType(j: JSCodeshift, fn: AnyNode, callbackParam: AnyNode): void {
  const promise = promiseTypeOf(j, callbackParam);
  fn.returnType = promise ? j.tsTypeAnnotation(j.tsUnionType([promise, j.tsUndefinedKeyword()])) : null;
}
