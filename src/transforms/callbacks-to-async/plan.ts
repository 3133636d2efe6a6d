import type { ASTPath } from 'jscodeshift';
import { nextTickFlagNodes, programOf, walkWithCalledFunctions } from '../shared/reached-functions';
import {
  collectReferencedNames,
  declaredNames,
  isFunctionNode,
  patternNames,
  referencesName,
  isIdentifierNamed,
  some,
  varNames,
  walk,
  type AnyNode,
} from '../shared/ast';
import type { AsyncHost } from './async-hosts';
import { callerContinuations } from './caller-continuations';
import { iifePlacement, placementFor, siblingStatements, type Placement } from '../shared/async-placement';
import { enclosingParameterNames, readCallbackShape, type CallbackShape } from './callback-shape';
import { holdsCallbackSteps, type CallSite } from './detect';
import { reusableParameter } from './reused-binding';
import type { PromisableApi } from './node-api-table';
import type { PackageCalleeVerdict } from './package-callees';
import type { MessageData, MessageRef } from '../../types';

export interface RewritePlan {
  kind: 'rewrite';
  site: CallSite;
  api: PromisableApi;
  shape: CallbackShape;
  placement: Placement;
  /** The success values are reassigned in the body, so they need `let`. */
  reassigned: boolean;
  /** The one success value is set on the enclosing parameter it shadowed (reused-binding.ts). */
  reuse?: string;
  /** Refusals the user lifted with --allow: converted anyway, still reported. */
  allowed: Array<{ ruleId: string; messageId: string; data?: MessageData; node: AnyNode }>;
  /** The enclosing function that becomes async to hold the awaits, instead of an async IIFE. */
  host?: AsyncHost;
}

export interface SkipPlan extends MessageRef {
  kind: 'skip';
  site: CallSite;
  ruleId: string;
}

/** Nothing to say: the call has no callback (`fs.createReadStream(p)`). */
export interface IgnorePlan {
  kind: 'ignore';
  site: CallSite;
}

export type Plan = RewritePlan | SkipPlan | IgnorePlan;

export interface PlanContext {
  /** Async functions this transform created, whose bodies are safe to extend. */
  ownAsyncFunctions: WeakSet<AnyNode>;
  minNodeMajor?: number;
  /** Rule ids the user allows to convert anyway. */
  allow: string[];
  /**
   * For a call whose callee is named like a callback function of this file that it does not
   * resolve to as a converted API: why the call keeps its callback. Such a callee is no unknown
   * function: its protocol is known, and it is not proven (or this call cannot be tied to it).
   */
  ownCalleeLeft?: (call: AnyNode) => string | undefined;
  /** Does this call run its inline callback later (a Node callback API)? See callsBackLater. */
  callsBackLater?: (call: AnyNode) => boolean;
  /**
   * The callback parameter of an enclosing callback function of this file that stays
   * callback-style, when `callback` calls it: the call belongs to that API, converted as a
   * whole or not at all (an async IIFE inside it would be half a conversion).
   */
  callbackApiLeft?: (ancestors: AnyNode[], callback: AnyNode) => string | undefined;
  /** The function around a call statement that may become async to hold its awaits (async-hosts.ts). */
  asyncHost?: (statementPath: ASTPath<AnyNode>) => AsyncHost | undefined;
  /** A call of a package function of another file (cross-file mode): what its summary proves. */
  packageCallee?: (call: AnyNode) => PackageCalleeVerdict | undefined;
  /** A function of this file converted although it may call back synchronously (its callers are flagged). */
  maySyncCallBack?: (api: PromisableApi) => boolean;
  /** An unknown callee's call whose callback was the enclosing function's own, handed on (file-conversion.ts handOnApi): which, and how many values it is taken to pass. */
  handedOn?: (call: AnyNode) => { callback: string; values: number } | undefined;
}

/** `fs.readFile` for Node APIs, the name as written for the file's own and unknown functions. */
export function siteLabel(site: CallSite): string {
  return site.module === 'local' || site.module === 'unknown' || site.module === 'package' ? site.name : site.module === 'async' ? `async.${site.name}` : `${site.module}.${site.name}`;
}

function skip(site: CallSite, ruleId: string, messageId: string, data?: MessageData): SkipPlan {
  return { kind: 'skip', site, ruleId, messageId, data };
}

function ancestorsOf(path: ASTPath<AnyNode>): AnyNode[] {
  const nodes: AnyNode[] = [];
  for (let current = path.parent; current; current = current.parent) nodes.push(current.value);
  return nodes;
}

