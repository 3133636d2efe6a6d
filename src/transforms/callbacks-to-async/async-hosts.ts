import type { ASTPath } from 'jscodeshift';
import { isFunctionNode, isReferenceIdentifier, patternNames, walk, type AnyNode } from '../shared/ast';
import type { Placement } from '../shared/async-placement';
import { runsNothing } from '../shared/control-flow';

/**
 * A function that is no callback API but holds one converted call can become the async
 * function itself, instead of holding an async IIFE (issue #15: IIFEs only at the roots).
 * Exactly the same program when:
 * - it is a plain `function name(…) {…}` (not async, a generator, or typed), and the call's
 *   statement is its only statement besides function declarations: what the IIFE held is the
 *   whole body, so nothing that threw synchronously before now rejects;
 * - every use of its name is a call whose value is dropped (`name(…);`): no caller can see
 *   that it now returns a promise instead of undefined.
 */
export interface AsyncHost {
  fn: AnyNode;
  name: string;
  placement: Placement;
}

/**
 * `isCallbackFunction`: a callback API of the file (converted as a whole, never a host);
 * `callsBackLater`: a call of an operation known to call its inline callback later (Node's own
 * APIs, the callback libraries of the ecosystem table), none of which reads what the callback
 * returns.
 */
export function findAsyncHost(statementPath: ASTPath<AnyNode>, isCallbackFunction: (fn: AnyNode) => boolean, callsBackLater: (call: AnyNode) => boolean): AsyncHost | undefined {
  const block = statementPath.parent;
  const fnPath = block?.parent;
  const fn = fnPath?.value;
  if (block?.value.type !== 'BlockStatement' || fn?.type !== 'FunctionDeclaration' || fn.body !== block.value) return undefined;
  if (!fn.id || fn.async || fn.generator || fn.returnType || isCallbackFunction(fn)) return undefined;
  const list: AnyNode[] = block.value.body;
  const index = list.indexOf(statementPath.value);
  if (index === -1 || list.some((statement, i) => i !== index && statement.type !== 'FunctionDeclaration')) return undefined;
  const parentType = fnPath.parent?.value.type;
  if (parentType === 'ExportNamedDeclaration' || parentType === 'ExportDefaultDeclaration') return undefined;
  if (!onlyCalledForEffect(fnPath, fn.id.name, callsBackLater)) return undefined;
  return { fn, name: fn.id.name, placement: { kind: 'inline', statementPath, list, index } };
}

/**
 * Is every reference to the function's name a call whose value nobody reads? A call statement
 * drops it; so does `return name(…)` from a function whose own value is dropped the same way
 * (ncp's `if (writable) return mkDir(dir, target)` inside a callback whose caller drops what
 * it returns): the promise it now returns goes nowhere, as undefined did.
 */
function onlyCalledForEffect(fnPath: ASTPath<AnyNode>, name: string, callsBackLater: (call: AnyNode) => boolean, droppedMethods?: ReadonlySet<string>): boolean {
  const scope = fnPath.parent?.scope?.lookup(name);
  if (!scope) return false;
  const flow = readValueFlow(rootOf(fnPath), callsBackLater, droppedMethods);
  return referencesDropValue(flow, scope.path.value, name, fnPath.value.id, new Set());
}

/**
 * Does every caller drop what this function returns? A function declaration (not exported)
 * whose every use is such a call; an anonymous function handed where what it returns is dropped.
 */
export function dropsItsValue(fnPath: ASTPath<AnyNode>, callsBackLater: (call: AnyNode) => boolean, droppedMethods: ReadonlySet<string> = new Set()): boolean {
  const fn = fnPath.value;
  if (fn.type === 'FunctionDeclaration') {
    const parentType = fnPath.parent?.value.type;
    return !!fn.id && parentType !== 'ExportNamedDeclaration' && parentType !== 'ExportDefaultDeclaration' && onlyCalledForEffect(fnPath, fn.id.name, callsBackLater, droppedMethods);
  }
  return returnDropped(readValueFlow(rootOf(fnPath), callsBackLater, droppedMethods), fn, new Set());
}

