import type { ASTPath } from 'jscodeshift';
import { isReferenceIdentifier, walk, type AnyNode } from '../shared/ast';
import type { Placement } from '../shared/async-placement';

/**
 * A function that is no callback API but holds one converted call can become the async
 * function itself, instead of holding an async IIFE (issue #15: IIFEs only at the roots).
 * Exactly the same program when:
 * - it is a plain `function name(…) {…}` (not async, a generator, or typed), and the call's
 *   statement is its only statement besides function declarations: what the IIFE held is the
 *   whole body, so nothing that threw synchronously before now rejects;
 * - every use of its name is a call whose value is dropped (`name(…);`): no caller can see
 *   that it now returns a promise instead of undefined.
 */
export interface AsyncHost {
  fn: AnyNode;
  name: string;
  placement: Placement;
}

export function findAsyncHost(statementPath: ASTPath<AnyNode>, isCallbackFunction: (fn: AnyNode) => boolean): AsyncHost | undefined {
  const block = statementPath.parent;
  const fnPath = block?.parent;
  const fn = fnPath?.value;
  if (block?.value.type !== 'BlockStatement' || fn?.type !== 'FunctionDeclaration' || fn.body !== block.value) return undefined;
  if (!fn.id || fn.async || fn.generator || fn.returnType || isCallbackFunction(fn)) return undefined;
  const list: AnyNode[] = block.value.body;
  const index = list.indexOf(statementPath.value);
  if (index === -1 || list.some((statement, i) => i !== index && statement.type !== 'FunctionDeclaration')) return undefined;
  const parentType = fnPath.parent?.value.type;
  if (parentType === 'ExportNamedDeclaration' || parentType === 'ExportDefaultDeclaration') return undefined;
  if (!onlyCalledForEffect(fnPath, fn.id.name)) return undefined;
  return { fn, name: fn.id.name, placement: { kind: 'inline', statementPath, list, index } };
}

/** Is every reference to the function's name, in the scope that declares it, a call statement? */
function onlyCalledForEffect(fnPath: ASTPath<AnyNode>, name: string): boolean {
  const scope = fnPath.parent?.scope?.lookup(name);
  if (!scope) return false;
  const statementCalls = new Set<AnyNode>();
  const calls: AnyNode[] = [];
  let escapes = false;
  walk(scope.path.value, (node, parent) => {
    if (node.type === 'ExpressionStatement') statementCalls.add(node.expression);
    if (node.type !== 'Identifier' || node.name !== name || !isReferenceIdentifier(node, parent) || node === fnPath.value.id) return;
    // A name of the same spelling bound in an inner scope is counted too: a conservative no.
    if (parent?.type === 'CallExpression' && parent.callee === node) calls.push(parent);
    else escapes = true;
  });
  return !escapes && calls.every((call) => statementCalls.has(call));
}
