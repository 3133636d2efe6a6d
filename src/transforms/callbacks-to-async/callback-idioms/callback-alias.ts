import type { JSCodeshift } from 'jscodeshift';
import { isFunctionNode, isIdentifierNamed, isReferenceIdentifier, walk, type AnyNode } from '../../shared/ast';

/**
 * `var callback = cb || function () {}` (nedb): the callback under another name, with a default.
 * When the parameter is read nowhere else and the alias is never assigned, every use of the alias
 * is a use of the parameter: the alias is renamed back, and the default becomes the statement
 * `cb = cb || function () {}` that optional-callback.ts reads (placed where the declarator was
 * evaluated; only a literal default or a name moves, neither has effects). True when it did so.
 */
export function takeCallbackAlias(j: JSCodeshift, copy: AnyNode, cb: string): boolean {
  const body: AnyNode[] = copy.body.body;
  for (let index = 0; index < body.length; index++) {
    const statement = body[index];
    if (statement.type !== 'VariableDeclaration') {
      if (mentions(statement, cb)) return false;
      continue;
    }
    const at = statement.declarations.findIndex((declarator: AnyNode) => aliasDefault(declarator, cb) !== undefined);
    if (at === -1) {
      if (mentions(statement, cb)) return false;
      continue;
    }
    const declarator = statement.declarations[at];
    const alias: string = declarator.id.name;
    const fallback = aliasDefault(declarator, cb)!;
    const earlier = statement.declarations.slice(0, at);
    if (fallback.type === 'Identifier' && earlier.some((other: AnyNode) => isIdentifierNamed(other.id, fallback.name))) return false;
    if (countNamed(copy.body, cb) !== 1 || !onlyBoundHere(copy, alias, declarator)) return false;
    renameReferences(copy.body, alias, cb);
    statement.declarations.splice(at, 1);
    const replacement = fallback === NO_DEFAULT ? [] : [j.expressionStatement(j.assignmentExpression('=', j.identifier(cb), j.logicalExpression('||', j.identifier(cb), fallback)))];
    // The statement itself keeps the declarators on the side that has any (its own punctuation and comments).
    const before = statement.declarations.slice(0, at);
    const after = statement.declarations.slice(at);
    const keep = (declarators: AnyNode[]) => Object.assign(statement, { declarations: declarators });
    const pieces = before.length > 0
      ? [keep(before), ...replacement, ...(after.length > 0 ? [j.variableDeclaration(statement.kind, after)] : [])]
      : [...replacement, ...(after.length > 0 ? [keep(after)] : [])];
    body.splice(index, 1, ...pieces);
    return true;
  }
  return false;
}

const NO_DEFAULT: AnyNode = { type: 'Identifier', name: 'undefined' };

/** `alias = cb` (NO_DEFAULT) or `alias = cb || fallback` with a function literal or a name as fallback. */
function aliasDefault(declarator: AnyNode, cb: string): AnyNode | undefined {
  if (declarator.id.type !== 'Identifier' || declarator.id.name === cb) return undefined;
  const init = declarator.init;
  if (isIdentifierNamed(init, cb)) return NO_DEFAULT;
  if (init?.type !== 'LogicalExpression' || init.operator !== '||' || !isIdentifierNamed(init.left, cb)) return undefined;
  return isFunctionNode(init.right) || init.right.type === 'Identifier' ? init.right : undefined;
}

function mentions(node: AnyNode, name: string): boolean {
  return countNamed(node, name) > 0;
}

/** Identifiers spelled `name` (references and bindings alike), not property keys. */
function countNamed(node: AnyNode, name: string): number {
  let count = 0;
  walk(node, (child, parent) => {
    if (child.type === 'Identifier' && child.name === name && (isReferenceIdentifier(child, parent) || !isPropertyKey(child, parent))) count += 1;
  });
  return count;
}

function isPropertyKey(node: AnyNode, parent: AnyNode | null): boolean {
  if (!parent) return false;
  if (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') return parent.property === node && !parent.computed;
  return /Property|Method/.test(parent.type) && parent.key === node && !parent.computed;
}

/** No other declaration, parameter or assignment of `alias` in the function: each use means this one. */
function onlyBoundHere(copy: AnyNode, alias: string, declarator: AnyNode): boolean {
  let other = copy.params.some((param: AnyNode) => mentions(param, alias));
  walk(copy.body, (node) => {
    if (other) return false;
    if (node.type === 'VariableDeclarator' && node !== declarator && mentions(node.id, alias)) other = true;
    else if (isFunctionNode(node) && (isIdentifierNamed(node.id, alias) || node.params.some((param: AnyNode) => mentions(param, alias)))) other = true;
    else if (node.type === 'CatchClause' && node.param && mentions(node.param, alias)) other = true;
    else if (node.type === 'AssignmentExpression' && mentions(node.left, alias)) other = true;
    else if (node.type === 'UpdateExpression' && isIdentifierNamed(node.argument, alias)) other = true;
    else if ((node.type === 'ClassDeclaration' || node.type === 'ClassExpression') && isIdentifierNamed(node.id, alias)) other = true;
    return !other;
  });
  return !other;
}

function renameReferences(node: AnyNode, from: string, to: string): void {
  walk(node, (child, parent) => {
    if (child.type === 'Identifier' && child.name === from && isReferenceIdentifier(child, parent)) child.name = to;
  });
}
