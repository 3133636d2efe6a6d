import type { Transform, TransformContext } from '../transform';
import { collectIdentifierNames, findAll, walk, type AnyNode } from '../shared/ast';
import { usesSemicolons } from '../shared/async-placement';
import { detectModuleStyle } from '../shared/module-bindings';
import { findDelayHelpers, findPromiseDelays } from './delay-helpers';
import { findTimerCalls } from './detect';
import { planTimer, type Plan, type PlanContext, type PlannedFinding } from './plan';
import { replaceDelays } from './replace-delays';
import { applyInterval, applyTimeout, type RewriteContext } from './rewrite';
import { applyRetry, findFunctionDeclarations, planRetry, type RetryPlan } from './retry';
import { detectRuntime, timersPromisesSince, type Runtime } from './runtime';
import { TimerBindings } from './timer-bindings';

const id = 'timers-to-async';

/** Does an `awaitify-ignore-next-line` comment (naming no rule) ask to leave this spot alone? */
function isSkipped(ctx: TransformContext, node: AnyNode): boolean {
  const line = node.loc?.start.line;
  return line !== undefined && !!ctx.options.skipLines?.has(line);
}

function reportIgnored(ctx: TransformContext, node: AnyNode): void {
  ctx.report({ ruleId: 'timing/ignored-by-comment', messageId: 'timerIgnored', node, applied: false });
}

function reportFinding(ctx: TransformContext, finding: PlannedFinding, applied: boolean): void {
  ctx.report({ ruleId: finding.ruleId, messageId: finding.messageId, data: finding.data, node: finding.node, applied });
}

/** Throw statements that ran in a timer callback (uncaught exceptions) and now reject. */
function reportThrows(ctx: TransformContext, statements: AnyNode[]): void {
  for (const statement of statements) {
    for (const thrown of findAll(statement, (node) => node.type === 'ThrowStatement', { skipFunctions: true })) {
      ctx.report({
        ruleId: 'timing/throw-becomes-rejection',
        messageId: 'throwInTimer',
        node: thrown,
        applied: true,
      });
    }
  }
}

function reportApplied(ctx: TransformContext, plan: Extract<Plan, { kind: 'timeout' | 'interval' }>): void {
  const { timer } = plan;
  if (plan.kind === 'timeout') {
    ctx.report({
      ruleId: 'timing/callback-moved-to-microtask',
      messageId: 'timerCallback',
      data: { timer: timer.name, what: timer.name === 'setImmediate' ? 'immediate' : 'timer' },
      node: timer.call,
      applied: true,
    });
  } else {
    ctx.report({
      ruleId: 'timing/interval-to-loop',
      messageId: 'intervalLoop',
      node: timer.call,
      applied: true,
    });
  }
  for (const allowed of plan.allowed) reportFinding(ctx, allowed, true);
  reportThrows(ctx, plan.callback.body);
}

/** Retry recursion through a timer becomes a loop; one function at a time, since paths move. */
function convertRetries(ctx: TransformContext, runtime: Runtime, bindings: TimerBindings): boolean {
  const { j, root } = ctx;
  const visited = new WeakSet<AnyNode>();
  let changed = false;
  for (;;) {
    const next = findFunctionDeclarations(j, root).filter((path) => !visited.has(path.value));
    let rewrote = false;
    for (const fnPath of next) {
      visited.add(fnPath.value);
      const result = planRetry(j, fnPath, ctx.options.allow);
      if (!result) continue;
      if (result.kind === 'rewrite' && isSkipped(ctx, fnPath.value)) {
        reportIgnored(ctx, fnPath.value);
        continue;
      }
      if (result.kind === 'skip') {
        reportFinding(ctx, result.finding, false);
        continue;
      }
      reportRetry(ctx, result.plan);
      applyRetry(result.plan, { j, runtime, bindings });
      changed = rewrote = true;
      break;
    }
    if (!rewrote) return changed;
  }
}

function reportRetry(ctx: TransformContext, plan: RetryPlan): void {
  const fn = plan.fnPath.value;
  const name = fn.id.name;
  ctx.report({
    ruleId: 'timing/callback-moved-to-microtask',
    messageId: 'retryLoop',
    data: { name },
    node: plan.timerStatement.value,
    applied: true,
  });
  ctx.report({ ruleId: 'timing/return-value-now-promise', messageId: 'retryNowAsync', data: { name }, node: fn, applied: true });
  ctx.report({
    ruleId: 'timing/throw-becomes-rejection',
    messageId: 'throwInFirstAttempt',
    data: { name },
    node: fn,
    applied: true,
  });
  for (const allowed of plan.allowed) reportFinding(ctx, allowed, true);
}

