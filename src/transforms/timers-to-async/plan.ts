import type { MessageData, MessageRef } from '../../types';
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { nextTickFlagNodes, programOf, walkWithCalledFunctions } from '../shared/reached-functions';
import {
  collectIdentifierNames,
  declaredNames,
  isFunctionNode,
  isMemberNamed,
  patternNames,
  some,
  varNames,
  walk,
  type AnyNode,
} from '../shared/ast';
import { iifePlacement, placementFor, type Placement } from '../shared/async-placement';
import {
  enclosingFunction,
  findCallback,
  findHandleUses,
  findHolder,
  findTimerCalls,
  isInsideLoop,
  isTimerCallNode,
  usesOwnThisOrArguments,
  type HandleUses,
  type Holder,
  type TimerCall,
  type TimerCallback,
} from './detect';
import { readIntervalBody, type StopMode } from './interval-body';
import type { Runtime } from './runtime';

/** A finding a plan asks for; index.ts reports it. */
export interface PlannedFinding extends MessageRef {
  ruleId: string;
  node: AnyNode;
}

export interface PlanContext {
  j: JSCodeshift;
  runtime: Runtime;
  ownAsyncFunctions: WeakSet<AnyNode>;
  /** Rule ids the user allows to convert anyway. */
  allow: string[];
  typescript: boolean;
  /** setTimeout calls inside recognised promise delays: delays, not callback timers. */
  delayTimerCalls: ReadonlySet<AnyNode>;
  /** Calls that only look like timer calls: awaitify's own promise timers, not yet named. */
  isOwnCall(call: AnyNode): boolean;
}

type StatementHolder = Extract<Holder, { kind: 'statement' | 'declaration' }>;

interface Checked {
  timer: TimerCall;
  holder: StatementHolder;
  callback: TimerCallback;
  /** The timer was unref'd: the wait must not keep the process alive either. */
  unref: boolean;
  uses?: HandleUses;
  /** Refusals the user lifted with --allow: converted anyway, still reported. */
  allowed: PlannedFinding[];
}

/** setTimeout or setImmediate whose callback becomes the code after an await. */
export interface TimeoutPlan extends Checked {
  kind: 'timeout';
  placement: Placement;
}

/** setInterval with clearInterval that becomes a loop of awaits. */
export interface IntervalPlan extends Checked {
  kind: 'interval';
  placement: Placement;
  mode: StopMode;
  /** Clears inside the callback body itself. */
  ownClears: ASTPath<AnyNode>[];
}

export type Plan = TimeoutPlan | IntervalPlan | { kind: 'skip'; finding: PlannedFinding } | { kind: 'ignore' };

type CheckResult = { kind: 'ok'; checked: Checked } | { kind: 'skip'; finding: PlannedFinding } | { kind: 'ignore' };

function skip(ruleId: string, messageId: string, data: MessageData | undefined, node: AnyNode): { kind: 'skip'; finding: PlannedFinding } {
  return { kind: 'skip', finding: { ruleId, messageId, data, node } };
}

function isInFlow(timer: TimerCall, own: WeakSet<AnyNode>): boolean {
  const fn = enclosingFunction(timer.path);
  return !!fn && own.has(fn);
}

/** The holder's statement, for a timer whose body is about to become a statement. */
function statementOf(holder: Holder): ASTPath<AnyNode> | undefined {
  return holder.kind === 'statement' || holder.kind === 'declaration' ? holder.statementPath : undefined;
}

/** A `process.nextTick` anywhere in code that moves into a promise job. */
function findNextTick(statements: AnyNode[], program: AnyNode | undefined): AnyNode | undefined {
  let found: AnyNode | undefined;
  // Also in the local functions the moved code calls: they run in the same promise job.
  walkWithCalledFunctions(statements, program, (node) => {
    if (!isMemberNamed(node, 'process', 'nextTick')) return true;
    found = node;
    return 'stop';
  });
  return found;
}

/** Names the callback body declares, and its parameters: they move to a new scope. */
export function introducedNames(callback: TimerCallback): string[] {
  return [...callback.fn.params.flatMap((param: AnyNode) => patternNames(param)), ...declaredNames(callback.body), ...varNames(callback.body)];
}

/** Names declared between the timer call and the declaration of its named callback. */
function namesDeclaredBetween(timer: TimerCall, scopeNode: AnyNode): Set<string> {
  const names = new Set<string>();
  for (let current = timer.path.parent; current && current.value !== scopeNode; current = current.parent) {
    const node = current.value;
    if (isFunctionNode(node)) {
      for (const param of node.params) for (const name of patternNames(param)) names.add(name);
      if (node.body.type === 'BlockStatement') for (const name of varNames(node.body.body)) names.add(name);
    }
    if (node.type === 'BlockStatement') for (const name of declaredNames(node.body)) names.add(name);
    if (node.type === 'CatchClause' && node.param) for (const name of patternNames(node.param)) names.add(name);
    if ((node.type === 'ForStatement' || node.type === 'ForInStatement' || node.type === 'ForOfStatement')) {
      const init = node.init ?? node.left;
      if (init?.type === 'VariableDeclaration') for (const name of declaredNames([init])) names.add(name);
    }
  }
  return names;
}

