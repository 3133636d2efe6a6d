import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { isFunctionNode, isIdentifierNamed, isInlineFunction, isReferenceIdentifier, walk, type AnyNode } from '../shared/ast';
import { findPaths } from '../shared/paths';

export type TimerName = 'setTimeout' | 'setImmediate' | 'setInterval';
const timerNames: readonly string[] = ['setTimeout', 'setImmediate', 'setInterval'];
const clearNames: readonly string[] = ['clearTimeout', 'clearInterval', 'clearImmediate'];

/** A call of the global setTimeout, setImmediate or setInterval. */
export interface TimerCall {
  path: ASTPath<AnyNode>;
  call: AnyNode;
  name: TimerName;
  /** The function argument as written (inline function, a name, or anything else). */
  fnArg: AnyNode | undefined;
  /** The delay argument; undefined for setImmediate or when left out. */
  delay: AnyNode | undefined;
  /** Arguments after the delay, which the timer passes to the callback. */
  extraArgs: AnyNode[];
}

/**
 * What holds the call:
 * - `statement`: `setTimeout(…);` or `setTimeout(…).unref();`
 * - `declaration`: `const t = setTimeout(…)` (also with `.unref()`), the only declarator;
 * - `arrow-body`: the expression body of another timer's arrow callback, whose value the
 *   timer ignores (`setTimeout(() => setTimeout(…), 10)`): a statement once that body moves;
 * - `other`: the returned Timeout is used some other way.
 */
export type Holder =
  | { kind: 'statement'; statementPath: ASTPath<AnyNode>; unref: boolean }
  | { kind: 'declaration'; statementPath: ASTPath<AnyNode>; name: string; unref: boolean }
  | { kind: 'arrow-body' }
  | { kind: 'other' };

/** How a stored handle is used, by kind of use. */
export interface HandleUses {
  /** `clearTimeout(t)`-style calls (any of the three clear functions). */
  clears: ASTPath<AnyNode>[];
  /** `t.unref();` statements. */
  unrefs: ASTPath<AnyNode>[];
  /** Any other reference: the handle escapes. */
  others: ASTPath<AnyNode>[];
}

/** A function callback, written inline or declared by name. */
export interface TimerCallback {
  fn: AnyNode;
  fnPath: ASTPath<AnyNode>;
  /** Set for `setTimeout(step, …)`: where `step` is declared. */
  named?: NamedFunction;
  /** The callback body as statements (an arrow's expression body becomes one statement). */
  body: AnyNode[];
}

export interface NamedFunction {
  name: string;
  /** The statement list (block or program) that holds the declaration. */
  scopeNode: AnyNode;
  /** The statement that declares it (function declaration or single-declarator const/let/var). */
  statementPath: ASTPath<AnyNode>;
  /** References other than the one timer call. */
  otherReferences: number;
}

/** Is `name` at this path the global (declared nowhere in the file)? */
export function isGlobalName(path: ASTPath<AnyNode>, name: string): boolean {
  return !path.scope?.lookup(name);
}

function isTimerCallee(path: ASTPath<AnyNode>): TimerName | undefined {
  const callee = path.value.callee;
  if (callee?.type !== 'Identifier' || !timerNames.includes(callee.name)) return undefined;
  return isGlobalName(path, callee.name) ? (callee.name as TimerName) : undefined;
}

/** A call of a name like a timer function (whether it is the global one needs a scope). */
export function isTimerCallNode(node: AnyNode): boolean {
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && timerNames.includes(node.callee.name);
}

/**
 * Every call of a global timer function below `path`, outermost first; `skip` leaves out
 * calls that only look like one (awaitify's own promise timers before they are named).
 */
