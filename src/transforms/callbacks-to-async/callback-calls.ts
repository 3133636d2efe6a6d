import type { MessageRef } from '../../types';
import type { JSCodeshift } from 'jscodeshift';
import { childNodes, declaredNames, isFunctionNode, isIdentifierNamed, isNullish, patternNames, some, varNames, type AnyNode } from '../shared/ast';
import { isErrorParamName } from '../shared/error-names';
import { cloneNode } from '../shared/clone';
import type { PromisableApi } from './node-api-table';

/**
 * Rewrites a callback API function's own `cb(…)` calls into what an async function says:
 * `cb(null, v)` → `return v`, `cb(err)` → `throw err`, and `op(…, cb)` into an inline callback
 * first so that one rule covers both. Works on a trial copy; failures come back as reasons.
 */

export type CallRewriteResult =
  | { ok: true; created: AnyNode[]; valueCount: number }
  | ({ ok: false; ruleId: string; node: AnyNode } & MessageRef);

interface Visit {
  node: AnyNode;
  parent: AnyNode | null;
  /** Enclosing nodes, innermost last (functions, ifs, catch clauses). */
  ancestors: AnyNode[];
}

/** Every node below root with its ancestors, not entering functions that shadow `name`. */
function visitAll(root: AnyNode, name: string, visit: (item: Visit) => void): void {
  const recurse = (node: AnyNode, parent: AnyNode | null, ancestors: AnyNode[]) => {
    if (node !== root && isFunctionNode(node) && node.params.some((param: AnyNode) => patternNames(param).includes(name))) return;
    visit({ node, parent, ancestors });
    const inner = [...ancestors, node];
    for (const child of childNodes(node)) recurse(child, node, inner);
  };
  recurse(root, null, []);
}

function names(count: number): string[] {
  return count === 1 ? ['value'] : Array.from({ length: count }, (_, i) => `value${i + 1}`);
}

function valueCountOf(api: PromisableApi): number {
  if (api.result.kind === 'object') return api.result.keys.length;
  if (api.result.kind === 'array') return api.result.count;
  return api.voidResult ? 0 : 1;
}

/**
 * `op(…, cb)` becomes `op(…, (err, value) => { if (err) return cb(err); cb(null, value); })`,
 * and `return op(…, cb)` the same followed by `return;`. `apiOf` names the operation.
 */
export function inlineHandedOnCallbacks(j: JSCodeshift, fn: AnyNode, cb: string, apiOf: (call: AnyNode) => PromisableApi | undefined): boolean {
  let ok = true;
  const returns: AnyNode[] = [];
  visitAll(fn.body, cb, ({ node, parent }) => {
    if (node.type !== 'CallExpression' || isIdentifierNamed(node.callee, cb)) return;
    const args = node.arguments;
    if (!isIdentifierNamed(args[args.length - 1], cb)) return;
    const api = apiOf(node);
    if (!api) {
      ok = false;
      return;
    }
    const values = names(valueCountOf(api)).map((name) => j.identifier(name));
    const callback = j.arrowFunctionExpression(
      [j.identifier('err'), ...values],
      j.blockStatement([
        j.ifStatement(j.identifier('err'), j.returnStatement(j.callExpression(j.identifier(cb), [j.identifier('err')]))),
        j.expressionStatement(j.callExpression(j.identifier(cb), [j.nullLiteral(), ...values])),
      ]),
    );
    args[args.length - 1] = callback;
    if (parent?.type === 'ReturnStatement') returns.push(parent);
  });
  // `return op(…, cb)` returned undefined: it becomes the operation, then `return;`.
  for (const statement of returns) {
    const list = findList(fn.body, statement);
    const call = j.expressionStatement(statement.argument);
    if (list) {
      list.splice(list.indexOf(statement), 1, call, j.returnStatement(null));
    } else {
      for (const key of Object.keys(statement)) if (key !== 'loc' && key !== 'comments') delete statement[key];
      Object.assign(statement, j.blockStatement([call, j.returnStatement(null)]));
    }
  }
  return ok;
}

