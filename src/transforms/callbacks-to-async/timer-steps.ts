import type { JSCodeshift } from 'jscodeshift';
import { callsNamed, childNodes, isFunctionNode, isIdentifierNamed, isMemberNamed, patternNames, some, type AnyNode } from '../shared/ast';

/**
 * Timers inside a callback function that start the next step of its flow (a retry after a
 * back-off, a poll, a delayed call back), read on a trial copy before the proof:
 *
 *     op(…, function (er, v) {
 *       if (busy(er)) return setTimeout(function () { next(); }, ms);   // or () => { … }
 *       …
 *     });
 *
 * becomes, in the callback (which the call-site conversion then inlines into the async function):
 *
 *     if (busy(er)) { await setTimeout(ms); next(); return; }
 *
 * `setTimeout` from `timers/promises` resolves inside a Timeout, in the same timer list the
 * callback would have joined, and the continuation runs in the microtasks right after it,
 * where the timer callback ran (timers-to-async/README.md). The trial is kept only when every
 * await made here ends up in the async function itself (`awaits`, checked like the new
 * returns). Only timers in an operation's inline callback (never the function's own body,
 * whose `return setTimeout(…)` hands the Timeout to the caller), whose function takes no
 * parameters, uses no `this`/`arguments`, returns nothing, throws nothing (an uncaught
 * exception would become a rejection) and calls no `process.nextTick` (its tick would move
 * after promise jobs).
 */
export interface TimerSteps {
  /** The `await <timer>(ms)` expressions made. */
  awaits: AnyNode[];
  /** The callee identifiers made, named and imported by TimerAwaits. */
  callees: AnyNode[];
  /** The original timer calls, where the findings point. */
  timers: AnyNode[];
  /** The `return;` after each step: dead once the step ends in `continue` or a return of its own. */
  returns: AnyNode[];
}

/**
 * `return setTimeout(fn, ms);`, `setTimeout(fn, ms);` followed by `return;` in the same list, or
 * `setTimeout(fn, ms);` ending a callback's body (`atEnd`: nothing follows, no `return;` needed).
 */
function timerStepAt(list: AnyNode[], index: number, atEnd = false): { call: AnyNode; length: number; last?: boolean } | undefined {
  const statement = list[index];
  if (statement?.type === 'ReturnStatement' && isTimerCall(statement.argument)) return { call: statement.argument, length: 1 };
  const next = list[index + 1];
  if (statement?.type !== 'ExpressionStatement' || !isTimerCall(statement.expression)) return undefined;
  if (next?.type === 'ReturnStatement' && !next.argument) return { call: statement.expression, length: 2 };
  if (atEnd && index === list.length - 1) return { call: statement.expression, length: 1, last: true };
  return undefined;
}