/** Checks on the callback that every kind of timer shares. */
function checkCallback(timer: TimerCall, callback: TimerCallback | undefined): PlannedFinding | undefined {
  const call = timer.call;
  if (!callback) {
    return { ruleId: 'timing/callback-not-inline', messageId: 'timerCallbackNotInline', data: { timer: timer.name }, node: call };
  }
  if (callback.named && callback.named.otherReferences > 0) {
    return { ruleId: 'timing/timer-callback-reused', messageId: 'callbackUsedElsewhere', data: { name: callback.named.name }, node: timer.fnArg };
  }
  if (callback.named) {
    const taken = namesDeclaredBetween(timer, callback.named.scopeNode);
    const clash = [...collectIdentifierNames(callback.fn.body)].find((name) => taken.has(name));
    if (clash) return { ruleId: 'timing/name-conflict', messageId: 'timerBodyNameMeansOther', data: { callback: callback.named.name, name: clash, timer: timer.name }, node: timer.fnArg };
  }
  if (usesOwnThisOrArguments(callback.fn)) {
    return { ruleId: 'timing/timer-callback-uses-this', messageId: 'timerCallbackUsesThis', data: { timer: timer.name }, node: callback.fn };
  }
  if (callback.fn.generator) return { ruleId: 'timing/timer-shape-unsupported', messageId: 'generatorTimerCallback', node: callback.fn };
  return undefined;
}

/** The handle checks: the Timeout must not be cleared, passed on, or used as a value. */
function checkHolder(timer: TimerCall, holder: Holder, context: PlanContext): { holder: StatementHolder; uses?: HandleUses } | PlannedFinding {
  if (holder.kind !== 'statement' && holder.kind !== 'declaration') {
    return { ruleId: 'timing/value-used-after-call', messageId: 'timeoutUsed', data: { timer: timer.name }, node: timer.call };
  }
  if (holder.kind === 'statement') return { holder };
  const uses = findHandleUses(context.j, holder);
  if (uses.others.length > 0) {
    return { ruleId: 'timing/value-used-after-call', messageId: 'handleUsed', data: { name: holder.name }, node: uses.others[0]!.value };
  }
  return { holder, uses };
}

function checkRuntime(timer: TimerCall, unref: boolean, needsSignal: boolean, context: PlanContext): PlannedFinding | undefined {
  const { runtime } = context;
  if (timer.name === 'setImmediate' && !runtime.node) {
    // The promise forms a browser has (Promise.resolve, queueMicrotask) are microtasks, not a
    // check-phase macrotask: that substitution is what timer-to-microtask names, and refuses.
    return { ruleId: 'timing/timer-to-microtask', messageId: 'immediateOutsideNode', node: timer.call };
  }
  if ((unref || needsSignal) && runtime.api !== 'timers-promises') {
    const what = unref ? '`{ ref: false }` (for .unref())' : 'an AbortSignal (the interval is cleared from elsewhere)';
    return runtime.node
      ? { ruleId: 'timing/unsupported-node-version', messageId: 'timersPromisesTooNew', data: { what }, node: timer.call }
      : { ruleId: 'timing/api-not-promisable', messageId: 'browserHelperLacks', data: { what }, node: timer.call };
  }
  return undefined;
}

/** A nextTick in the moved body is refused unless the user allows it (then reported). */
function checkNextTick(timer: TimerCall, body: AnyNode[], context: PlanContext, allowed: PlannedFinding[]): PlannedFinding | undefined {
  const nextTick = findNextTick(body, programOf(timer.path));
  if (!nextTick) return undefined;
  if (!context.allow.includes('timing/next-tick-ordering')) {
    return { ruleId: 'timing/next-tick-ordering', messageId: 'nextTickInTimer', node: nextTick };
  }
  // Flagged over the whole timer call (and a called function that holds the nextTick): any tick or promise job there may change places.
  for (const node of nextTickFlagNodes(programOf(timer.path), timer.call)) allowed.push({ ruleId: 'timing/next-tick-ordering', messageId: 'nextTickInTimerAllowed', node });
  return undefined;
}