/** The statement list that holds `statement`, if it sits in one. */
function findList(root: AnyNode, statement: AnyNode): AnyNode[] | undefined {
  let found: AnyNode[] | undefined;
  const recurse = (node: AnyNode) => {
    if (found) return;
    for (const key of ['body', 'consequent']) {
      if (Array.isArray(node[key]) && node[key].includes(statement)) found = node[key];
    }
    for (const child of childNodes(node)) recurse(child);
  };
  recurse(root);
  return found;
}

/**
 * Is `err` in `cb(err)` surely an error: a caught exception, a new Error, or the operation's error
 * inside `if (err)`? Also from a function inside that `if` or catch (a cleanup's callback,
 * `if (er) fs.close(fd, () => cb(er))`) that does not bind the name again, when nothing in
 * `root` assigns it: the closure sees the value the test saw.
 */
function isSurelyError(argument: AnyNode, ancestors: AnyNode[], root: AnyNode): boolean {
  if (argument.type === 'NewExpression') return true;
  // `cb(errState = er)`: the value is `er`, the flag is set first.
  if (argument.type === 'AssignmentExpression' && argument.operator === '=') return isSurelyError(argument.right, ancestors, root);
  if (argument.type !== 'Identifier') return false;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const node = ancestors[i];
    if (node.type === 'CatchClause' && isIdentifierNamed(node.param, argument.name)) return true;
    if (node.type === 'BlockStatement' && i + 1 < ancestors.length && isMadeErrorBefore(node.body, ancestors[i + 1], argument.name, ancestors.slice(0, i + 1), root)) return true;
    if (node.type === 'IfStatement' && impliesTruthy(node.test, argument.name) && ancestors[i + 1] === node.consequent) return true;
    if (isFunctionNode(node) && (bindsName(node, argument.name) || isAssigned(root, argument.name))) return false;
  }
  return false;
}

/**
 * `var e = new Error(…); e.code = …; cb(e)`: an earlier statement of the same block made `name`
 * an error (a declaration or a plain assignment), and no statement in between assigns it again.
 */
function isMadeErrorBefore(list: AnyNode[], statement: AnyNode, name: string, ancestors: AnyNode[], root: AnyNode): boolean {
  const index = list.indexOf(statement);
  for (let k = index - 1; k >= 0; k--) {
    const made = errorMadeBy(list[k], name, ancestors, root);
    if (made !== undefined) return made;
  }
  return false;
}

/** true: the statement makes `name` an error; false: it may assign `name` otherwise; undefined: it leaves `name` alone. */
function errorMadeBy(statement: AnyNode, name: string, ancestors: AnyNode[], root: AnyNode): boolean | undefined {
  if (statement.type === 'VariableDeclaration' && statement.declarations.length === 1) {
    const [declarator] = statement.declarations;
    if (isIdentifierNamed(declarator.id, name)) return declarator.init ? isSurelyError(declarator.init, ancestors, root) : false;
  }
  if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression' && statement.expression.operator === '=' && isIdentifierNamed(statement.expression.left, name)) {
    return isSurelyError(statement.expression.right, ancestors, root);
  }
  return mayAssign(statement, name) ? false : undefined;
}

// Nodes that run code not in sight (a call, a getter via `new`, a nested function).
const OPAQUE = new Set(['CallExpression', 'NewExpression', 'OptionalCallExpression', 'TaggedTemplateExpression', 'AwaitExpression', 'YieldExpression']);

