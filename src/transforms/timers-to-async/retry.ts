import { nextTickFlagNodes, programOf, walkWithCalledFunctions } from '../shared/reached-functions';
import { findPaths } from '../shared/paths';
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { callsNamed, findAll, isFunctionNode, isIdentifierNamed, isMemberNamed, varNames, type AnyNode } from '../shared/ast';
import { numericDelay } from './delay-argument';
import { functionBody, isGlobalName, referencePaths, usesOwnThisOrArguments } from './detect';
import { endsCallback } from './interval-body';
import type { PlannedFinding } from './plan';
import type { Runtime } from './runtime';
import type { TimerBindings } from './timer-bindings';

/**
 * Retry by recursion through a timer:
 *
 *   function attempt(n) { …; if (done) return; setTimeout(() => attempt(n + 1), base * 2 ** n); }
 *
 * becomes `async function attempt(n) { while (true) { …; await setTimeout(…); n = n + 1; } }`.
 * The first attempt still runs synchronously inside the call; later attempts run right after
 * their timer fires, as promise jobs.
 */
export interface RetryPlan {
  fnPath: ASTPath<AnyNode>;
  /** The `setTimeout(…)` statement that schedules the next attempt. */
  timerStatement: ASTPath<AnyNode>;
  delay: AnyNode | undefined;
  /** Arguments of the next attempt. */
  args: AnyNode[];
  /** true: `setTimeout(attempt, ms, …args)` evaluates them when the timer starts; false: when it fires. */
  argsAtStart: boolean;
  allowed: PlannedFinding[];
}

export type RetryResult = { kind: 'rewrite'; plan: RetryPlan } | { kind: 'skip'; finding: PlannedFinding };

interface RetryCall {
  statement: ASTPath<AnyNode>;
  delay: AnyNode | undefined;
  args: AnyNode[];
  argsAtStart: boolean;
}

/** `() => attempt(…)`, `() => { attempt(…); }` or `function () { attempt(…); }`: the call's arguments. */
function retryArguments(j: JSCodeshift, callback: AnyNode, name: string): AnyNode[] | undefined {
  if (callback?.type !== 'ArrowFunctionExpression' && callback?.type !== 'FunctionExpression') return undefined;
  if (callback.params.length > 0 || callback.async || callback.generator || usesOwnThisOrArguments(callback)) return undefined;
  const body = functionBody(j, callback);
  const call = body.length === 1 && body[0].type === 'ExpressionStatement' ? body[0].expression : undefined;
  if (call?.type !== 'CallExpression' || !isIdentifierNamed(call.callee, name)) return undefined;
  return call.arguments;
}

/** The one `setTimeout` statement in the function's own body that calls the function again. */
function findRetryCall(j: JSCodeshift, fnPath: ASTPath<AnyNode>, name: string): RetryCall | undefined {
  // The plain walk first: the path-building search below costs far more, and finds nothing without a setTimeout call.
  if (!callsNamed(fnPath.value.body, ['setTimeout'])) return undefined;
  const found: RetryCall[] = [];
  j(fnPath.get('body')).find(j.CallExpression, { callee: { type: 'Identifier', name: 'setTimeout' } }).forEach((path: ASTPath<AnyNode>) => {
    if (!isGlobalName(path, 'setTimeout') || path.parent?.value.type !== 'ExpressionStatement') return;
    const [callback, delay, ...rest] = path.value.arguments;
    if (isIdentifierNamed(callback, name)) {
      found.push({ statement: path.parent, delay, args: rest, argsAtStart: true });
      return;
    }
    const args = retryArguments(j, callback, name);
    if (args && rest.length === 0) found.push({ statement: path.parent, delay, args, argsAtStart: false });
  });
  return found.length === 1 ? found[0] : undefined;
}

function skip(ruleId: string, messageId: string, name: string, node: AnyNode): RetryResult {
  return { kind: 'skip', finding: { ruleId, messageId, data: { name }, node } };
}

/** Is the call inside a try statement of its own function (a caller that could catch a throw)? */
function isInsideTry(path: ASTPath<AnyNode>): boolean {
  for (let current = path.parent; current; current = current.parent) {
    if (isFunctionNode(current.value)) return false;
    if (current.value.type === 'TryStatement') return true;
  }
  return false;
}

