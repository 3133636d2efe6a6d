import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { optionalCatchBinding, patternNames, some, uniqueName, type AnyNode } from '../shared/ast';
import { applyPlacement, type Placement, type PlacementContext } from '../shared/async-placement';
import { numericDelay } from './delay-argument';
import { flattenFlow, joinedFlow } from './flatten';
import { editIntervalBody } from './interval-body';
import { needsArrayPattern, type IntervalPlan, type TimeoutPlan } from './plan';
import type { Runtime } from './runtime';
import type { PromiseTimer, TimerBindings } from './timer-bindings';

export interface RewriteContext extends PlacementContext {
  runtime: Runtime;
  bindings: TimerBindings;
}

/** What the await resolves with: the extra timer arguments, as the callback received them. */
function passedValue(j: JSCodeshift, params: AnyNode[], extraArgs: AnyNode[]): AnyNode | undefined {
  if (extraArgs.length === 0) return undefined;
  // Nothing reads them: literals can go, anything else still runs when the timer starts.
  if (params.length === 0 && extraArgs.every((argument) => /Literal$/.test(argument.type))) return undefined;
  const single = extraArgs.length === 1 && extraArgs[0].type !== 'SpreadElement';
  return needsArrayPattern(params, extraArgs) || !single ? j.arrayExpression(extraArgs) : extraArgs[0];
}

/** The delay of a wait, and the path to look its names up from (none: a number already). */
interface Delay {
  node: AnyNode | undefined;
  path?: ASTPath<AnyNode>;
}

/** The call that starts the wait: `setTimeout(ms[, value][, options])` or a helper's call. */
function startCall(j: JSCodeshift, timer: PromiseTimer, delay: Delay, value: AnyNode | undefined, options: string[], context: RewriteContext): AnyNode {
  const args: AnyNode[] = [];
  if (timer === 'setTimeout') {
    const ms = delay.node ?? j.numericLiteral(0);
    args.push(context.runtime.api === 'timers-promises' && delay.path ? numericDelay(j, ms, delay.path) : ms);
  }
  if (value || options.length > 0) args.push(value ?? j.identifier('undefined'));
  // Parsed from text: recast prints objects it builds itself one property a line.
  if (options.length > 0) args.push(j.template.expression([`f({ ${options.join(', ')} })`]).arguments[0]);
  return j.callExpression(context.bindings.callee(timer, !!value), args);
}

/** Are any of the names assigned anywhere below the statements? */
function isAssigned(statements: AnyNode[], names: string[]): boolean {
  return statements.some((statement) =>
    some(statement, (node) => {
      const target = node.type === 'AssignmentExpression' ? node.left : node.type === 'UpdateExpression' ? node.argument : undefined;
      return !!target && patternNames(target).some((name) => names.includes(name));
    }),
  );
}

/** Statements that await the promise and bind the callback's parameters. */
function awaitStatements(j: JSCodeshift, params: AnyNode[], extraArgs: AnyNode[], body: AnyNode[], promise: AnyNode): AnyNode[] {
  const awaited = j.awaitExpression(promise);
  if (params.length === 0) return [j.expressionStatement(awaited)];
  const kind = isAssigned(body, params.flatMap((param) => patternNames(param))) ? 'let' : 'const';
  const target = needsArrayPattern(params, extraArgs) ? j.arrayPattern(params) : params[0];
  return [j.variableDeclaration(kind, [j.variableDeclarator(target, awaited)])];
}

/**
 * Removes a statement from its list: through its path while the path is current (so that
 * the paths of later siblings stay right), else by identity.
 */
function removeStatement(path: ASTPath<AnyNode>): void {
  const list = path.parentPath?.value;
  if (!Array.isArray(list)) return;
  if (list[path.name as number] === path.value) {
    path.prune();
    return;
  }
  const index = list.indexOf(path.value);
  if (index !== -1) list.splice(index, 1);
}

/** The path of what the continuation joined: the new IIFE statement, or the flow's block. */
function regionOf(placement: Placement): ASTPath<AnyNode> {
  if (placement.kind === 'arrow-body') throw new Error('timers-to-async never places a timer as an arrow body');
  return placement.kind === 'inline' ? placement.statementPath.parent : placement.statementPath;
}

/**
 * Removes what the rewrite left unused and joins the flow; gives the path of the code that
 * moved, whose timers may now convert differently.
 */
