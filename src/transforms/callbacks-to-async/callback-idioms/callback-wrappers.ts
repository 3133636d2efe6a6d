import { isIdentifierNamed, type AnyNode } from '../../shared/ast';
import type { ModuleBinding } from '../../shared/module-bindings';
import { assignedValue, isModuleNamed } from './shapes';

/**
 * `cb = once(cb)` and `cb = dezalgo(cb)` at the top of the function, with `once` and `dezalgo`
 * the npm packages of those names. Once the proof shows the callback is called exactly once,
 * `once` changes nothing; `dezalgo` moved synchronous calls after the caller's code, which is
 * what an async function's promise does too. Both are taken out of the trial copy.
 * This says which wrapper a statement is, if it is one.
 */
export function wrapperOf(statement: AnyNode, cb: string, bindings: readonly ModuleBinding[]): 'once' | 'dezalgo' | undefined {
  const value = statement.type === 'ExpressionStatement' ? assignedValue(statement.expression, cb) : undefined;
  if (value?.type !== 'CallExpression' || value.arguments.length !== 1 || !isIdentifierNamed(value.arguments[0], cb) || value.callee.type !== 'Identifier') return undefined;
  if (isModuleNamed(bindings, value.callee.name, ['once'])) return 'once';
  if (isModuleNamed(bindings, value.callee.name, ['dezalgo'])) return 'dezalgo';
  return undefined;
}
