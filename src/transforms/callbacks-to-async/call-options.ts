import type { ASTPath } from 'jscodeshift';
import { isReferenceIdentifier, walk, type AnyNode } from '../shared/ast';
import type { OptionCondition } from './ecosystem/table';

/**
 * The options object a call passes at `index`, when it is plain to read: `null` when there is
 * none (the callback comes there or before), an object literal, or a local variable declared
 * once with an object literal and read nowhere else (nothing can have changed it since).
 * Undefined: not plain.
 */
function plainOptions(path: ASTPath<AnyNode>, call: AnyNode, index: number): AnyNode | null | undefined {
  if (call.arguments.length <= index + 1) return null;
  const options = call.arguments[index];
  if (options.type === 'ObjectExpression') return options;
  if (options.type !== 'Identifier') return undefined;
  const scope = path.scope?.lookup(options.name);
  const declared = scope?.getBindings()[options.name];
  if (!scope || scope.isGlobal || !declared || declared.length !== 1) return undefined;
  const declarator = declared[0].parent?.value;
  if (declarator?.type !== 'VariableDeclarator' || declarator.id !== declared[0].value || declarator.init?.type !== 'ObjectExpression') return undefined;
  let uses = 0;
  walk(scope.path.value, (node, parent) => {
    if (node.type === 'Identifier' && node.name === options.name && node !== declarator.id && isReferenceIdentifier(node, parent)) uses++;
  });
  return uses === 1 ? declarator.init : undefined;
}

/** The values the literal gives its keys; undefined when a spread or computed key hides some. */
function literalKeys(object: AnyNode): Map<string, AnyNode> | undefined {
  const keys = new Map<string, AnyNode>();
  for (const property of object.properties) {
    if ((property.type !== 'Property' && property.type !== 'ObjectProperty') || property.computed) return undefined;
    keys.set(property.key.type === 'Identifier' ? property.key.name : String(property.key.value), property.value);
  }
  return keys;
}

function isFalseLiteral(node: AnyNode | undefined): boolean {
  return !!node && (node.type === 'BooleanLiteral' || node.type === 'Literal') && node.value === false;
}

/** Why the options this call passes break the condition, or undefined when they plainly keep it. */
export function optionBreaking(path: ASTPath<AnyNode>, call: AnyNode, condition: OptionCondition): string | undefined {
  const options = plainOptions(path, call, condition.index);
  const keys = options === null ? new Map<string, AnyNode>() : options && literalKeys(options);
  const broken = condition.keys.find((rule) => !keys || (rule.safe === 'unset' ? keys.has(rule.key) : !isFalseLiteral(keys.get(rule.key))));
  return broken?.reason;
}
