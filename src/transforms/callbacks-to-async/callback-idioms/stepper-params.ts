import type { JSCodeshift } from 'jscodeshift';
import { childNodes, findAll, isFunctionNode, isIdentifierNamed, isReferenceIdentifier, type AnyNode } from '../../shared/ast';

/**
 * A `next(err)` stepper: `function next(er) { BODY } next();` whose steps are `next(x)`
 * statements or `op(…, next)` (the stepper handed on as an operation's callback). Each call
 * only sets the parameter and runs BODY again, so, with the parameter one `let` beside it:
 *
 *     let er;  function next() { BODY }  next();
 *
 * with `next(x)` as `er = x; next();` and `op(…, next)` as `op(…, function (e) { er = e; next(); })`.
 * next-loops.ts then makes the loop. Not taken when a function inside BODY reads the parameter
 * (it would see later steps' values) or BODY reads `arguments`.
 */
export function flattenStepperParams(j: JSCodeshift, fn: AnyNode): boolean {
  const body: AnyNode[] = fn.body.body;
  const last = body[body.length - 1];
  const start = last?.type === 'ExpressionStatement' ? last.expression : undefined;
  if (start?.type !== 'CallExpression' || start.callee.type !== 'Identifier' || start.arguments.length > 0) return false;
  const name: string = start.callee.name;
  const declaration = body.find((statement) => statement.type === 'FunctionDeclaration' && isIdentifierNamed(statement.id, name));
  const param = declaration?.params[0];
  if (!declaration || declaration.params.length !== 1 || param.type !== 'Identifier' || declaration.async || declaration.generator) return false;
  if (findAll(declaration.body, (node, parent) => isIdentifierNamed(node, 'arguments') && isReferenceIdentifier(node, parent), { skipNonArrowFunctions: true }).length > 0) return false;
  if (readInNestedFunction(declaration.body, param.name)) return false;
  blockIfSlots(j, declaration.body, name);
  const steps = stepsOf(fn.body, name, declaration, last);
  if (!steps) return false;
  for (const step of steps) {
    if (step.kind === 'handedOn') {
      const value = j.identifier(uniqueParam(param.name));
      step.call.arguments[step.call.arguments.length - 1] = j.functionExpression(null, [value], j.blockStatement([assign(j, param.name, value), j.expressionStatement(j.callExpression(j.identifier(name), []))]));
    } else {
      const [argument] = step.call.arguments;
      step.call.arguments = [];
      step.list.splice(step.list.indexOf(step.statement), 0, assign(j, param.name, argument ?? j.identifier('undefined')));
    }
  }
  declaration.params = [];
  body.splice(body.indexOf(declaration), 0, j.variableDeclaration('let', [j.variableDeclarator(j.identifier(param.name))]));
  return true;
}

type Step =
  | { kind: 'statement'; call: AnyNode; statement: AnyNode; list: AnyNode[] }
  | { kind: 'handedOn'; call: AnyNode };

function assign(j: JSCodeshift, name: string, value: AnyNode): AnyNode {
  return j.expressionStatement(j.assignmentExpression('=', j.identifier(name), value));
}

function uniqueParam(name: string): string {
  return `${name}Value`;
}

/** Does a function inside `root` read `name`? */
function readInNestedFunction(root: AnyNode, name: string): boolean {
  return findAll(root, (node) => isFunctionNode(node)).some((inner) => findAll(inner, (node, parent) => isIdentifierNamed(node, name) && isReferenceIdentifier(node, parent)).length > 0);
}

/**
 * Every use of the stepper: a `next(x)` / `return next(x)` statement in a statement list inside
 * its own body, or the last argument of an operation call there. Undefined when one is neither.
 */
function stepsOf(root: AnyNode, name: string, declaration: AnyNode, start: AnyNode): Step[] | undefined {
  const steps: Step[] = [];
  let ok = true;
  const recurse = (node: AnyNode, parent: AnyNode | null, list: AnyNode[] | undefined, inside: boolean) => {
    if (!ok) return;
    if (node.type === 'Identifier' && node.name === name && parent && isReferenceIdentifier(node, parent)) {
      if (parent === declaration) return;
      const call = parent.type === 'CallExpression' ? parent : undefined;
      if (call && call.callee === node && inside) {
        const statement = list?.find((item) => (item.type === 'ExpressionStatement' && item.expression === call) || (item.type === 'ReturnStatement' && item.argument === call));
        if (statement && call.arguments.length <= 1) steps.push({ kind: 'statement', call, statement, list: list! });
        else ok = false;
      } else if (call && inside && call.arguments[call.arguments.length - 1] === node && call.callee !== node) {
        steps.push({ kind: 'handedOn', call });
      } else if (!(call && call.callee === node && list?.includes(start) && start.expression === call)) {
        ok = false;
      }
      return;
    }
    const own: AnyNode[] | undefined = Array.isArray(node.body) ? node.body : node.type === 'SwitchCase' ? node.consequent : undefined;
    for (const child of childNodes(node)) recurse(child, node, own ?? list, inside || node === declaration);
  };
  recurse(root, null, undefined, false);
  return ok ? steps : undefined;
}

/** `if (err) return next(err);` → `if (err) { return next(err); }`, so that every step sits in a list. */
function blockIfSlots(j: JSCodeshift, root: AnyNode, name: string): void {
  for (const node of findAll(root, (item) => item.type === 'IfStatement')) {
    for (const key of ['consequent', 'alternate']) {
      const slot = node[key];
      const call = slot?.type === 'ExpressionStatement' ? slot.expression : slot?.type === 'ReturnStatement' ? slot.argument : undefined;
      if (call?.type === 'CallExpression' && isIdentifierNamed(call.callee, name)) node[key] = j.blockStatement([slot]);
    }
  }
}