/** Names the moved body would declare in its new scope. */
function introducedNames(shape: CallbackShape, reuse?: string): string[] {
  return [
    ...(shape.errorStyle.kind === 'capture' ? [shape.errorStyle.errName] : []),
    ...shape.valueParams.flatMap((param) => patternNames(param)).filter((name) => name !== reuse),
    ...declaredNames(shape.success),
    ...varNames(shape.success),
  ];
}

function findNameConflict(shape: CallbackShape, site: CallSite, placement: Placement, reuse?: string): string | undefined {
  const names = introducedNames(shape, reuse);
  const args = site.call.arguments.slice(0, -1);
  const others = new Set<string>(args.flatMap((argument: AnyNode) => [...collectReferencedNames(argument)]));
  for (const statement of siblingStatements(placement)) for (const name of namesReadBeside(statement)) others.add(name);
  // Moved into a function's own body, a `let text` would clash with its parameter `text`.
  for (const name of ownerParams(placement)) others.add(name);
  return names.find((name) => others.has(name));
}

function ownerParams(placement: Placement): string[] {
  if (placement.kind !== 'inline') return [];
  const owner = placement.statementPath.parent?.parent?.value;
  return owner && isFunctionNode(owner) && owner.body === placement.statementPath.parent.value ? owner.params.flatMap(patternNames) : [];
}

/**
 * The names a sibling statement may share with the moved body: a function declaration's own
 * parameters are bindings of its own (`function write(text) {…}` beside a callback that gives
 * `text`), everything else as written.
 */
function namesReadBeside(statement: AnyNode): Set<string> {
  const names = collectReferencedNames(statement);
  if (statement.type === 'FunctionDeclaration') for (const param of statement.params) for (const name of patternNames(param)) names.delete(name);
  if (statement.type === 'FunctionDeclaration' && statement.id) names.add(statement.id.name);
  return names;
}

/**
 * Would a `var` of the moved body, hoisted to the function the continuation moves into, be seen
 * by anything else there? Not when its name appears nowhere in that function outside the
 * callback: one binding per run of the function, as there was one per run of the callback,
 * which the operation calls once.
 */
function varSeenOutside(shape: CallbackShape, site: CallSite, placement: Placement): boolean {
  const names = varNames(shape.success);
  if (names.length === 0) return false;
  if (placement.kind !== 'inline') return true;
  let owner: ASTPath<AnyNode> | null | undefined = placement.statementPath.parent;
  while (owner && !isFunctionNode(owner.value)) owner = owner.parent;
  if (!owner) return true;
  let seen = false;
  walk(owner.value, (node) => {
    if (seen || node === site.callback) return false;
    // Any identifier of that name, a property key too: where in doubt, the scope of its own.
    if (node.type === 'Identifier' && names.includes(node.name)) seen = true;
    return !seen;
  });
  return seen;
}

function isReassigned(shape: CallbackShape): boolean {
  const names = shape.valueParams.flatMap((param) => patternNames(param));
  return shape.success.some((statement) =>
    some(statement, (node) =>
      (node.type === 'AssignmentExpression' && names.some((name) => referencesName(node.left, name))) ||
      (node.type === 'UpdateExpression' && names.some((name) => referencesName(node.argument, name))),
    ),
  );
}

/** A `process.nextTick` anywhere in the code that moves into a promise job. */
function findNextTick(shape: CallbackShape, program: AnyNode | undefined, callsBackLater: (call: AnyNode) => boolean): AnyNode | undefined {
  const moved = shape.errorStyle.kind === 'catch' ? [...shape.errorStyle.handler, ...shape.success] : shape.success;
  let found: AnyNode | undefined;
  // Also in the local functions the moved code calls: they run in the same promise job.
  walkWithCalledFunctions(moved, program, (node, parent) => {
    if (isLaterCallback(node, parent, callsBackLater)) return false;
    if (!isProcessNextTick(node)) return true;
    found = node;
    return 'stop';
  });
  return found;
}

/** Timers and queues take the function first, whatever follows it (`setTimeout(f, 15)`). */
const firstArgumentDeferrers = new Set(['setTimeout', 'setImmediate', 'setInterval', 'nextTick', 'queueMicrotask']);
const lastArgumentDeferrers = new Set(['catch', 'finally', 'on', 'once']);

/**
 * A function that runs later, in its own job: one handed to a timer, a promise or an emitter,
 * or a Node callback API's callback. A nextTick there ticks in that job, not in this body (and
 * that callback's own conversion is checked on its own). Decided from what calls the function,
 * never from its parameters: `[1].forEach((e) => …)` runs at once, whatever `e` is called.
 */