/** Checks one function declaration; undefined when it is not a retry through a timer. */
export function planRetry(j: JSCodeshift, fnPath: ASTPath<AnyNode>, allow: string[]): RetryResult | undefined {
  const fn = fnPath.value;
  if (fn.type !== 'FunctionDeclaration' || !fn.id || fn.async || fn.generator) return undefined;
  const name: string = fn.id.name;
  const retry = findRetryCall(j, fnPath, name);
  if (!retry) return undefined;
  const node = retry.statement.value;

  if (!fn.params.every((param: AnyNode) => param.type === 'Identifier' && !param.typeAnnotation)) {
    return skip('timing/timer-shape-unsupported', 'retryParameters', name, fn);
  }
  if (usesOwnThisOrArguments(fn)) return skip('timing/timer-callback-uses-this', 'retryUsesThis', name, fn);
  if (!endsCallback(retry.statement, fn.body)) return skip('timing/timer-shape-unsupported', 'retryCodeAfterTimer', name, node);
  const body: AnyNode[] = fn.body.body;
  if (varNames(body).length > 0 || body.some((statement) => findAll(statement, (inner) => inner.type === 'FunctionDeclaration', { skipFunctions: true }).length > 0)) {
    return skip('timing/timer-shape-unsupported', 'retryDeclaresNames', name, fn);
  }
  const params = new Set(fn.params.map((param: AnyNode) => param.name));
  const timerCallback = retry.statement.value.expression.arguments[0];
  const captured = findAll(fn.body, (inner) => isFunctionNode(inner) && inner !== timerCallback && findAll(inner, (id, parent) => id.type === 'Identifier' && params.has(id.name) && !(parent?.type === 'MemberExpression' && parent.property === id && !parent.computed)).length > 0);
  if (captured.length > 0) return skip('timing/timer-shape-unsupported', 'retryCapturesParameters', name, captured[0]);

  const references = referencePaths(j, name, fnPath).filter((path) => path.value !== fn.id);
  // The retry must be the function's only use of itself.
  if (references.filter((path) => isWithin(path, fn)).length !== 1) return undefined;
  const outside = references.filter((path) => !isWithin(path, fn));
  if (fnPath.parent?.value.type === 'ExportNamedDeclaration' || fnPath.parent?.value.type === 'ExportDefaultDeclaration') {
    return skip('timing/return-value-now-promise', 'retryExported', name, fn);
  }
  const unused = outside.every((path) => path.parent?.value.type === 'CallExpression' && path.parent.value.callee === path.value && path.parent.parent?.value.type === 'ExpressionStatement');
  if (!unused) return skip('timing/return-value-now-promise', 'retryValueUsed', name, fn);
  const caught = outside.find((path) => isInsideTry(path));
  if (caught) return skip('timing/throw-becomes-rejection', 'retryCalledInTry', name, caught.parent.value);
  const allowed: PlannedFinding[] = [];
  // Also in the local functions it calls: later attempts run them in the same promise job.
  let nextTick: AnyNode | undefined;
  walkWithCalledFunctions([fn.body], programOf(fnPath), (inner) => {
    if (!isMemberNamed(inner, 'process', 'nextTick')) return true;
    nextTick = inner;
    return 'stop';
  });
  if (nextTick) {
    if (!allow.includes('timing/next-tick-ordering')) return skip('timing/next-tick-ordering', 'nextTickInRetry', name, nextTick);
    for (const node of nextTickFlagNodes(programOf(fnPath), fn)) allowed.push({ ruleId: 'timing/next-tick-ordering', messageId: 'nextTickInRetryAllowed', data: { name }, node });
  }
  return { kind: 'rewrite', plan: { fnPath, timerStatement: retry.statement, delay: retry.delay, args: retry.args, argsAtStart: retry.argsAtStart, allowed } };
}

function isWithin(path: ASTPath<AnyNode>, node: AnyNode): boolean {
  for (let current = path.parent; current; current = current.parent) if (current.value === node) return true;
  return false;
}

/** The function declarations of the file, outermost first. */
export function findFunctionDeclarations(j: JSCodeshift, root: Collection): ASTPath<AnyNode>[] {
  return root.paths().flatMap((rootPath: ASTPath<AnyNode>) => findPaths(rootPath, (node) => node.type === 'FunctionDeclaration'));
}

/** `n = next` for one parameter, `[a, b] = [x, y]` for several. */
function reassign(j: JSCodeshift, params: AnyNode[], value: AnyNode, asArray: boolean): AnyNode {
  const target = asArray ? j.arrayPattern(params.map((param) => j.identifier(param.name))) : j.identifier(params[0].name);
  return j.expressionStatement(j.assignmentExpression('=', target, value));
}

export interface RetryRewriteContext {
  j: JSCodeshift;
  runtime: Runtime;
  bindings: TimerBindings;
}

/** Turns the function into `async function f(…) { while (true) { … } }`. */
export function applyRetry(plan: RetryPlan, context: RetryRewriteContext): void {
  const { j, bindings, runtime } = context;
  const fn = plan.fnPath.value;
  const params: AnyNode[] = fn.params;
  const asArray = params.length !== 1;
  const ms = plan.delay ?? j.numericLiteral(0);
  const delay = runtime.api === 'timers-promises' ? numericDelay(j, ms, plan.timerStatement) : ms;
  const values = asArray ? j.arrayExpression(plan.args) : plan.args[0] ?? j.identifier('undefined');
  const replacement: AnyNode[] = [];
  if (params.length === 0) {
    replacement.push(j.expressionStatement(j.awaitExpression(j.callExpression(bindings.callee('setTimeout', false), [delay]))));
  } else if (plan.argsAtStart) {
    // The timer evaluated the next attempt's arguments when it started: pass them through it.
    replacement.push(reassign(j, params, j.awaitExpression(j.callExpression(bindings.callee('setTimeout', true), [delay, values])), asArray));
  } else {
    replacement.push(j.expressionStatement(j.awaitExpression(j.callExpression(bindings.callee('setTimeout', false), [delay]))));
    replacement.push(reassign(j, params, values, asArray));
  }

  const body: AnyNode[] = fn.body.body;
  const atEnd = body[body.length - 1] === plan.timerStatement.value;
  const container = plan.timerStatement.parentPath.value;
  if (!atEnd) replacement.push(j.continueStatement());
  if (Array.isArray(container)) container.splice(container.indexOf(plan.timerStatement.value), 1, ...replacement);
  else plan.timerStatement.replace(j.blockStatement(replacement));
  const loopBody = [...body, ...(atEnd ? [] : [j.returnStatement(null)])];
  fn.body.body = [j.whileStatement(j.booleanLiteral(true), j.blockStatement(loopBody))];
  fn.async = true;
}
