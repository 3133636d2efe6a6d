import type { JSCodeshift } from 'jscodeshift';
import { childNodes, findAll, isIdentifierNamed, type AnyNode } from '../../shared/ast';

/**
 * A timer that starts a named function declared beside it (lockfile's poll):
 *
 *     var timer = setTimeout(poll, wait)     // `timer` read nowhere
 *     function poll () { …; exports.lock(path, opts, cb) }
 *
 * is the same program as `setTimeout(function () { … }, wait)`: a handle nobody reads is no
 * handle (the `var` still exists, undefined instead of a Timeout no code looks at), and a
 * declaration named only at the timer is the function the timer gets, created when the
 * statement runs instead of when the scope was entered (nothing else can reach it). The inline
 * timer is then what timer-callbacks.ts and timer-steps.ts read. Only `setTimeout(f, ms)` and
 * `setImmediate(f)` with `f` declared in the same statement list, taking no parameter, and
 * named nowhere else in the function (not even in its own body). Works in place on a trial
 * copy; returns the declarations moved.
 */
export function inlineNamedTimers(j: JSCodeshift, fn: AnyNode): AnyNode[] {
  const moved: AnyNode[] = [];
  const visit = (node: AnyNode) => {
    const list: AnyNode[] | undefined = Array.isArray(node.body) ? node.body : node.type === 'SwitchCase' ? node.consequent : undefined;
    if (list) {
      for (let index = 0; index < list.length; index++) {
        const call = timerCallOf(list[index]);
        const named = call?.arguments[0];
        if (!named || named.type !== 'Identifier') continue;
        const declaration = list.find((statement) => statement.type === 'FunctionDeclaration' && isIdentifierNamed(statement.id, named.name));
        if (!declaration || declaration.async || declaration.generator || declaration.params.length > 0 || countNamed(fn, named.name) !== 2) continue;
        const handle = unreadHandle(fn, list[index]);
        if (handle === false) continue;
        const expression = j.functionExpression(null, [], declaration.body);
        expression.loc = declaration.loc;
        call.arguments[0] = expression;
        if (handle) {
          const statement = j.expressionStatement(call);
          statement.loc = list[index].loc;
          statement.comments = [...(list[index].comments ?? []), ...(declaration.comments ?? [])];
          list[index] = statement;
        } else if (declaration.comments?.length) {
          list[index].comments = [...(list[index].comments ?? []), ...declaration.comments.map((comment: AnyNode) => ({ ...comment, leading: true, trailing: false }))];
        }
        const at = list.indexOf(declaration);
        list.splice(at, 1);
        if (at < index) index--;
        moved.push(declaration);
      }
    }
    for (const child of childNodes(node)) visit(child);
  };
  visit(fn.body);
  return moved;
}

/** `setTimeout(f, ms);`, `setImmediate(f);` or `var h = setTimeout(f, ms);`: the call. */
function timerCallOf(statement: AnyNode): AnyNode | undefined {
  const expression = statement.type === 'ExpressionStatement'
    ? statement.expression
    : statement.type === 'VariableDeclaration' && statement.declarations.length === 1
      ? statement.declarations[0].init
      : undefined;
  if (expression?.type !== 'CallExpression') return undefined;
  const timer = isIdentifierNamed(expression.callee, 'setTimeout') ? 2 : isIdentifierNamed(expression.callee, 'setImmediate') ? 1 : 0;
  if (timer === 0 || expression.arguments.length !== timer) return undefined;
  return expression;
}

/**
 * For `var h = setTimeout(…)`: true when `h` is a plain name read nowhere else in the function
 * (the handle can go), false when it is read (the statement stays as it is). Undefined for a
 * call statement.
 */
function unreadHandle(fn: AnyNode, statement: AnyNode): boolean | undefined {
  if (statement.type !== 'VariableDeclaration') return undefined;
  const id = statement.declarations[0].id;
  return statement.kind === 'var' && id.type === 'Identifier' && countNamed(fn, id.name) === 1;
}

/** Every identifier spelled `name` below root, declarations and property keys included (each counts against). */
function countNamed(root: AnyNode, name: string): number {
  return findAll(root, (node) => node.type === 'Identifier' && node.name === name).length;
}
