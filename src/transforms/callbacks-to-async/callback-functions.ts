import { isFunctionNode, isIdentifierNamed, walk, type AnyNode } from '../shared/ast';

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
  /** Keys from the program node down to the function, to reach its path without a search. */
  route: Array<string | number>;
}

function isModuleExportsTarget(node: AnyNode): boolean {
  if (node.type !== 'MemberExpression') return false;
  if (isIdentifierNamed(node.object, 'exports')) return true;
  return node.object.type === 'MemberExpression' && isIdentifierNamed(node.object.object, 'module') && isIdentifierNamed(node.object.property, 'exports');
}

function isNullish(node: AnyNode): boolean {
  return !node || node.type === 'NullLiteral' || (node.type === 'Literal' && node.value === null) || isIdentifierNamed(node, 'undefined');
}

const callbackLikeName = /^(cb|callback|done|next|cont|continuation|fn|resolve)$|Callback$|Cb$|Done$/;

/** Is `name` called as an error-first callback somewhere: `cb(null, …)`, `cb()`, `cb(err)`, or handed on? */
function looksErrorFirst(fn: AnyNode, name: string): boolean {
  let found = false;
  walk(fn.body, (node) => {
    if (found || node.type !== 'CallExpression') return !found;
    const args = node.arguments;
    if (isIdentifierNamed(node.callee, name)) {
      if (args.length === 0 || isNullish(args[0]) || (args.length === 1 && args[0].type === 'Identifier' && /^(err|error|er|e)$/i.test(args[0].name))) found = true;
    } else if (isIdentifierNamed(args[args.length - 1], name) && callbackLikeName.test(name)) {
      // Handed on as another call's last argument: only names that say "callback" count,
      // or every `log('x', value)` would make `value` look like one.
      found = true;
    }
    return !found;
  });
  return found;
}

function candidate(fn: AnyNode, holder: AnyNode, key: string | number, name: string | undefined, exported: boolean, route: Array<string | number>): CallbackFunction | undefined {
  if (!fn || !isFunctionNode(fn) || fn.async || fn.generator) return undefined;
  const last = fn.params[fn.params.length - 1];
  if (!last || last.type !== 'Identifier') return undefined;
  if (!looksErrorFirst(fn, last.name)) return undefined;
  return { fn, name, callbackName: last.name, holder, key, exported, route };
}

/** Module-level functions, `const f = function/arrow`, and `module.exports.x = function`. */
export function findCallbackFunctions(program: AnyNode): CallbackFunction[] {
  const found: CallbackFunction[] = [];
  const add = (item: CallbackFunction | undefined) => item && found.push(item);
  program.body.forEach((statement: AnyNode, index: number) => {
    const exported = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration';
    const declaration = exported ? statement.declaration : statement;
    const route: Array<string | number> = exported ? ['body', index, 'declaration'] : ['body', index];
    if (!declaration) return;
    if (declaration.type === 'FunctionDeclaration') {
      add(exported
        ? candidate(declaration, statement, 'declaration', declaration.id?.name, true, route)
        : candidate(declaration, program.body, index, declaration.id?.name, false, route));
    } else if (declaration.type === 'VariableDeclaration') {
      declaration.declarations.forEach((declarator: AnyNode, i: number) => {
        if (declarator.id.type === 'Identifier') add(candidate(declarator.init, declarator, 'init', declarator.id.name, exported, [...route, 'declarations', i, 'init']));
      });
    } else if (declaration.type === 'ExpressionStatement' && declaration.expression.type === 'AssignmentExpression') {
      const assignment = declaration.expression;
      if (isModuleExportsTarget(assignment.left)) add(candidate(assignment.right, assignment, 'right', undefined, true, [...route, 'expression', 'right']));
    }
  });
  return found;
}