export function findTimerCalls(path: ASTPath<AnyNode>, skip: (call: AnyNode) => boolean = () => false): TimerCall[] {
  const calls: TimerCall[] = [];
  for (const callPath of findPaths(path, (node) => isTimerCallNode(node) && !skip(node))) {
    const name = isTimerCallee(callPath);
    if (!name) continue;
    const [fnArg, ...rest] = callPath.value.arguments;
    const delay = name === 'setImmediate' ? undefined : rest[0];
    const extraArgs = name === 'setImmediate' ? rest : rest.slice(1);
    calls.push({ path: callPath, call: callPath.value, name, fnArg, delay, extraArgs });
  }
  return calls;
}

/** Is `node` `<object>.unref()` with no arguments? */
function isUnrefCallOf(node: AnyNode, object: AnyNode): boolean {
  return (
    node?.type === 'CallExpression' &&
    node.arguments.length === 0 &&
    node.callee.type === 'MemberExpression' &&
    !node.callee.computed &&
    node.callee.object === object &&
    isIdentifierNamed(node.callee.property, 'unref')
  );
}

export function findHolder(timer: TimerCall): Holder {
  let path = timer.path;
  let unref = false;
  // `setTimeout(…).unref()`: the member expression, then its call.
  const member = path.parent;
  if (member && isUnrefCallOf(member.parent?.value, timer.call)) {
    path = member.parent;
    unref = true;
  }
  const parent = path.parent;
  if (parent?.value.type === 'ExpressionStatement') return { kind: 'statement', statementPath: parent, unref };
  if (!unref && parent?.value.type === 'ArrowFunctionExpression' && parent.value.body === path.value) {
    const outer = parent.parent?.value;
    if (outer?.type === 'CallExpression' && outer.arguments[0] === parent.value && isTimerCallee(parent.parent)) return { kind: 'arrow-body' };
  }
  if (parent?.value.type === 'VariableDeclarator' && parent.value.init === path.value && parent.value.id.type === 'Identifier') {
    const statementPath = parent.parent;
    if (statementPath?.value.type === 'VariableDeclaration' && statementPath.value.declarations.length === 1) {
      const container = statementPath.parent?.value;
      // A declaration that is a for-loop's init or an export is not a plain statement.
      if (container && (container.type === 'BlockStatement' || container.type === 'Program' || container.type === 'SwitchCase')) {
        return { kind: 'declaration', statementPath, name: parent.value.id.name, unref };
      }
    }
  }
  return { kind: 'other' };
}

/**
 * Paths of the references to `name` that mean the same binding as at `declaredAt`. Searched
 * from the path of the scope that declares it, so that scopes compare by identity.
 */
export function referencePaths(j: JSCodeshift, name: string, declaredAt: ASTPath<AnyNode>): ASTPath<AnyNode>[] {
  const scope = declaredAt.scope?.lookup(name);
  if (!scope) return [];
  const paths: ASTPath<AnyNode>[] = [];
  j(scope.path as ASTPath<AnyNode>).find(j.Identifier, { name }).forEach((path: ASTPath<AnyNode>) => {
    if (!isReferenceIdentifier(path.value, path.parent?.value ?? null)) return;
    if (path.scope?.lookup(name) !== scope) return;
    paths.push(path);
  });
  return paths;
}

/** Sorts the uses of a declared timer handle (`const t = setTimeout(…)`). */
export function findHandleUses(j: JSCodeshift, holder: Extract<Holder, { kind: 'declaration' }>): HandleUses {
  const declarator = holder.statementPath.value.declarations[0];
  const uses: HandleUses = { clears: [], unrefs: [], others: [] };
  for (const path of referencePaths(j, holder.name, holder.statementPath)) {
    if (path.value === declarator.id) continue;
    const parent = path.parent?.value;
    if (
      parent?.type === 'CallExpression' &&
      parent.arguments.length === 1 &&
      parent.arguments[0] === path.value &&
      parent.callee.type === 'Identifier' &&
      clearNames.includes(parent.callee.name) &&
      isGlobalName(path.parent, parent.callee.name)
    ) {
      uses.clears.push(path.parent);
    } else if (parent?.type === 'MemberExpression' && isUnrefCallOf(path.parent.parent?.value, path.value) && path.parent.parent.parent?.value.type === 'ExpressionStatement') {
      uses.unrefs.push(path.parent.parent.parent);
    } else {
      uses.others.push(path);
    }
  }
  return uses;
}