/** Might `node` assign `name`: it assigns or declares it, or runs code not in sight (`e.code = 'X'` does neither)? */
function mayAssign(node: AnyNode, name: string): boolean {
  if (OPAQUE.has(node.type) || isFunctionNode(node)) return true;
  if ((node.type === 'AssignmentExpression' && patternNames(node.left).includes(name)) || (node.type === 'UpdateExpression' && isIdentifierNamed(node.argument, name))) return true;
  if (node.type === 'VariableDeclarator' && patternNames(node.id).includes(name)) return true;
  return childNodes(node).some((child) => mayAssign(child, name));
}

/** Does the function declare `name` itself (a parameter, its own name, a declaration in its body)? */
function bindsName(fn: AnyNode, name: string): boolean {
  if (fn.params.some((param: AnyNode) => patternNames(param).includes(name)) || isIdentifierNamed(fn.id, name)) return true;
  const body: AnyNode[] = fn.body?.type === 'BlockStatement' ? fn.body.body : [];
  return declaredNames(body).includes(name) || varNames(body).includes(name);
}

/** Is `name` assigned or updated anywhere below root (any binding of that name: where in doubt, yes)? */
function isAssigned(root: AnyNode, name: string): boolean {
  return some(root, (node) =>
    (node.type === 'AssignmentExpression' && patternNames(node.left).includes(name)) ||
    (node.type === 'UpdateExpression' && isIdentifierNamed(node.argument, name)));
}

/** Does the test hold only when `name` is truthy: `name`, or `name && …`? */
function impliesTruthy(test: AnyNode, name: string): boolean {
  if (test.type === 'LogicalExpression' && test.operator === '&&') return impliesTruthy(test.left, name) || impliesTruthy(test.right, name);
  return isIdentifierNamed(test, name);
}

/**
 * Is `err` in `cb(err)` the error parameter of the operation callback it sits in (`(er) => cb(er)`):
 * null on success, the error on failure? Then the call passes the outcome on as it is.
 */
function isPassedOnError(argument: AnyNode | undefined, ancestors: AnyNode[], root: AnyNode, ownParams: AnyNode[] = []): boolean {
  if (argument?.type !== 'Identifier' || !isErrorParamName(argument.name)) return false;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const node = ancestors[i];
    if (node.type === 'CatchClause' && node.param && patternNames(node.param).includes(argument.name)) return false;
    if (!isFunctionNode(node)) continue;
    if (isIdentifierNamed(node.params[0], argument.name)) return i > 0;
    // A function between them that binds nothing of that name (a cleanup's callback,
    // `fs.unlink(tmp, () => cb(er))`) sees the operation's error as it was, unless it is reassigned.
    if (bindsName(node, argument.name) || isAssigned(root, argument.name)) return false;
  }
  // The converted function's own parameter (rimraf's `rmdir(p, options, originalEr, cb)`):
  // handed on as its caller gave it, when nothing reassigns it.
  const declared = some(root, (node) => node.type === 'VariableDeclarator' && patternNames(node.id).includes(argument.name));
  return ownParams.some((param: AnyNode) => isIdentifierNamed(param, argument.name)) && !declared && !isAssigned(root, argument.name);
}

/**
 * `errList[0]` (mv, after ncp): a property read of the operation's error parameter is passed on
 * like the parameter itself; the same value when read twice in a row (nothing runs between the
 * test and the throw). The variable read, or undefined for anything else.
 */
function readRoot(node: AnyNode): AnyNode | undefined {
  if (node.type === 'Identifier') return node;
  if (node.type !== 'MemberExpression' || node.optional) return undefined;
  const key = node.computed ? node.property.type === 'NumericLiteral' || (node.property.type === 'Literal' && typeof node.property.value === 'number') : node.property.type === 'Identifier';
  return key ? readRoot(node.object) : undefined;
}

function successValueCount(calls: AnyNode[]): number {
  const counts = calls.filter((call) => call.arguments.length === 0 || isNullish(call.arguments[0])).map((call) => Math.max(0, call.arguments.length - 1));
  return Math.max(0, ...counts);
}

