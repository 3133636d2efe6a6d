import type { JSCodeshift } from 'jscodeshift';
import { childNodes, collectIdentifierNames, findAll, isFunctionNode, isIdentifierNamed, isReferenceIdentifier, patternNames, uniqueName, type AnyNode } from '../../shared/ast';

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
  // The parameter becomes a binding of the whole function: a name free there, its uses in the
  // stepper renamed where they mean it (not in a callback whose own parameter has that name).
  const own = usesOf(declaration.body, param.name);
  if (!own) return false;
  const taken = collectIdentifierNames(fn);
  const outer = findAll(fn.body, (node) => isIdentifierNamed(node, param.name)).length === own.length + 1 ? param.name : uniqueName(param.name, taken);
  if (readInNestedFunction(declaration.body, new Set(own))) return false;
  blockIfSlots(j, declaration.body, name);
  const steps = stepsOf(fn.body, name, declaration, last);
  if (!steps) return false;
  for (const node of own) node.name = outer;
  const valueName = uniqueName(`${param.name}Value`, taken);
  for (const step of steps) {
    if (step.kind === 'handedOn') {
      const value = j.identifier(valueName);
      step.call.arguments[step.call.arguments.length - 1] = j.functionExpression(null, [value], j.blockStatement([assign(j, outer, value), j.expressionStatement(j.callExpression(j.identifier(name), []))]));
    } else {
      const [argument] = step.call.arguments;
      step.call.arguments = [];
      step.list.splice(step.list.indexOf(step.statement), 0, assign(j, outer, argument ?? j.identifier('undefined')));
    }
  }
  declaration.params = [];
  body.splice(body.indexOf(declaration), 0, j.variableDeclaration('let', [j.variableDeclarator(j.identifier(outer))]));
  return true;
}

type Step =
  | { kind: 'statement'; call: AnyNode; statement: AnyNode; list: AnyNode[] }
  | { kind: 'handedOn'; call: AnyNode };

function assign(j: JSCodeshift, name: string, value: AnyNode): AnyNode {
  return j.expressionStatement(j.assignmentExpression('=', j.identifier(name), value));
}

/** Does a function inside `root` hold one of the parameter's uses (it would see later steps' values)? */
function readInNestedFunction(root: AnyNode, uses: ReadonlySet<AnyNode>): boolean {
  return findAll(root, (node) => isFunctionNode(node)).some((inner) => findAll(inner, (node) => uses.has(node)).length > 0);
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

/**
 * The identifiers in `root` that mean the stepper's parameter `name` (not inside a function that
 * declares its own); undefined when `root` declares `name` again with var/let/const.
 */
function usesOf(root: AnyNode, name: string): AnyNode[] | undefined {
  const found: AnyNode[] = [];
  let redeclared = false;
  const recurse = (node: AnyNode) => {
    if (isFunctionNode(node) && node.params.some((item: AnyNode) => patternNames(item).includes(name))) return;
    if (node.type === 'VariableDeclarator' && patternNames(node.id).includes(name)) redeclared = true;
    if (node.type === 'Identifier' && node.name === name) found.push(node);
    for (const child of childNodes(node)) recurse(child);
  };
  recurse(root);
  return redeclared ? undefined : found;
}