function isTimerCall(node: AnyNode): boolean {
  if (node?.type !== 'CallExpression' || !isIdentifierNamed(node.callee, 'setTimeout') || node.arguments.length !== 2) return false;
  const [fn, ms] = node.arguments;
  if ((fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression') || fn.params.length > 0 || fn.async || fn.generator || fn.body.type !== 'BlockStatement') return false;
  if (ms.type === 'SpreadElement' || some(ms, isFunctionNode)) return false;
  return !some(fn.body, (inner) => {
    if (inner.type === 'ReturnStatement' || inner.type === 'ThrowStatement') return true;
    if (isMemberNamed(inner, 'process', 'nextTick')) return true;
    return fn.type === 'FunctionExpression' && (inner.type === 'ThisExpression' || isIdentifierNamed(inner, 'arguments'));
  }, { skipFunctions: true });
}

/**
 * Is `setTimeout` the global here: no declaration of that name anywhere in the file? A
 * pattern's key is no declaration: `const { setTimeout: delay } = require('timers/promises')`.
 */
export function isGlobalSetTimeout(program: AnyNode): boolean {
  const binds = (pattern: AnyNode): boolean => patternNames(pattern).includes('setTimeout');
  return !some(program, (node) => {
    if (node.type === 'VariableDeclarator' || node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') return binds(node.id);
    if (node.type === 'ImportSpecifier' || node.type === 'ImportDefaultSpecifier' || node.type === 'ImportNamespaceSpecifier') return isIdentifierNamed(node.local, 'setTimeout');
    if (isFunctionNode(node)) return node.params.some(binds);
    return node.type === 'CatchClause' && !!node.param && binds(node.param);
  });
}

/** Rewrites the timer steps inside the inline callbacks of `fn` (a trial copy), in place. */
export function rewriteTimerSteps(j: JSCodeshift, fn: AnyNode, program: AnyNode): TimerSteps {
  const steps: TimerSteps = { awaits: [], callees: [], timers: [], returns: [] };
  // Without a setTimeout call in fn there is no step: the walk over the whole program is spared.
  if (!callsNamed(fn, ['setTimeout']) || !isGlobalSetTimeout(program)) return steps;
  // inCallback: below a function passed as an argument (an operation's callback), not fn's own body.
  const visit = (node: AnyNode, parent: AnyNode | null, inCallback: boolean): void => {
    if (isFunctionNode(node) && node !== fn) {
      // A step function declared in fn's body (`function next() {…}`, a loop once next-loops.ts reads it) is walked like fn.
      const stepFunction = node.type === 'FunctionDeclaration' && fn.body.body?.includes(node);
      if (!stepFunction && !(parent?.type === 'CallExpression' && parent.arguments.includes(node))) return;
      inCallback ||= !stepFunction;
    }
    if (inCallback) rewriteIn(j, node, steps, isFunctionNode(parent ?? {}) && parent?.body === node && parent !== fn);
    for (const child of childNodes(node)) visit(child, node, inCallback);
  };
  visit(fn, null, false);
  return steps;
}

/** The timer steps directly in this node's statement lists, or an `if` branch that is one. */
function rewriteIn(j: JSCodeshift, node: AnyNode, steps: TimerSteps, callbackBody: boolean): void {
  for (const key of ['body', 'consequent']) {
    const list = node[key];
    if (!Array.isArray(list)) continue;
    for (let index = 0; index < list.length; index++) {
      const step = timerStepAt(list, index, callbackBody);
      if (step) list.splice(index, step.length, ...awaitTimer(j, step.call, steps, !step.last));
    }
  }
  if (node.type !== 'IfStatement') return;
  for (const key of ['consequent', 'alternate']) {
    const branch = node[key];
    if (branch && branch.type !== 'BlockStatement' && timerStepAt([branch], 0)) node[key] = j.blockStatement(awaitTimer(j, branch.argument, steps));
  }
}

/** `await <setTimeout>(ms);` then the timer function's statements, then `return;`. */
function awaitTimer(j: JSCodeshift, call: AnyNode, steps: TimerSteps, withReturn = true): AnyNode[] {
  const [timerFn, ms] = call.arguments;
  const callee = j.identifier('setTimeout');
  steps.callees.push(callee);
  const wait = j.awaitExpression(j.callExpression(callee, [ms]));
  steps.awaits.push(wait);
  steps.timers.push(call);
  if (!withReturn) return [j.expressionStatement(wait), ...timerFn.body.body];
  const done = j.returnStatement(null);
  steps.returns.push(done);
  return [j.expressionStatement(wait), ...timerFn.body.body, done];
}

/** Drops each step's `return;` that cannot run (after `continue`, `return` or `throw`), once the function is converted. */
export function dropDeadStepReturns(fn: AnyNode, steps: TimerSteps): void {
  const dead = new Set(steps.returns);
  const visit = (node: AnyNode): void => {
    for (const key of ['body', 'consequent']) {
      const list = node[key];
      if (!Array.isArray(list)) continue;
      for (let index = list.length - 1; index > 0; index--) {
        if (dead.has(list[index]) && /^(Continue|Return|Throw)Statement$/.test(list[index - 1].type)) list.splice(index, 1);
      }
    }
    for (const child of childNodes(node)) visit(child);
  };
  visit(fn);
}