function cleanUp(plan: TimeoutPlan | IntervalPlan, context: RewriteContext): ASTPath<AnyNode> {
  for (const path of plan.uses?.unrefs ?? []) removeStatement(path);
  if (plan.callback.named) removeStatement(plan.callback.named.statementPath);
  const list = joinedFlow(plan.placement, context.ownAsyncFunctions);
  if (list) flattenFlow(context.j, list, context.ownAsyncFunctions, context.takenNames);
  return regionOf(plan.placement);
}

/**
 * setTimeout/setImmediate: the callback body runs after `await setTimeout(ms)`. Returns the
 * path of the code that moved.
 */
export function applyTimeout(plan: TimeoutPlan, context: RewriteContext): ASTPath<AnyNode> {
  const j = context.j;
  const { timer, callback } = plan;
  const params: AnyNode[] = callback.fn.params;
  const promiseTimer: PromiseTimer = timer.name === 'setImmediate' ? 'setImmediate' : 'setTimeout';
  const value = passedValue(j, params, timer.extraArgs);
  const options = plan.unref ? ['ref: false'] : [];
  applyPlacement(plan.placement, {
    start: startCall(j, promiseTimer, { node: timer.delay, path: timer.path }, value, options, context),
    awaitStatements: (promise) => awaitStatements(j, params, timer.extraArgs, callback.body, promise),
    continuation: callback.body,
    promiseName: promiseTimer === 'setImmediate' ? 'immediate' : 'timer',
  }, context);
  return cleanUp(plan, context);
}

/** Is the delay the same value each time it is read (a number, or a const)? */
function isStable(delay: AnyNode | undefined, path: ASTPath<AnyNode>): boolean {
  if (!delay || delay.type === 'NumericLiteral' || (delay.type === 'Literal' && typeof delay.value === 'number')) return true;
  if (delay.type !== 'Identifier') return false;
  const bindings: ASTPath<AnyNode>[] = path.scope?.lookup(delay.name)?.getBindings()[delay.name] ?? [];
  return bindings.length === 1 && bindings[0]!.parent?.parent?.value.kind === 'const';
}

/** setInterval stopped by clearInterval: a loop that waits one interval before each tick. */
export function applyInterval(plan: IntervalPlan, context: RewriteContext): ASTPath<AnyNode> {
  const j = context.j;
  const { timer, callback, holder, mode } = plan;
  const handle = holder.kind === 'declaration' ? holder.name : '';
  const prelude: AnyNode[] = [];

  // setInterval read its delay once; a loop reads it before every wait.
  let delay: Delay = { node: timer.delay, path: timer.path };
  if (!isStable(timer.delay, timer.path)) {
    const name = uniqueName('intervalMs', context.takenNames);
    const value = context.runtime.api === 'timers-promises' ? numericDelay(j, timer.delay, timer.path) : timer.delay;
    prelude.push(j.variableDeclaration('const', [j.variableDeclarator(j.identifier(name), value)]));
    delay = { node: j.identifier(name) };
  }
  const flag = mode === 'flag' ? uniqueName('stopped', context.takenNames) : undefined;
  if (flag) prelude.push(j.variableDeclaration('let', [j.variableDeclarator(j.identifier(flag), j.booleanLiteral(false))]));

  editIntervalBody(j, callback.fnPath, plan.ownClears, { mode, name: flag });
  if (mode === 'signal') {
    for (const clear of plan.uses?.clears ?? []) clear.replace(j.callExpression(j.memberExpression(j.identifier(handle), j.identifier('abort')), []));
  }

  const options: string[] = [];
  if (mode === 'signal') options.push(`signal: ${handle}.signal`);
  if (plan.unref) options.push('ref: false');
  const wait = j.expressionStatement(j.awaitExpression(startCall(j, 'setTimeout', delay, undefined, options, context)));
  // An aborted wait rejects: that is the clearInterval, so the loop ends there.
  const first = mode === 'signal' ? j.tryStatement(j.blockStatement([wait]), j.catchClause(optionalCatchBinding(), null, j.blockStatement([j.breakStatement()]))) : wait;
  const loopBody = j.blockStatement([first, ...callback.body]);
  const loop = j.whileStatement(flag ? j.unaryExpression('!', j.identifier(flag)) : j.booleanLiteral(true), loopBody);

  if (mode === 'signal') {
    const controller = j.variableDeclaration(holder.statementPath.value.kind, [
      j.variableDeclarator(j.identifier(handle), j.newExpression(j.identifier('AbortController'), [])),
    ]);
    if (plan.placement.kind === 'iife') plan.placement.statementPath.insertBefore(controller);
    else prelude.unshift(controller);
  }
  applyPlacement(plan.placement, { start: null, awaitStatements: () => [], continuation: [...prelude, loop], promiseName: 'interval' }, context);
  return cleanUp(plan, context);
}
