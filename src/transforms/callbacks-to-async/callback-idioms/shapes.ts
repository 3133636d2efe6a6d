import { isIdentifierNamed, isMemberNamed, type AnyNode } from '../../shared/ast';
import type { ModuleBinding } from '../../shared/module-bindings';

/** `typeof name === 'function'` (`==`, either side), or `name instanceof Function`. */
export function isFunctionTest(test: AnyNode, name: string): boolean {
  if (test?.type !== 'BinaryExpression') return false;
  if (test.operator === 'instanceof') return isIdentifierNamed(test.left, name) && isIdentifierNamed(test.right, 'Function');
  if (test.operator !== '===' && test.operator !== '==') return false;
  return (isTypeofOf(test.left, name) && isStringNamed(test.right, 'function')) || (isTypeofOf(test.right, name) && isStringNamed(test.left, 'function'));
}

/** `typeof name !== 'function'`, `!name`, `!(typeof name === 'function')`: the callback is missing. */
export function isAbsenceTest(test: AnyNode, name: string): boolean {
  if (test?.type === 'UnaryExpression' && test.operator === '!') return isIdentifierNamed(test.argument, name) || isFunctionTest(test.argument, name);
  if (test?.type !== 'BinaryExpression' || (test.operator !== '!==' && test.operator !== '!=')) return false;
  return (isTypeofOf(test.left, name) && isStringNamed(test.right, 'function')) || (isTypeofOf(test.right, name) && isStringNamed(test.left, 'function'));
}

/** `name` or `typeof name === 'function'`: the callback was given. */
export function isPresenceTest(test: AnyNode, name: string): boolean {
  return isIdentifierNamed(test, name) || isFunctionTest(test, name);
}

function isTypeofOf(node: AnyNode, name: string): boolean {
  return node?.type === 'UnaryExpression' && node.operator === 'typeof' && isIdentifierNamed(node.argument, name);
}

export function isStringNamed(node: AnyNode, value: string): boolean {
  return (node?.type === 'StringLiteral' || node?.type === 'Literal') && node.value === value;
}

/** A value with no side effects and no names: literals, `undefined`, `{}`/`[]` of such values. */
export function isPureLiteral(node: AnyNode): boolean {
  switch (node?.type) {
    case 'NullLiteral': case 'StringLiteral': case 'NumericLiteral': case 'BooleanLiteral': case 'Literal':
      return true;
    case 'Identifier':
      return node.name === 'undefined';
    case 'TemplateLiteral':
      return node.expressions.length === 0;
    case 'ArrayExpression':
      return node.elements.every(isPureLiteral);
    case 'ObjectExpression':
      return node.properties.every((property: AnyNode) => property.type === 'ObjectProperty' && !property.computed && isPureLiteral(property.value));
    default:
      return false;
  }
}

/** Do two pure literals say the same thing (ignoring positions and quotes)? */
export function sameLiteral(a: AnyNode, b: AnyNode): boolean {
  return JSON.stringify(literalShape(a)) === JSON.stringify(literalShape(b));
}

function literalShape(node: AnyNode): unknown {
  switch (node?.type) {
    case 'ArrayExpression': return ['[]', ...node.elements.map(literalShape)];
    case 'ObjectExpression': return ['{}', ...node.properties.map((property: AnyNode) => [property.key.name ?? property.key.value, literalShape(property.value)])];
    case 'TemplateLiteral': return ['`', node.quasis[0]?.value.cooked];
    case 'Identifier': return ['id', node.name];
    case 'NullLiteral': return null;
    default: return [node?.type === 'Literal' ? typeof node.value : node?.type, node?.value];
  }
}

/** `name = value` as a statement's expression: the value, else undefined. */
export function assignedValue(expression: AnyNode, name: string): AnyNode | undefined {
  return expression?.type === 'AssignmentExpression' && expression.operator === '=' && isIdentifierNamed(expression.left, name) ? expression.right : undefined;
}

/** The expressions a statement runs in order: `a; b;` in a block, `a, b` in a sequence. */
export function expressionsOf(statement: AnyNode): AnyNode[] | undefined {
  const statements = statement?.type === 'BlockStatement' ? statement.body : [statement];
  const expressions: AnyNode[] = [];
  for (const item of statements) {
    if (item?.type !== 'ExpressionStatement') return undefined;
    if (item.expression.type === 'SequenceExpression') expressions.push(...item.expression.expressions);
    else expressions.push(item.expression);
  }
  return expressions;
}

/** Is `name` a module-level `require('<one of specifiers>')` (or the default import)? */
export function isModuleNamed(bindings: readonly ModuleBinding[], name: string, specifiers: readonly string[]): boolean {
  return bindings.some((binding) => binding.local === name && binding.imported === undefined && specifiers.includes(binding.specifier));
}

/** `assert(…)`, `assert.ok(…)`, `assert.equal(…)`, `assert.strictEqual(…)` of node's assert module: which one. */
export function assertCallKind(call: AnyNode, bindings: readonly ModuleBinding[]): 'ok' | 'equal' | undefined {
  if (call?.type !== 'CallExpression') return undefined;
  const callee = call.callee;
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.object.type === 'Identifier' ? callee.object.name : undefined;
  if (!name || !isModuleNamed(bindings, name, ['assert', 'node:assert', 'assert/strict', 'node:assert/strict'])) return undefined;
  if (callee.type === 'Identifier' || isMemberNamed(callee, name, 'ok')) return 'ok';
  if (isMemberNamed(callee, name, 'equal') || isMemberNamed(callee, name, 'strictEqual')) return 'equal';
  return undefined;
}

/** A pure literal as short source text, for a message: `{}`, `null`, `'utf8'`, `{ a: 1 }`. */
export function printLiteral(node: AnyNode): string {
  switch (node?.type) {
    case 'ArrayExpression': return `[${node.elements.map(printLiteral).join(', ')}]`;
    case 'ObjectExpression':
      return node.properties.length === 0 ? '{}' : `{ ${node.properties.map((property: AnyNode) => `${property.key.name ?? JSON.stringify(property.key.value)}: ${printLiteral(property.value)}`).join(', ')} }`;
    case 'NullLiteral': return 'null';
    case 'Identifier': return node.name;
    case 'TemplateLiteral': return `\`${node.quasis[0]?.value.raw ?? ''}\``;
    case 'StringLiteral': return `'${node.value}'`;
    default: return node?.type === 'Literal' && typeof node.value === 'string' ? `'${node.value}'` : String(node?.value);
  }
}