function isLaterCallback(node: AnyNode, parent: AnyNode | null, callsBackLater: (call: AnyNode) => boolean): boolean {
  if (node.type !== 'ArrowFunctionExpression' && node.type !== 'FunctionExpression') return false;
  if (!parent || parent.type !== 'CallExpression') return false;
  const callee = parent.callee;
  const calleeName = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && !callee.computed ? callee.property.name : '';
  const index = parent.arguments.indexOf(node);
  if (firstArgumentDeferrers.has(calleeName)) return index === 0;
  if (calleeName === 'then') return index === 0 || index === 1;
  if (index !== parent.arguments.length - 1) return false;
  return lastArgumentDeferrers.has(calleeName) || callsBackLater(parent);
}

function isProcessNextTick(node: AnyNode): boolean {
  return node.type === 'MemberExpression' && !node.computed && isIdentifierNamed(node.object, 'process') && isIdentifierNamed(node.property, 'nextTick');
}

/**
 * The callback's last values that nothing reads (`(err, stat) => { if (err) …; done(); }`) need
 * no binding after the await: the same program without an unused `let stat`.
 */
function withoutUnusedValues(shape: CallbackShape): CallbackShape {
  const read = shape.errorStyle.kind === 'catch' ? [...shape.errorStyle.handler, ...shape.success] : shape.success;
  let count = shape.valueParams.length;
  while (count > 0) {
    const param = shape.valueParams[count - 1];
    if (param.type !== 'Identifier' || read.some((statement) => referencesName(statement, param.name))) break;
    count--;
  }
  return count === shape.valueParams.length ? shape : { ...shape, valueParams: shape.valueParams.slice(0, count) };
}

/** Why the callback's values do not fit what the promise gives (timing/error-handling-unclear). */
function valuesFit(api: PromisableApi, shape: CallbackShape): MessageRef | undefined {
  const count = shape.valueParams.length;
  if (api.result.kind === 'value' && count > 1) return { messageId: 'tooManyParamsForOneValue', data: { api: api.name, count } };
  if (api.result.kind === 'object' && count > api.result.keys.length) return { messageId: 'tooManyParams', data: { api: api.name, given: api.result.keys.length, count } };
  if (api.result.kind === 'array' && count > api.result.count) return { messageId: 'tooManyParams', data: { api: api.name, given: api.result.count, count } };
  if (shape.errorStyle.kind === 'capture' && api.result.kind !== 'value' && count > 0) {
    return { messageId: 'valuesOnErrorCaptured', data: { api: api.name } };
  }
  const inTry = shape.errorStyle.kind !== 'throw' && shape.errorStyle.kind !== 'none';
  if (inTry && shape.valueParams.some((param) => param.type !== 'Identifier')) {
    return { messageId: 'destructuredValueInTry' };
  }
  if ((api.result.kind !== 'value' || api.valuesOnError) && shape.errorStyle.kind === 'ignore' && shape.valueParams.length > 0) {
    return { messageId: 'valuesOnErrorIgnored', data: { api: api.name } };
  }
  if (api.voidResult && api.module === 'async' && count > 0) return { messageId: 'paramsForNoValue', data: { api: api.name, count } };
  if (api.valuesOnError && count > 0) {
    const names = shape.valueParams.flatMap((param) => patternNames(param));
    const onError = shape.errorStyle.kind === 'catch' ? shape.errorStyle.handler : shape.errorStyle.kind === 'capture' ? shape.success : [];
    if (onError.some((statement) => names.some((name) => referencesName(statement, name)))) {
      return { messageId: 'partialResultsOnError', data: { api: api.name } };
    }
  }
  return undefined;
}

/**
 * dns.lookup with `{ all: true }` calls back with one array, and its promise resolves that
 * array; with options it cannot read, it could be either.
 */
function withCallOptions(site: CallSite, api: PromisableApi): PromisableApi | undefined {
  if (site.module !== 'dns' || site.name !== 'lookup' || site.call.arguments.length < 3) return api;
  const options = site.call.arguments[1];
  if (options.type === 'NumericLiteral' || (options.type === 'Literal' && typeof options.value === 'number')) return api;
  if (options.type !== 'ObjectExpression') return undefined;
  const all = options.properties.find((property: AnyNode) => !property.computed && property.key && (property.key.name === 'all' || property.key.value === 'all'));
  if (!all) return options.properties.some((property: AnyNode) => property.type === 'SpreadElement' || property.type === 'SpreadProperty') ? undefined : api;
  const value = all.value;
  if (value.type === 'BooleanLiteral' || (value.type === 'Literal' && typeof value.value === 'boolean')) {
    return value.value ? { ...api, result: { kind: 'value' } } : api;
  }
  return undefined;
}