/**
 * Would a throw from the function's synchronous part, at every call of it, end where no code of
 * the program can catch it: an uncaught exception in the callback of an operation that calls
 * back later, or the rejection of an async function's promise? Each call must be the last thing
 * its function does (`return f(…)`, or `f(…);` with nothing after it), outside any try block
 * and loop, so that when `f` returns a rejected promise instead, no code runs that the throw
 * skipped. Then `f` may become async though it runs statements that may throw before its IIFE:
 * the uncaught exception becomes an unhandled rejection, timing and not a result.
 */
export function throwsReachNoCatch(fnPath: ASTPath<AnyNode>, callsBackLater: (call: AnyNode) => boolean): boolean {
  return throwUncaught(readValueFlow(rootOf(fnPath), callsBackLater), fnPath.value, new Set());
}

function throwUncaught(flow: ValueFlow, fn: AnyNode, seen: Set<AnyNode>): boolean {
  if (seen.has(fn)) return true; // a cycle adds no catch
  seen.add(fn);
  if (fn.generator) return false;
  const endsThere = (call: AnyNode): boolean => throwEndsAtCall(flow, call, seen);
  if (fn.type === 'FunctionDeclaration') {
    const exported = /^Export/.test(flow.parents.get(fn)?.type ?? '');
    return !exported && isOnlyDeclaration(flow, fn) && everyReferenceIsCall(rootOfFlow(flow, fn), fn.id.name, fn.id, endsThere);
  }
  if (fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression') return false;
  if (fn.id && !(isOnlyBinding(fn.body, fn.id.name) && everyReferenceIsCall(fn.body, fn.id.name, fn.id, endsThere))) return false;
  const call = flow.parents.get(fn);
  if (call?.type !== 'CallExpression') return false;
  if (call.callee === fn) return endsThere(call);
  // Node calls the callback from the event loop: a throw there was an uncaught exception.
  const index = call.arguments.indexOf(fn);
  if (index === call.arguments.length - 1 && flow.callsBackLater(call)) return true;
  // Handed to a function of the file (ncp's `isWritable(target, function (writable) { … })`): where it calls its parameter.
  const receiver = receivingParameter(flow, call, index);
  return !!receiver && everyReferenceIsCall(receiver.fn.body, receiver.param.name, receiver.param, endsThere);
}

/** The parameter of the file's function `call` calls that takes argument `index`, bound nowhere else in it. */
function receivingParameter(flow: ValueFlow, call: AnyNode, index: number): { fn: AnyNode; param: AnyNode } | undefined {
  if (index === -1 || call.callee.type !== 'Identifier') return undefined;
  const callee = flow.declarations.get(call.callee.name);
  if (callee?.length !== 1 || !isOnlyDeclaration(flow, callee[0])) return undefined;
  const param = callee[0].params[index];
  if (param?.type !== 'Identifier' || !isOnlyBinding(callee[0], param.name, param)) return undefined;
  return { fn: callee[0], param };
}

/** Within `within`, is every reference to `name` (its binding `own` aside) the callee of a call that passes `test`? */
function everyReferenceIsCall(within: AnyNode, name: string, own: AnyNode, test: (call: AnyNode) => boolean): boolean {
  let every = true;
  walk(within, (node, parent) => {
    if (!every) return false;
    if (node.type !== 'Identifier' || node.name !== name || node === own || !isReferenceIdentifier(node, parent)) return;
    every = parent?.type === 'CallExpression' && parent.callee === node && test(parent);
  });
  return every;
}

/**
 * A throw at this call leaves its function at once with nothing skipped that the rejected
 * promise would let run, and then goes nowhere a catch sees (see throwsReachNoCatch).
 */
function throwEndsAtCall(flow: ValueFlow, call: AnyNode, seen: Set<AnyNode>): boolean {
  let node = flow.parents.get(call);
  if (node?.type === 'UnaryExpression' && node.operator === 'void') node = flow.parents.get(node);
  const returned = node?.type === 'ReturnStatement' || (node?.type === 'ArrowFunctionExpression' && node.body === call);
  if (node?.type !== 'ExpressionStatement' && node?.type !== 'ReturnStatement' && !returned) return false;
  let fn = node;
  if (node.type !== 'ArrowFunctionExpression') {
    for (let up = flow.parents.get(node); ; node = up, up = flow.parents.get(up)) {
      if (!up) return false; // the program: a throw reached whoever required the module
      if (isFunctionNode(up)) {
        fn = up;
        break;
      }
      if (up.type === 'BlockStatement') {
        if (!returned && !runsNothing(up.body.slice(up.body.indexOf(node) + 1))) return false;
        continue;
      }
      if (up.type === 'IfStatement' && up.test !== node) continue;
      // A throw in a catch clause leaves the try statement, unless a finally runs more first.
      if (up.type === 'CatchClause' || (up.type === 'TryStatement' && up.handler === node && !up.finalizer)) continue;
      return false; // a try block, a loop, a switch, a label: the throw is caught or skips more
    }
  }
  // An async function rejects on a throw in its body: returned, the same rejection; dropped, the same unhandled one.
  if (fn.async) return returned || returnDropped(flow, fn, new Set());
  return throwUncaught(flow, fn, seen);
}

/** Parents, and how often each name is bound, over the whole file: one walk per question. */
interface ValueFlow {
  parents: Map<AnyNode, AnyNode | null>;
  declarations: Map<string, AnyNode[]>;
  callsBackLater: (call: AnyNode) => boolean;
  /** Method names every read of which, in the whole package, is a call whose value is dropped (TransformOptions.droppedMethods). */
  droppedMethods: ReadonlySet<string>;
}

function rootOf(path: ASTPath<AnyNode>): AnyNode {
  let top = path;
  while (top.parent) top = top.parent;
  return top.value;
}

/** Every node's parent, over the whole tree. */
export function parentsOf(root: AnyNode): Map<AnyNode, AnyNode | null> {
  const parents = new Map<AnyNode, AnyNode | null>();
  walk(root, (node, parent) => {
    parents.set(node, parent);
  });
  return parents;
}

function readValueFlow(root: AnyNode, callsBackLater: (call: AnyNode) => boolean, droppedMethods: ReadonlySet<string> = new Set()): ValueFlow {
  const parents = new Map<AnyNode, AnyNode | null>();
  const declarations = new Map<string, AnyNode[]>();
  walk(root, (node, parent) => {
    parents.set(node, parent);
    if (node.type === 'FunctionDeclaration' && node.id) declarations.set(node.id.name, [...(declarations.get(node.id.name) ?? []), node]);
  });
  return { parents, declarations, callsBackLater, droppedMethods };
}

/** Within `within`, is every reference to `name` (its binding `own` aside) the callee of a call whose value is dropped? */
function referencesDropValue(flow: ValueFlow, within: AnyNode, name: string, own: AnyNode, seen: Set<AnyNode>): boolean {
  // A name of the same spelling bound in an inner scope is counted too: a conservative no.
  return everyReferenceIsCall(within, name, own, (call) => valueDropped(flow, call, seen));
}

function valueDropped(flow: ValueFlow, call: AnyNode, seen: Set<AnyNode>): boolean {
  const parent = flow.parents.get(call);
  if (parent?.type === 'ExpressionStatement' || (parent?.type === 'UnaryExpression' && parent.operator === 'void')) return true;
  if (parent?.type === 'ArrowFunctionExpression' && parent.body === call) return returnDropped(flow, parent, seen);
  if (parent?.type !== 'ReturnStatement') return false;
  let fn = flow.parents.get(parent);
  while (fn && !isFunctionNode(fn)) fn = flow.parents.get(fn);
  return !!fn && returnDropped(flow, fn, seen);
}

/**
 * Is what `fn` returns dropped by everything that calls it? A function declared once in the
 * file whose every call drops its value; the callback of an operation that calls back later
 * (Node ignores what a callback returns); an anonymous function handed to a function of the
 * file whose parameter for it is only ever called with the value dropped.
 */
function returnDropped(flow: ValueFlow, fn: AnyNode, seen: Set<AnyNode>): boolean {
  if (seen.has(fn)) return true; // a cycle adds no reader
  seen.add(fn);
  if (fn.generator) return false;
  if (fn.type === 'FunctionDeclaration') {
    const exported = /^Export/.test(flow.parents.get(fn)?.type ?? '');
    return !exported && isOnlyDeclaration(flow, fn) && referencesDropValue(flow, rootOfFlow(flow, fn), fn.id.name, fn.id, seen);
  }
  if (fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression') return false;
  // A named function expression (`(function next() { … })()`): its own calls by that name drop the value too.
  if (fn.id && !(isOnlyBinding(fn.body, fn.id.name) && referencesDropValue(flow, fn.body, fn.id.name, fn.id, seen))) return false;
  const method = prototypeMethodName(flow.parents, fn);
  if (method !== undefined) return flow.droppedMethods.has(method);
  const call = flow.parents.get(fn);
  if (call?.type !== 'CallExpression') return false;
  if (call.callee === fn) return valueDropped(flow, call, seen);
  const index = call.arguments.indexOf(fn);
  if (index === call.arguments.length - 1 && flow.callsBackLater(call)) return true;
  const receiver = receivingParameter(flow, call, index);
  return !!receiver && referencesDropValue(flow, receiver.fn.body, receiver.param.name, receiver.param, seen);
}

/**
 * `Foo.prototype.name = function (…) {…};` as a statement: the method's name. Its callers are in
 * any file of the package (`self.name()`), so only the package-wide fact answers for them.
 */
export function prototypeMethodName(parents: ReadonlyMap<AnyNode, AnyNode | null>, fn: AnyNode): string | undefined {
  const parentOf = (node: AnyNode) => parents.get(node);
  const assignment = parentOf(fn);
  if (assignment?.type !== 'AssignmentExpression' || assignment.operator !== '=' || assignment.right !== fn || parentOf(assignment)?.type !== 'ExpressionStatement') return undefined;
  const left = assignment.left;
  if (left.type !== 'MemberExpression' || left.object.type !== 'MemberExpression' || left.object.computed || left.object.property.name !== 'prototype') return undefined;
  if (!left.computed) return left.property.type === 'Identifier' ? left.property.name : undefined;
  return left.property.type === 'StringLiteral' ? left.property.value : undefined;
}

function isOnlyDeclaration(flow: ValueFlow, fn: AnyNode): boolean {
  return flow.declarations.get(fn.id.name)?.length === 1 && isOnlyBinding(rootOfFlow(flow, fn), fn.id.name, fn.id);
}

function rootOfFlow(flow: ValueFlow, node: AnyNode): AnyNode {
  let top = node;
  for (let up = flow.parents.get(top); up; up = flow.parents.get(up)) top = up;
  return top;
}

/** Is `name` bound nowhere below `root` but at `own` (a parameter, a variable, a function, a class, a catch clause)? */
function isOnlyBinding(root: AnyNode, name: string, own?: AnyNode): boolean {
  let bindings = 0;
  walk(root, (node) => {
    if (isFunctionNode(node)) bindings += node.params.filter((param: AnyNode) => patternNames(param).includes(name) && param !== own).length;
    const id = node.type === 'VariableDeclarator' || node.type === 'CatchClause' ? (node.id ?? node.param) : node.type === 'ClassDeclaration' || node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ClassExpression' ? node.id : undefined;
    if (id && id !== own && patternNames(id).includes(name)) bindings++;
  });
  return bindings === 0;
}
