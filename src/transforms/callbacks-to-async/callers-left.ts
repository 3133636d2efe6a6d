import type { CallerLeft } from '../../types';
import { isReferenceIdentifier, type AnyNode } from '../shared/ast';

/**
 * The callers of a converted function of this file left with a callback (report/callers-left.ts
 * lists them per API): the calls that still pass one, and the uses of its name as a value
 * (passed on, stored), which may call it with one. Exporting it is no use of that kind: the
 * public changes say what exports now do.
 */
export function callersLeftInFile(program: AnyNode, name: string | undefined, callsWithCallback: readonly AnyNode[]): CallerLeft[] {
  const callers: CallerLeft[] = callsWithCallback.flatMap((call) => (call.loc ? [{ line: call.loc.start.line, column: call.loc.start.column + 1, reason: 'not-converted' as const }] : []));
  if (name) {
    for (const use of valueUsesOf(program, name)) callers.push({ line: use.loc.start.line, column: use.loc.start.column + 1, reason: 'used-as-value' });
  }
  return callers.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** References to `name` that are neither a call of it, its declaration, nor part of an export. */
function valueUsesOf(program: AnyNode, name: string): AnyNode[] {
  const uses: AnyNode[] = [];
  const visit = (node: AnyNode, parent: AnyNode | null, exported: boolean) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'Identifier') {
      if (node.name !== name || !node.loc || exported || !isReferenceIdentifier(node, parent)) return;
      if (parent?.type === 'CallExpression' && parent.callee === node) return;
      if ((parent?.type === 'FunctionDeclaration' || parent?.type === 'VariableDeclarator') && parent.id === node) return;
      uses.push(node);
      return;
    }
    const exportsHere = exported || node.type === 'ExportNamedDeclaration' || node.type === 'ExportDefaultDeclaration' || (node.type === 'AssignmentExpression' && isExportsTarget(node.left));
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'comments' || key === 'tokens' || key === 'original') continue;
      const value = node[key];
      // The left side of `exports.x = x` names the export, not the function.
      const inExport = exportsHere && !(node.type === 'AssignmentExpression' && key === 'left');
      if (Array.isArray(value)) for (const item of value) visit(item, node, inExport);
      else if (value && typeof value === 'object') visit(value, node, inExport);
    }
  };
  visit(program, null, false);
  return uses;
}

/** `module.exports`, `module.exports.x`, `exports.x`. */
function isExportsTarget(node: AnyNode): boolean {
  if (node?.type !== 'MemberExpression') return false;
  if (node.object.type === 'Identifier' && node.object.name === 'exports') return true;
  if (node.object.type === 'Identifier' && node.object.name === 'module' && node.property.name === 'exports') return true;
  return isExportsTarget(node.object);
}