/**
 * Where a caller sees a continuation that may now run later than it did (an unknown or maybe-
 * synchronous callee): the call and the code after it up to the end of its block (the first
 * enclosing block that has a position in the source).
 */
/**
 * Where a callee that may call back synchronously lets code overtake the continuation: the call's
 * own continuation and the code after the calls of the functions holding it (caller-continuations.ts);
 * undefined when some of those callers are outside this file (then the call is refused).
 */
function syncContinuationSpans(site: CallSite, context: PlanContext): Array<{ loc: AnyNode['loc'] }> | undefined {
  const found = callerContinuations(programOf(site.path)!, site.call, (fn, parent) => isLaterCallback(fn, parent ?? null, context.callsBackLater ?? (() => false)));
  return found.bounded ? found.spans : undefined;
}

export function continuationOf(site: CallSite): { loc: AnyNode['loc'] } {
  let path = site.path.parent;
  while (path && !((path.value.type === 'BlockStatement' || path.value.type === 'Program') && path.value.loc)) path = path.parent;
  const end = path?.value.loc?.end ?? site.call.loc?.end;
  return { loc: site.call.loc && end ? { start: site.call.loc.start, end } : site.call.loc };
}

/** Decides, for one call site, whether and how it converts. Reads the AST; changes nothing. */
export function planCallSite(site: CallSite, context: PlanContext): Plan {
  if (site.refused && !site.callback) return { kind: 'ignore', site };
  if (site.refused) return skip(site, 'timing/api-not-promisable', 'refusedApi', { api: siteLabel(site), reason: site.refused.reason });
  if (!site.api && !site.callback) return { kind: 'ignore', site };
  if (!site.api) return skip(site, 'timing/api-not-promisable', 'noPromiseForm', { api: siteLabel(site) });
  const api = withCallOptions(site, site.api);
  if (!api) {
    return skip(site, 'timing/error-handling-unclear', 'optionsNotLiteral', { api: siteLabel(site) });
  }
  const allowed: RewritePlan['allowed'] = [];
  if (site.module === 'unknown') {
    const ownReason = context.ownCalleeLeft?.(site.call);
    if (ownReason) return skip(site, 'timing/callback-api-not-converted', 'ownFunctionLeft', { name: site.name, reason: ownReason });
    const verdict = context.packageCallee?.(site.call);
    if (verdict?.kind === 'refuse') return skip(site, verdict.ruleId, verdict.messageId, verdict.data);
    if (verdict?.kind === 'flag') {
      const spans = syncContinuationSpans(site, context);
      if (!spans) return skip(site, verdict.ruleId, 'callerContinuationUnbounded', { name: site.name });
      for (const node of spans) allowed.push({ ruleId: verdict.ruleId, messageId: verdict.messageId, data: verdict.data, node });
    }
    const handedOn = context.handedOn?.(site.call);
    if (handedOn) {
      // What the callee passes the handed-on callback is assumed, even when its summary proves once and later.
      if (!context.allow.includes('timing/unknown-callee')) return skip(site, 'timing/unknown-callee', 'unknownFunction', { name: site.name });
      const values = handedOn.values === 0 ? 'no value' : handedOn.values === 1 ? 'one value' : `${handedOn.values} values`;
      const proven = verdict !== undefined && verdict.kind !== 'unknown';
      allowed.push({ ruleId: 'timing/unknown-callee', messageId: proven ? 'handedOnValuesAssumed' : 'handedOnAssumed', data: { name: site.name, callback: handedOn.callback, values }, node: continuationOf(site) });
    } else if (!verdict || verdict.kind === 'unknown') {
      if (!context.allow.includes('timing/unknown-callee')) return skip(site, 'timing/unknown-callee', 'unknownFunction', { name: site.name });
      allowed.push({ ruleId: 'timing/unknown-callee', messageId: 'assumedOnceAsync', data: { name: site.name }, node: continuationOf(site) });
    }
  }
  if (site.module === 'package' && api.known && !api.known.alwaysAsync) {
    // The table says it may call back before returning (slide's asyncMap on an empty list).
    if (!context.allow.includes('timing/sync-callback-now-async')) return skip(site, 'timing/sync-callback-now-async', 'callerContinuation', { name: site.name });
    const spans = syncContinuationSpans(site, context);
    if (!spans) return skip(site, 'timing/sync-callback-now-async', 'callerContinuationUnbounded', { name: site.name });
    for (const node of spans) allowed.push({ ruleId: 'timing/sync-callback-now-async', messageId: 'callerContinuation', data: { name: site.name }, node });
  }
  if (context.maySyncCallBack?.(api)) {
    // The function was converted already: its calls convert (a call left with its callback
    // would go through the dual API, which calls back later on every path too), flagged as far as can be seen.
    const { spans } = callerContinuations(programOf(site.path)!, site.call, (fn, parent) => isLaterCallback(fn, parent ?? null, context.callsBackLater ?? (() => false)));
    for (const node of spans) allowed.push({ ruleId: 'timing/sync-callback-now-async', messageId: 'callerContinuation', data: { name: site.name }, node });
  }
  if (!site.callback) {
    return skip(site, 'timing/callback-not-inline', 'callbackNotInline', { api: siteLabel(site) });
  }
  if (context.minNodeMajor !== undefined && context.minNodeMajor < api.minNode) {
    return skip(site, 'timing/unsupported-node-version', 'promiseFormTooNew', { api: siteLabel(site), needed: api.minNode, allowed: context.minNodeMajor });
  }
  const parentPath = site.path.parent;
  const isStatement = parentPath?.value.type === 'ExpressionStatement' && parentPath.value.expression === site.call;
  const isArrowBody = parentPath?.value.type === 'ArrowFunctionExpression' && parentPath.value.body === site.call && api.returnsUndefined;
  if (!isStatement && !isArrowBody) {
    return skip(site, 'timing/value-used-after-call', 'callValueUsed', { api: siteLabel(site) });
  }
  const ancestors = ancestorsOf(site.path);
  const shapeResult = readCallbackShape(site.callback, enclosingParameterNames(ancestors), api.noError);
  if (!shapeResult.ok) return skip(site, shapeResult.ruleId, shapeResult.messageId, shapeResult.data);
  const outerCallback = context.callbackApiLeft?.(ancestors, site.callback);
  if (outerCallback) return skip(site, 'timing/callback-api-not-converted', 'callsOuterCallback', { callback: outerCallback });
  const misfit = valuesFit(api, shapeResult.shape);
  if (misfit) return skip(site, 'timing/error-handling-unclear', misfit.messageId, misfit.data);
  const shape = withoutUnusedValues(shapeResult.shape);

  let placement: Placement = isArrowBody
    ? { kind: 'arrow-body', arrow: parentPath.value }
    : placementFor(parentPath, context.ownAsyncFunctions);
  // The function around it becomes async itself, where that is the same program (async-hosts.ts).
  let host = placement.kind === 'iife' ? context.asyncHost?.(parentPath) : undefined;
  if (host) placement = host.placement;
  // A name clash with the code around goes away in a scope of its own.
  // A `var` in the moved body would belong to the whole enclosing function: keep it in a scope of its own.
  // A parameter the callback's value shadows, read by the call itself: set it instead (reused-binding.ts).
  const clash = findNameConflict(shape, site, placement);
  const reused = clash && api.result.kind !== 'object' && reusableParameter(site, shape, ancestors) === clash && declaredNames(shape.success).concat(varNames(shape.success)).every((name) => name !== clash) ? clash : undefined;
  if (findNameConflict(shape, site, placement, reused) || varSeenOutside(shape, site, placement)) placement = iifePlacement(placement);
  const conflict = findNameConflict(shape, site, placement, reused);
  if (conflict) {
    return skip(site, 'timing/name-conflict', 'bodyNameTaken', { name: conflict });
  }
  // An unknown combinator whose steps keep their callbacks (nedb's async 0.2 waterfall), awaited
  // in a new async IIFE: only its last callback goes, for a re-indented block and fromCallback.
  if (site.module === 'unknown' && placement.kind === 'iife' && site.call.arguments.slice(0, -1).some(holdsCallbackSteps)) {
    return skip(site, 'timing/callback-api-not-converted', 'stepsKeepCallbacks', { api: siteLabel(site) });
  }
  const program = ancestors.find((node) => node.type === 'Program');
  const nextTick = findNextTick(shape, program, context.callsBackLater ?? (() => false));
  if (nextTick) {
    if (!context.allow.includes('timing/next-tick-ordering')) return skip(site, 'timing/next-tick-ordering', 'nextTickInBody');
    // Flagged over the whole call (and a called function that holds the nextTick): any tick or promise job there may change places.
    for (const node of nextTickFlagNodes(program, site.call)) allowed.push({ ruleId: 'timing/next-tick-ordering', messageId: 'nextTickInBodyAllowed', node });
  }
  if (placement.kind !== 'inline') host = undefined;
  return { kind: 'rewrite', site, api, shape, placement, reassigned: isReassigned(shape), allowed, ...(host && { host }), ...(reused && { reuse: reused }) };
}