/** The arguments evaluated when the timer starts may not name what the moved body declares. */
function checkStartNames(timer: TimerCall, callback: TimerCallback): PlannedFinding | undefined {
  if (timer.delay?.type === 'SpreadElement') {
    return { ruleId: 'timing/timer-shape-unsupported', messageId: 'delaySpread', data: { timer: timer.name }, node: timer.delay };
  }
  const introduced = new Set(introducedNames(callback));
  for (const argument of [timer.delay, ...timer.extraArgs]) {
    if (!argument) continue;
    const clash = [...collectIdentifierNames(argument)].find((name) => introduced.has(name));
    if (clash) return { ruleId: 'timing/name-conflict', messageId: 'timerArgumentShadowed', data: { name: clash, timer: timer.name }, node: argument };
  }
  return undefined;
}

/** Every check of a setTimeout or setImmediate; `inFlow` says whether it runs inside an async flow. */
function checkTimeout(timer: TimerCall, context: PlanContext, inFlow: boolean): CheckResult {
  if (context.delayTimerCalls.has(timer.call)) return { kind: 'ignore' };
  let holder = findHolder(timer);
  if (holder.kind === 'arrow-body') {
    // Not a statement yet: it becomes one when the outer timer's body moves.
    if (!inFlow) return { kind: 'ignore' };
    holder = { kind: 'statement', statementPath: timer.path, unref: false };
  }
  const callback = findCallback(context.j, timer);
  const chain = callback ? readChain(callback, context) : ({ kind: 'none' } as const);
  const flow = inFlow || joinsFlow(timer, holder, context);
  if (!flow && chain.kind === 'none') return { kind: 'ignore' };
  const refusal = checkCallback(timer, callback);
  if (refusal) return { kind: 'skip', finding: refusal };
  const held = checkHolder(timer, holder, context);
  if ('ruleId' in held) return { kind: 'skip', finding: held };
  if (held.holder.kind === 'declaration' && held.uses && held.uses.clears.length > 0) {
    return skip('timing/timer-handle-cleared', 'handleCleared', { name: held.holder.name }, held.uses.clears[0]!.value);
  }
  const statementPath = statementOf(held.holder)!;
  if (isInsideLoop(statementPath)) {
    return skip('timing/overlapping-timers', 'timerInLoop', { timer: timer.name }, timer.call);
  }
  const unref = held.holder.unref || (held.uses?.unrefs.length ?? 0) > 0;
  const allowed: PlannedFinding[] = [];
  const later = checkRuntime(timer, unref, false, context) ?? checkNextTick(timer, callback!.body, context, allowed) ?? checkStartNames(timer, callback!) ?? checkParamTypes(callback!, timer, context);
  if (later) return { kind: 'skip', finding: later };
  // Outside a flow, a timer converts only to flatten a chain; say why the chain cannot.
  if (!flow && chain.kind === 'refused') return { kind: 'skip', finding: chain.finding };
  return { kind: 'ok', checked: { timer, holder: held.holder, callback: callback!, unref, uses: held.uses, allowed } };
}

/**
 * A single timer (not a chain) in one of awaitify's flows converts only where it flattens the
 * flow: at the flow's top level with straight-line code after it, and no timer later in the
 * flow (which would then have to wait for this one's continuation).
 */
function joinsFlow(timer: TimerCall, holder: Holder, context: PlanContext): boolean {
  const statementPath = statementOf(holder);
  if (!statementPath || !isInFlow(timer, context.ownAsyncFunctions)) return false;
  const placement = placementFor(statementPath, context.ownAsyncFunctions);
  if (placement.kind !== 'inline') return false;
  const isTimer = (node: AnyNode) => isTimerCallNode(node) && !context.isOwnCall(node);
  return !placement.list.slice(placement.index + 1).some((statement) => some(statement, isTimer));
}

/** Typed parameters cannot stand in the array pattern that several timer arguments need. */
function checkParamTypes(callback: TimerCallback, timer: TimerCall, context: PlanContext): PlannedFinding | undefined {
  if (!context.typescript || !needsArrayPattern(callback.fn.params, timer.extraArgs)) return undefined;
  if (!callback.fn.params.some((param: AnyNode) => param.typeAnnotation)) return undefined;
  return { ruleId: 'timing/timer-shape-unsupported', messageId: 'typedParameters', node: callback.fn };
}

/** `const x = await …` fits one plain parameter and at most one argument; else `const [a, b] = …`. */
export function needsArrayPattern(params: AnyNode[], extraArgs: AnyNode[]): boolean {
  if (params.length === 0) return false;
  const single = extraArgs.length === 0 || (extraArgs.length === 1 && extraArgs[0].type !== 'SpreadElement');
  return !(params.length === 1 && params[0].type === 'Identifier' && single);
}

