import type { JSCodeshift } from 'jscodeshift';
import { childNodes, findAll, isIdentifierNamed, type AnyNode } from '../../shared/ast';

/**
 * A named callback declared next to its only use: `fs.readFile(p, onRead); function onRead(err, d) {…}`.
 * Declared in the same statement list as the call and named nowhere else (not even in its own
 * body), the declaration is the same function as a function expression written at the call:
 * it is created when the list's scope is entered, and nothing can call it before the
 * operation does. It becomes that expression in the trial copy, so the call reads as one with
 * an inline callback. Returns the declarations moved.
 */
export function inlineNamedCallbacks(j: JSCodeshift, fn: AnyNode): AnyNode[] {
  const moved: AnyNode[] = [];
  const visit = (node: AnyNode) => {
    const list: AnyNode[] | undefined = Array.isArray(node.body) ? node.body : node.type === 'SwitchCase' ? node.consequent : undefined;
    if (list) {
      for (const declaration of list.filter((statement) => statement.type === 'FunctionDeclaration' && !statement.async && !statement.generator && statement.id)) {
        const call = list.map(callOf).find((item) => item && isIdentifierNamed(item.arguments[item.arguments.length - 1], declaration.id.name));
        if (!call || countNamed(fn, declaration.id.name) !== 2) continue;
        const expression = j.functionExpression(null, declaration.params, declaration.body);
        expression.loc = declaration.loc;
        // Its comments go above the call, where its code now is.
        const holder = list.find((statement) => callOf(statement) === call);
        if (declaration.comments?.length) holder.comments = [...(holder.comments ?? []), ...declaration.comments.map((comment: AnyNode) => ({ ...comment, leading: true, trailing: false }))];
        call.arguments[call.arguments.length - 1] = expression;
        list.splice(list.indexOf(declaration), 1);
        moved.push(declaration);
      }
    }
    for (const child of childNodes(node)) visit(child);
  };
  visit(fn.body);
  return moved;
}

/** The call a statement makes: `op(…);` or `return op(…);`. */
function callOf(statement: AnyNode): AnyNode | undefined {
  const expression = statement.type === 'ExpressionStatement' ? statement.expression : statement.type === 'ReturnStatement' ? statement.argument : undefined;
  return expression?.type === 'CallExpression' && expression.arguments.length > 0 ? expression : undefined;
}

/** Every identifier spelled `name` below root, declarations included (shadowing counts against). */
function countNamed(root: AnyNode, name: string): number {
  return findAll(root, (node) => node.type === 'Identifier' && node.name === name).length;
}