/** The callback body as a statement list. */
export function functionBody(j: JSCodeshift, fn: AnyNode): AnyNode[] {
  return fn.body.type === 'BlockStatement' ? fn.body.body : [j.expressionStatement(fn.body)];
}

/** The function a name refers to, when it is declared in this file as a function. */
function findNamedFunction(j: JSCodeshift, timer: TimerCall): { fnPath: ASTPath<AnyNode>; named: NamedFunction } | undefined {
  const name: string = timer.fnArg.name;
  const scope = timer.path.scope?.lookup(name);
  if (!scope) return undefined;
  const bindingPaths: ASTPath<AnyNode>[] = scope.getBindings()[name] ?? [];
  if (bindingPaths.length !== 1) return undefined;
  const idPath = bindingPaths[0]!;
  const parent = idPath.parent?.value;
  let fnPath: ASTPath<AnyNode>;
  let statementPath: ASTPath<AnyNode>;
  if (parent?.type === 'FunctionDeclaration' && parent.id === idPath.value) {
    fnPath = idPath.parent;
    statementPath = idPath.parent;
  } else if (parent?.type === 'VariableDeclarator' && parent.id === idPath.value && isInlineFunction(parent.init)) {
    statementPath = idPath.parent.parent;
    if (statementPath.value.declarations.length !== 1 || statementPath.value.kind === 'var') return undefined;
    // A const declared after the call is in its dead zone when the call runs.
    if (!(statementPath.value.end <= timer.call.start)) return undefined;
    fnPath = idPath.parent.get('init');
  } else {
    return undefined;
  }
  const list = statementPath.parent?.value;
  if (!list || (list.type !== 'BlockStatement' && list.type !== 'Program')) return undefined;
  const references = referencePaths(j, name, timer.path).filter(
    (path) => path.value !== timer.fnArg && path.value !== idPath.value,
  );
  return { fnPath, named: { name, scopeNode: list, statementPath, otherReferences: references.length } };
}

/** The callback of a timer call: an inline function, or a function declared by name. */
export function findCallback(j: JSCodeshift, timer: TimerCall): TimerCallback | undefined {
  const fnArg = timer.fnArg;
  if (isInlineFunction(fnArg)) return { fn: fnArg, fnPath: timer.path.get('arguments', 0), body: functionBody(j, fnArg) };
  if (fnArg?.type !== 'Identifier') return undefined;
  const found = findNamedFunction(j, timer);
  if (!found) return undefined;
  const fn = found.fnPath.value;
  return { fn, fnPath: found.fnPath, named: found.named, body: functionBody(j, fn) };
}

/** `this` or `arguments` of a `function` itself (arrows inside share them). */
export function usesOwnThisOrArguments(fn: AnyNode): boolean {
  if (fn.type === 'ArrowFunctionExpression') return false;
  let found = false;
  walk(fn.body, (node) => {
    if (node.type === 'ThisExpression' || isIdentifierNamed(node, 'arguments')) found = true;
    return !found;
  }, { skipNonArrowFunctions: true });
  return found;
}

/** Is there a loop between the statement and the function (or program) it runs in? */
export function isInsideLoop(statementPath: ASTPath<AnyNode>): boolean {
  for (let current = statementPath.parent; current; current = current.parent) {
    const type: string = current.value.type;
    if (isFunctionNode(current.value) || type === 'Program') return false;
    if (/^(For|ForIn|ForOf|While|DoWhile)Statement$/.test(type)) return true;
  }
  return false;
}

/** The innermost function around a path, or undefined at the top level. */
export function enclosingFunction(path: ASTPath<AnyNode>): AnyNode | undefined {
  for (let current = path.parent; current; current = current.parent) {
    if (isFunctionNode(current.value)) return current.value;
  }
  return undefined;
}