/** Every check of a setInterval; only intervals that some clearInterval stops are of interest. */
function checkInterval(timer: TimerCall, context: PlanContext): CheckResult & { ownClears?: ASTPath<AnyNode>[]; mode?: StopMode } {
  const holder = findHolder(timer);
  if (holder.kind !== 'declaration') return { kind: 'ignore' };
  const uses = findHandleUses(context.j, holder);
  if (uses.clears.length === 0) return { kind: 'ignore' };
  const callback = findCallback(context.j, timer);
  const refusal = checkCallback(timer, callback);
  if (refusal) return { kind: 'skip', finding: refusal };
  const held = checkHolder(timer, holder, context);
  if ('ruleId' in held) return { kind: 'skip', finding: held };
  if (isInsideLoop(holder.statementPath)) {
    return skip('timing/overlapping-timers', 'intervalInLoop', undefined, timer.call);
  }
  if (callback!.fn.async) return skip('timing/timer-shape-unsupported', 'asyncIntervalCallback', undefined, callback!.fn);
  if (timer.extraArgs.length > 0) return skip('timing/timer-shape-unsupported', 'intervalExtraArguments', undefined, timer.call);
  const ownClears = uses.clears.filter((clear) => enclosingFunction(clear) === callback!.fn);
  const clearedElsewhere = ownClears.length < uses.clears.length;
  if (clearedElsewhere && holder.statementPath.value.kind === 'var') {
    return skip('timing/timer-shape-unsupported', 'varClearedElsewhere', { name: holder.name }, timer.call);
  }
  const unref = holder.unref || uses.unrefs.length > 0;
  const allowed: PlannedFinding[] = [];
  const later = checkRuntime(timer, unref, clearedElsewhere, context) ?? checkNextTick(timer, callback!.body, context, allowed);
  if (later) return { kind: 'skip', finding: later };
  const body = readIntervalBody(context.j, callback!.fnPath, ownClears, clearedElsewhere);
  if (!body.ok) return skip('timing/timer-shape-unsupported', body.messageId, undefined, callback!.fn);
  return { kind: 'ok', checked: { timer, holder, callback: callback!, unref, uses, allowed }, ownClears, mode: body.mode };
}

type Chain = { kind: 'none' } | { kind: 'ok' } | { kind: 'refused'; finding: PlannedFinding };

/**
 * Is this callback part of a chain: do its own top-level statements start another timer (a
 * setTimeout or setImmediate, or a setInterval that some clearInterval stops)? `ok` when one
 * of them would convert once this one has; else `refused`, with the reason of the first.
 */
function readChain(callback: TimerCallback, context: PlanContext): Chain {
  const statements = new Set(callback.body);
  let refused: PlannedFinding | undefined;
  for (const inner of findTimerCalls(callback.fnPath, context.isOwnCall)) {
    // `() => setTimeout(…)`: the arrow's body is the inner call itself.
    const topLevel = inner.call === callback.fn.body || statements.has(statementOf(findHolder(inner))?.value);
    if (!topLevel) continue;
    const result = inner.name === 'setInterval' ? checkInterval(inner, context) : checkTimeout(inner, context, true);
    if (result.kind === 'ok') return { kind: 'ok' };
    if (result.kind === 'skip') refused ??= result.finding;
  }
  return refused ? { kind: 'refused', finding: refused } : { kind: 'none' };
}

/** Own-scope placement where the moved names would clash with the flow they join. */
function placementWithoutClash(checked: Checked, context: PlanContext): Placement {
  const placement = placementFor(checked.holder.statementPath, context.ownAsyncFunctions);
  if (placement.kind !== 'inline') return placement;
  const introduced = introducedNames(checked.callback);
  const named = checked.callback.named?.statementPath.value;
  const siblings = placement.list.filter((statement, index) => index !== placement.index && statement !== named);
  const taken = new Set<string>();
  for (const statement of siblings) for (const name of collectIdentifierNames(statement)) taken.add(name);
  return introduced.some((name) => taken.has(name)) ? iifePlacement(placement) : placement;
}

/** An interval loop goes inline only as the last thing its flow does; else it runs beside it. */
function intervalPlacement(checked: Checked, context: PlanContext): Placement {
  const placement = placementWithoutClash(checked, context);
  if (placement.kind !== 'inline') return placement;
  const rest = placement.list.slice(placement.index + 1);
  return rest.every((statement) => statement.type === 'FunctionDeclaration') ? placement : iifePlacement(placement);
}

/** Decides, for one timer call, whether and how it converts. Reads the AST; changes nothing. */
export function planTimer(timer: TimerCall, context: PlanContext): Plan {
  if (timer.name === 'setInterval') {
    const result = checkInterval(timer, context);
    if (result.kind !== 'ok') return result;
    return { kind: 'interval', ...result.checked, placement: intervalPlacement(result.checked, context), mode: result.mode!, ownClears: result.ownClears! };
  }
  const result = checkTimeout(timer, context, false);
  if (result.kind !== 'ok') return result;
  return { kind: 'timeout', ...result.checked, placement: placementWithoutClash(result.checked, context) };
}
