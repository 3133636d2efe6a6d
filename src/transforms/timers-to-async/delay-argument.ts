import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { isIdentifierNamed, type AnyNode } from '../shared/ast';

/**
 * The global timers turn any delay into a number (`'100'` waits 100 ms); `timers/promises`
 * rejects a delay that is not of type number. A delay that is a number by its form is
 * passed as it is; anything else is wrapped in `Number(…)`, which converts the same way.
 */

const numericOperators = new Set(['-', '*', '/', '%', '**', '<<', '>>', '>>>', '&', '|', '^']);
const numericFunctions = new Set(['Number', 'parseInt', 'parseFloat']);

/** Is the expression a number by its form (or a name declared `const` with such a value)? */
export function isNumericExpression(node: AnyNode, path: ASTPath<AnyNode> | undefined): boolean {
  switch (node.type) {
    case 'NumericLiteral':
      return true;
    case 'Literal':
      return typeof node.value === 'number';
    case 'UnaryExpression':
      return node.operator === '-' || node.operator === '+' || node.operator === '~';
    case 'BinaryExpression':
      if (numericOperators.has(node.operator)) return true;
      return node.operator === '+' && isNumericExpression(node.left, path) && isNumericExpression(node.right, path);
    case 'ConditionalExpression':
      return isNumericExpression(node.consequent, path) && isNumericExpression(node.alternate, path);
    case 'ParenthesizedExpression':
      return isNumericExpression(node.expression, path);
    case 'TSAsExpression':
      return node.typeAnnotation.type === 'TSNumberKeyword';
    case 'CallExpression':
      return (
        (node.callee.type === 'Identifier' && numericFunctions.has(node.callee.name)) ||
        (node.callee.type === 'MemberExpression' && isIdentifierNamed(node.callee.object, 'Math'))
      );
    case 'Identifier':
      return !!path && isNumericConstant(node.name, path);
    default:
      return false;
  }
}

/** A name typed `number`, or `const NAME = <number>`, in scope at `path`. */
function isNumericConstant(name: string, path: ASTPath<AnyNode>): boolean {
  const scope = path.scope?.lookup(name);
  const bindings: ASTPath<AnyNode>[] = scope?.getBindings()[name] ?? [];
  if (bindings.length !== 1) return false;
  const binding = bindings[0]!;
  if (binding.value.typeAnnotation?.typeAnnotation?.type === 'TSNumberKeyword') return true;
  const declarator = binding.parent;
  const declaration = declarator?.parent?.value;
  if (declarator?.value.type !== 'VariableDeclarator' || declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') return false;
  return !!declarator.value.init && isNumericExpression(declarator.value.init, undefined);
}

/** The delay to pass to `timers/promises`: as written when it is surely a number, else `Number(…)`. */
export function numericDelay(j: JSCodeshift, delay: AnyNode, path: ASTPath<AnyNode>): AnyNode {
  return isNumericExpression(delay, path) ? delay : j.callExpression(j.identifier('Number'), [delay]);
}