/** How many values the function calls back with on success (the most any `cb(null, …)` passes). */
export function countSuccessValues(fn: AnyNode, cb: string): number {
  const calls: AnyNode[] = [];
  visitAll(fn.body, cb, ({ node }) => {
    if (node.type === 'CallExpression' && isIdentifierNamed(node.callee, cb)) calls.push(node);
  });
  return successValueCount(calls);
}

/**
 * Does the function call back on success only as `cb()` (no argument, so the error its callers
 * see is undefined), never otherwise (see mayCallBackOtherThanBare)?
 */
export function callsBackBare(fn: AnyNode, cb: string): boolean {
  const bare = some(fn.body, (node) => node.type === 'CallExpression' && isIdentifierNamed(node.callee, cb) && node.arguments.length === 0);
  return bare && !mayCallBackOtherThanBare(fn, cb, () => false);
}

/**
 * May the function call back on success other than as `cb()`: `cb(null…)`, `cb(er)` where `er`
 * may be an operation's null (not under `if (er)`), or its callback handed to a call (an
 * operation passes null) other than one `handedWithin` accepts (a function converted with it)?
 */
export function mayCallBackOtherThanBare(fn: AnyNode, cb: string, handedWithin: (callee: AnyNode) => boolean): boolean {
  let other = false;
  const visit = (node: AnyNode, tested: ReadonlySet<string>) => {
    if (other) return;
    if (node.type === 'CallExpression') {
      const first = node.arguments[0];
      if (isIdentifierNamed(node.callee, cb)) other ||= first !== undefined && first.type !== 'NewExpression' && !(first.type === 'Identifier' && tested.has(first.name));
      else other ||= node.arguments.some((argument: AnyNode) => isIdentifierNamed(argument, cb)) && !handedWithin(node.callee);
    }
    for (const child of childNodes(node)) {
      // Below `if (er)`, `er` is an error: `cb(er)` is no success call.
      const truthy = node.type === 'IfStatement' && child === node.consequent && node.test.type === 'Identifier' ? new Set([...tested, node.test.name]) : tested;
      visit(child, truthy);
    }
  };
  visit(fn.body, new Set());
  return other;
}

/**
 * How many values every `cb(null, …)` / `cb()` of the function passes, when there is at least one
 * and all agree; undefined otherwise. A callback handed on to an unknown callee is taken to
 * receive as many (the function's own calls say what its callers expect).
 */
export function agreedSuccessValues(fn: AnyNode, cb: string): number | undefined {
  const calls: AnyNode[] = [];
  visitAll(fn.body, cb, ({ node }) => {
    if (node.type === 'CallExpression' && isIdentifierNamed(node.callee, cb) && (node.arguments.length === 0 || isNullish(node.arguments[0]))) calls.push(node);
  });
  if (calls.some((call) => call.arguments.some((argument: AnyNode) => argument.type === 'SpreadElement'))) return undefined;
  const counts = new Set(calls.map((call) => Math.max(0, call.arguments.length - 1)));
  return counts.size === 1 ? [...counts][0] : undefined;
}

/**
 * `cb(test ? null : er)` as a statement is `if (test) cb(null); else cb(er);` (the test runs
 * once, first, either way): split so each call is rewritten as its own kind.
 */
function splitConditionalCalls(j: JSCodeshift, fn: AnyNode, cb: string): void {
  const found: Visit[] = [];
  visitAll(fn.body, cb, (item) => {
    const { node, parent } = item;
    if (node.type !== 'CallExpression' || !isIdentifierNamed(node.callee, cb) || node.arguments.length !== 1) return;
    if (node.arguments[0].type !== 'ConditionalExpression') return;
    if (parent?.type === 'ExpressionStatement' || parent?.type === 'ReturnStatement') found.push(item);
  });
  for (const { node, parent } of found) {
    const { test, consequent, alternate } = node.arguments[0];
    const branch = (value: AnyNode) => {
      const call = j.callExpression(node.callee, [value]);
      const statement = parent.type === 'ReturnStatement' ? j.returnStatement(call) : j.expressionStatement(call);
      statement.loc = parent.loc;
      return statement;
    };
    const split = j.ifStatement(test, branch(consequent), branch(alternate));
    for (const key of Object.keys(parent)) if (key !== 'loc' && key !== 'comments') delete parent[key];
    Object.assign(parent, split);
  }
}