/** Is `node` inside (or equal to) `container`? */
function contains(container: AnyNode, node: AnyNode): boolean {
  let found = false;
  walk(container, (current) => {
    if (found) return false;
    found = current === node;
    return !found;
  });
  return found;
}

function run(ctx: TransformContext): boolean {
  const { j, root } = ctx;
  const program: AnyNode = root.get().value.program;
  const runtime = detectRuntime(program, ctx.options.target, ctx.options.minNodeMajor);
  const takenNames = collectIdentifierNames(program);
  const delays = findPromiseDelays(j, root);
  const helpers = findDelayHelpers(j, root, delays);
  const reusable = helpers.find((helper) => helper.statementPath.value.type === 'FunctionDeclaration');
  const bindings = new TimerBindings(j, program, detectModuleStyle(program, ctx.path), takenNames, runtime, reusable && { name: reusable.name, passesValue: reusable.passesValue });

  let changed = false;
  if (runtime.api === 'timers-promises') {
    for (const replaced of replaceDelays(j, delays, helpers, bindings, (node) => isSkipped(ctx, node))) {
      ctx.report({ ruleId: 'timing/delay-helper-replaced', messageId: replaced.messageId, data: replaced.data, node: replaced.node, applied: true });
      changed = true;
    }
  }

  changed = convertRetries(ctx, runtime, bindings) || changed;

  const rewriteContext: RewriteContext = {
    j,
    takenNames,
    ownAsyncFunctions: ctx.ownAsyncFunctions,
    usesSemicolons: usesSemicolons(ctx.source),
    runtime,
    bindings,
  };
  const delayTimerCalls = new Set(findPromiseDelays(j, root).map((delay) => delay.timerCall));
  const isOwnCall = (call: AnyNode) => bindings.isMadeHere(call.callee);
  const planContext: PlanContext = {
    j,
    runtime,
    ownAsyncFunctions: ctx.ownAsyncFunctions,
    allow: ctx.options.allow,
    typescript: /\.(ts|tsx|mts|cts)$/.test(ctx.path),
    delayTimerCalls,
    isOwnCall,
  };
  const planned = new WeakSet<AnyNode>();
  const refused = new WeakSet<AnyNode>();
  // Outermost first. A rewrite moves code into a flow: the timers there are found again (their
  // paths moved, and their plans may change); the paths of all others stay current.
  let queue = findTimerCalls(root.get('program'), isOwnCall);
  for (let index = 0; index < queue.length; index++) {
    const timer = queue[index]!;
    if (planned.has(timer.call)) continue;
    planned.add(timer.call);
    const plan = planTimer(timer, planContext);
    if (plan.kind === 'ignore') continue;
    if (plan.kind === 'skip') {
      // An inner timer's refusal can come up twice: for its chain, and for itself.
      if (!refused.has(plan.finding.node)) reportFinding(ctx, plan.finding, false);
      refused.add(plan.finding.node);
      continue;
    }
    if (isSkipped(ctx, timer.call)) {
      reportIgnored(ctx, timer.call);
      continue;
    }
    reportApplied(ctx, plan);
    const region = plan.kind === 'timeout' ? applyTimeout(plan, rewriteContext) : applyInterval(plan, rewriteContext);
    changed = true;
    // Found from fresh paths: the paths under a rewritten region keep scopes read before the
    // move, so a handle's clearInterval could go unseen until a second run (found by the fuzzer).
    const moved = findTimerCalls(j(root.get().value).paths()[0]!, isOwnCall).filter((inner) => contains(region.value, inner.call));
    const movedCalls = new Set(moved.map((inner) => inner.call));
    for (const call of movedCalls) planned.delete(call);
    queue = [...moved, ...queue.slice(index + 1).filter((other) => !movedCalls.has(other.call))];
    index = -1;
  }

  if (changed) {
    bindings.flush();
    if (runtime.api === 'timers-promises') ctx.requireNode(timersPromisesSince, 'setTimeout and setImmediate from timers/promises');
  }
  return changed;
}

export const timersToAsync: Transform = {
  meta: {
    id,
    description: 'Nested setTimeout/setImmediate chains, cleared setInterval polls and retry recursion to awaits of timers/promises, macrotask boundaries kept',
  },
  run,
};
