import { isFunctionNode, isReferenceIdentifier, walk, type AnyNode } from '../shared/ast';

/**
 * Where a continuation that used to run synchronously (a callee that may call back before it
 * returns) can now be overtaken: the code after the call up to the end of its block, and, since
 * the function holding the call now returns before the continuation runs, the code after every
 * call of that function, and after the calls of the function holding those, up to the top level
 * or a callback that runs in a job of its own (issue #12, fuzzer seed 811458: `main(); log()`
 * printed before main's continuation, outside a span that stopped at main's block); from a tick
 * or promise job, up from the call that queued it, since the continuation now waits for the jobs
 * queued after it.
 */
export interface CallerContinuations {
  /** The call's own continuation first, then those of the callers found, in the order found. */
  spans: Array<{ loc: AnyNode['loc'] }>;
  /**
   * False when a function on the way up is used other than by calls this file holds (exported,
   * handed on, a method): code after its calls elsewhere is not covered by the spans.
   */
  bounded: boolean;
}

export function callerContinuations(program: AnyNode, call: AnyNode, runsLater: (fn: AnyNode, parent: AnyNode | undefined) => boolean): CallerContinuations {
  const parents = parentsOf(program);
  const spans: CallerContinuations['spans'] = [];
  const seenFunctions = new Set<AnyNode>();
  const queue: AnyNode[] = [call];
  let bounded = true;
  while (queue.length > 0) {
    const node = queue.shift()!;
    const span = continuationFrom(node, parents);
    if (span) spans.push(span);
    const fn = enclosingFunction(node, parents);
    if (!fn || seenFunctions.has(fn) || afterAnAwait(node, fn, parents)) continue;
    seenFunctions.add(fn);
    const parent = parents.get(fn);
    if (runsLater(fn, parent)) {
      // A tick or promise job: the continuation, now a promise job, also waits for the ticks and
      // jobs queued after this one, such as by the code after its registration (seed 5001885).
      if (parent && queuesBeforeCheckpoint(parent)) queue.push(parent);
      continue;
    }
    // An IIFE (awaitify's own async IIFEs included): the code after it in its caller's block.
    if (parent?.type === 'CallExpression' && parent.callee === fn) {
      queue.push(parent);
      continue;
    }
    const calls = callsOf(fn, parent, program);
    if (!calls) {
      bounded = false;
      continue;
    }
    queue.push(...calls);
  }
  return { spans, bounded };
}

/** `process.nextTick(f)`, `queueMicrotask(f)`, `p.then(f)`: run before the next timer or I/O callback. */
function queuesBeforeCheckpoint(call: AnyNode): boolean {
  if (call.type !== 'CallExpression') return false;
  const callee = call.callee;
  if (callee.type === 'Identifier') return callee.name === 'queueMicrotask';
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return false;
  const method = callee.property.name;
  if (method === 'nextTick') return callee.object.type === 'Identifier' && callee.object.name === 'process';
  return method === 'then' || method === 'catch' || method === 'finally';
}

function parentsOf(program: AnyNode): Map<AnyNode, AnyNode> {
  const parents = new Map<AnyNode, AnyNode>();
  walk(program, (node, parent) => {
    if (parent) parents.set(node, parent);
  });
  return parents;
}

/** From the node to the end of the first enclosing block that has a position in the source. */
function continuationFrom(node: AnyNode, parents: Map<AnyNode, AnyNode>): { loc: AnyNode['loc'] } | undefined {
  let block = parents.get(node);
  while (block && !((block.type === 'BlockStatement' || block.type === 'Program') && block.loc)) block = parents.get(block);
  const end = block?.loc?.end;
  // A node awaitify made has no position: the whole block it sits in, then.
  const start = node.loc?.start ?? block?.loc?.start;
  return start && end ? { loc: { start, end } } : node.loc ? { loc: node.loc } : undefined;
}

function enclosingFunction(node: AnyNode, parents: Map<AnyNode, AnyNode>): AnyNode | undefined {
  for (let current = parents.get(node); current; current = parents.get(current)) if (isFunctionNode(current)) return current;
  return undefined;
}

/**
 * Does a statement `await …;` (or `x = await …;`, `const x = await …;`) come before the node in
 * a block of its function? Then the node runs in a promise job, and the function's callers
 * resumed long before it: nothing of theirs follows it synchronously.
 */
function afterAnAwait(node: AnyNode, fn: AnyNode, parents: Map<AnyNode, AnyNode>): boolean {
  if (!fn.async) return false;
  let child = node;
  for (let current = parents.get(node); current && current !== fn; child = current, current = parents.get(current)) {
    if (current.type !== 'BlockStatement') continue;
    const index = current.body.indexOf(child);
    if (current.body.slice(0, Math.max(index, 0)).some(isAwaitStatement)) return true;
  }
  return false;
}

function isAwaitStatement(statement: AnyNode): boolean {
  // awaitify's own `try { await p; } catch …`: the awaited call returns a promise, and a
  // rejection is caught after the await, so the code after the try runs later either way.
  if (statement.type === 'TryStatement') return statement.block.body.length > 0 && isAwaitStatement(statement.block.body[0]);
  if (statement.type === 'ExpressionStatement') {
    const expression = statement.expression.type === 'AssignmentExpression' ? statement.expression.right : statement.expression;
    return expression.type === 'AwaitExpression';
  }
  return statement.type === 'VariableDeclaration' && statement.declarations.some((declarator: AnyNode) => declarator.init?.type === 'AwaitExpression');
}

/**
 * The calls of a named function (`function f` or `const f = function/arrow`) when every use of
 * its name in the file is a call; undefined when it is exported, handed on, or has no name.
 */
function callsOf(fn: AnyNode, parent: AnyNode | undefined, program: AnyNode): AnyNode[] | undefined {
  let name: string | undefined;
  let declaration: AnyNode | undefined;
  if (fn.type === 'FunctionDeclaration' && fn.id) {
    if (parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration') return undefined;
    name = fn.id.name;
    declaration = fn.id;
  } else if (parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier') {
    name = parent.id.name;
    declaration = parent.id;
  }
  if (!name) return undefined;
  const calls: AnyNode[] = [];
  let escapes = false;
  walk(program, (node, nodeParent) => {
    if (escapes) return false;
    if (node.type !== 'Identifier' || node.name !== name || node === declaration || !isReferenceIdentifier(node, nodeParent)) return true;
    // A name of the same spelling bound elsewhere counts too: a conservative no.
    if (nodeParent?.type === 'CallExpression' && nodeParent.callee === node) calls.push(nodeParent);
    else escapes = true;
    return true;
  });
  return escapes ? undefined : calls;
}