/** Replaces every `cb(…)` statement with a return or a throw. */
export function rewriteCallbackCalls(j: JSCodeshift, fn: AnyNode, cb: string): CallRewriteResult {
  splitConditionalCalls(j, fn, cb);
  const calls: Visit[] = [];
  visitAll(fn.body, cb, (item) => {
    if (item.node.type === 'CallExpression' && isIdentifierNamed(item.node.callee, cb)) calls.push(item);
  });
  const valueCount = successValueCount(calls.map(({ node }) => node));
  const created: AnyNode[] = [];
  for (const { node, parent, ancestors } of calls) {
    if (!parent || (parent.type !== 'ExpressionStatement' && parent.type !== 'ReturnStatement')) {
      return { ok: false, ruleId: 'timing/callback-stored-or-escaping', messageId: 'usedAsValue', data: { callback: cb }, node };
    }
    const [first, ...values] = node.arguments;
    let replacement: AnyNode;
    if (node.arguments.length === 0 || isNullish(first)) {
      const value = valueCount > 1 ? j.arrayExpression(values) : values[0] ?? null;
      replacement = j.returnStatement(value);
    } else if (values.length === 0 && isSurelyError(first, ancestors, fn.body)) {
      replacement = j.throwStatement(first);
    } else if (values.length === 0 && isPassedOnError(readRoot(first), ancestors, fn.body, fn.params)) {
      // `cb(er)`, `cb(errList[0])`: throw the error if there is one, else return, as the
      // callback's caller read it: `if (er) throw er; return;`.
      const thrown = j.throwStatement(cloneNode(first));
      const passOn = [j.ifStatement(cloneNode(first), thrown), j.returnStatement(valueCount > 1 ? j.arrayExpression([]) : null)];
      passOn[0].comments = parent.comments;
      passOn[0].loc = parent.loc;
      created.push(thrown, passOn[1]);
      const list = findList(fn.body, parent);
      if (list) {
        list.splice(list.indexOf(parent), 1, ...passOn);
        continue;
      }
      replacement = j.blockStatement(passOn);
    } else {
      return {
        ok: false,
        ruleId: 'timing/error-handling-unclear',
        messageId: values.length > 0 ? 'errorWithValues' : 'maybeError',
        data: { callback: cb },
        node,
      };
    }
    replacement.comments = parent.comments;
    replacement.loc = parent.loc;
    // Replace the statement in place: its holder keeps the same object.
    for (const key of Object.keys(parent)) if (key !== 'loc' && key !== 'comments') delete parent[key];
    Object.assign(parent, replacement);
    created.push(parent);
  }
  return { ok: true, created, valueCount };
}

/**
 * Do the new returns and throws that are still in the tree belong to `fn` itself (not to a
 * callback left in place)? One that is gone was an `if (err) throw err` that the await absorbed.
 */
export function allOwnedBy(fn: AnyNode, nodes: AnyNode[], alsoOwners: AnyNode[] = []): boolean {
  const wanted = new Set(nodes);
  const owners = new Map<AnyNode, AnyNode>();
  const recurse = (node: AnyNode, owner: AnyNode) => {
    if (wanted.has(node)) owners.set(node, owner);
    const next = node !== fn && isFunctionNode(node) ? node : owner;
    for (const child of childNodes(node)) recurse(child, next);
  };
  recurse(fn, fn);
  // A counter join's item function rejects Promise.all, which the function awaits: its throws count.
  return [...owners.values()].every((owner) => owner === fn || alsoOwners.includes(owner));
}
