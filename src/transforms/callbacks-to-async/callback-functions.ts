import { isFunctionNode, isIdentifierNamed, isReferenceIdentifier, walk, type AnyNode } from '../shared/ast';

/**
 * A module-level function whose last parameter looks like an error-first callback.
 * `holder[key] === fn`, so that a trial copy can be swapped in and out.
 */
export interface CallbackFunction {
  fn: AnyNode;
  /** The name callers in this file use, when there is one. */
  name?: string;
  callbackName: string;
  holder: AnyNode;
  key: string | number;
  /** Exported or assigned to module.exports: callers elsewhere may pass a callback. */
  exported: boolean;
}

function isModuleExportsTarget(node: AnyNode): boolean {
  if (node.type !== 'MemberExpression') return false;
  if (isIdentifierNamed(node.object, 'exports')) return true;
  return node.object.type === 'MemberExpression' && isIdentifierNamed(node.object.object, 'module') && isIdentifierNamed(node.object.property, 'exports');
}

function isNullish(node: AnyNode): boolean {
  return !node || node.type === 'NullLiteral' || (node.type === 'Literal' && node.value === null) || isIdentifierNamed(node, 'undefined');
}

/** Is `name` called as an error-first callback somewhere: `cb(null, …)`, `cb()`, `cb(err)`, or handed on? */
function looksErrorFirst(fn: AnyNode, name: string): boolean {
  let found = false;
  walk(fn.body, (node) => {
    if (found || node.type !== 'CallExpression') return !found;
    const args = node.arguments;
    if (isIdentifierNamed(node.callee, name)) {
      if (args.length === 0 || isNullish(args[0]) || (args.length === 1 && args[0].type === 'Identifier' && /^(err|error|er|e)$/i.test(args[0].name))) found = true;
    } else if (isIdentifierNamed(args[args.length - 1], name)) {
      found = true;
    }
    return !found;
  });
  return found;
}

function candidate(fn: AnyNode, holder: AnyNode, key: string | number, name: string | undefined, exported: boolean): CallbackFunction | undefined {
  if (!fn || !isFunctionNode(fn) || fn.async || fn.generator) return undefined;
  const last = fn.params[fn.params.length - 1];
  if (!last || last.type !== 'Identifier') return undefined;
  if (!looksErrorFirst(fn, last.name)) return undefined;
  return { fn, name, callbackName: last.name, holder, key, exported };
}

/** Module-level functions, `const f = function/arrow`, and `module.exports.x = function`. */
export function findCallbackFunctions(program: AnyNode): CallbackFunction[] {
  const found: CallbackFunction[] = [];
  const add = (item: CallbackFunction | undefined) => item && found.push(item);
  program.body.forEach((statement: AnyNode, index: number) => {
    const exported = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration';
    const declaration = exported ? statement.declaration : statement;
    if (!declaration) return;
    if (declaration.type === 'FunctionDeclaration') {
      add(exported ? candidate(declaration, statement, 'declaration', declaration.id?.name, true) : candidate(declaration, program.body, index, declaration.id?.name, false));
    } else if (declaration.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === 'Identifier') add(candidate(declarator.init, declarator, 'init', declarator.id.name, exported));
      }
    } else if (declaration.type === 'ExpressionStatement' && declaration.expression.type === 'AssignmentExpression') {
      const assignment = declaration.expression;
      if (isModuleExportsTarget(assignment.left)) add(candidate(assignment.right, assignment, 'right', undefined, true));
    }
  });
  return found;
}

/** Is the name used other than as the callee of a call (exported, stored, passed on)? */
export function escapes(program: AnyNode, name: string, declaration: AnyNode): boolean {
  let escaped = false;
  walk(program, (node, parent) => {
    if (escaped) return false;
    if (node.type !== 'Identifier' || node.name !== name || !isReferenceIdentifier(node, parent)) return true;
    if (parent === declaration || (parent.type === 'VariableDeclarator' && parent.id === node)) return true;
    if (parent.type === 'CallExpression' && parent.callee === node) return true;
    escaped = true;
    return false;
  });
  return escaped;
}
