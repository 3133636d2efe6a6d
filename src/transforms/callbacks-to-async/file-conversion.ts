import { factoryMadeFunctionNames } from '../shared/reached-functions';
import type { CallerLeft, FindingInput, MessageRef } from '../../types';
import type { TransformContext } from '../transform';
import { calleeText, childNodes, collectReferencedNames, isFunctionNode, isIdentifierNamed, isNullish, isReferenceIdentifier, referencesName, scopedName, some, uniqueName, walk, type AnyNode } from '../shared/ast';
import { usesSemicolons } from '../shared/async-placement';
import { cloneNode } from '../shared/clone';
import { detectModuleStyle, findModuleBindings, type ModuleBinding } from '../shared/module-bindings';
import { agreedSuccessValues, allOwnedBy, callsBackBare, countSuccessValues, inlineHandedOnCallbacks, mayCallBackOtherThanBare, rewriteCallbackCalls } from './callback-calls';
import { findCallbackFunctions, findNonErrorFirstCallbacks, liveRoute, positionOf, routeOf, routeTo, usesByName, type CallbackFunction } from './callback-functions';
import { findThrowOfTest, reportPlan, wrapAsyncTaskRefusal, type Refusal, type Report } from './report-plan';
import { checkCallbackProtocol, type HandOnRefusal } from './callback-protocol';
import { callsBackLater, findCallSites, isPathCurrent, mayBeCallbackApiCall, type CallSite, type CalleeKnowledge } from './detect';
import type { PromisableApi } from './node-api-table';
import { planCallSite, siteLabel, type PlanContext, type RewritePlan } from './plan';
import { PromiseBindings, removeUnusedBindings } from './promise-bindings';
import { applyRewrite, type RewriteContext } from './rewrite';
import { addDualApi } from './dual-api';
import { findAsyncHost, parentsOf, prototypeMethodName, type AsyncHost } from './async-hosts';
import { findWrapperSteps, handlerName, reportWrapperStep, type StepOperation } from './wrapper-steps';
import { rewriteWrapperStep } from './wrapper-step-rewrite';
import { foldIifeRoots } from './iife-roots';
import { LocalApis, type ThisOwner } from './local-apis';
import { flushHelpers, fromCallbackHelper, importHelpersFrom, mapLimitHelper, settleCallbackHelper, useHelper } from './local-helpers';
import { asyncMethods, isAsyncV2Test, nativeStart, taskFunctionKeys } from './async-library';
import { tidyConvertedFunction } from './tidy';
import { continuesStayInLoop, dropTrailingContinue, rewriteNextLoops } from './next-loops';
import { rewriteCounterJoins, type CounterJoin } from './counter-joins';
import { findStepFunctions, rewriteStepCalls } from './step-functions';
import { dropDeadStepReturns, rewriteTimerSteps } from './timer-steps';
import { TimerAwaits } from './timer-awaits';
import { setPromiseReturnType } from './typescript-types';
import { callCycles } from './call-cycles';
import { readCallbackIdioms, reportCallsWithoutCallback } from './callback-idioms';
import { returnsUndefinedForSure, splitVoidReturns } from './callback-idioms/void-returns';
import { blockBranchCalls } from './callback-idioms/branch-blocks';
import { convertDelay, rewriteTimerCallbacks, type TimerWait } from './timer-callbacks';
import { callersLeftInFile } from './callers-left';
import { explainEscape } from './escape-details';
import { TimerBindings } from '../timers-to-async/timer-bindings';
import { detectRuntime, timersPromisesSince } from '../timers-to-async/runtime';
import { judgePackageCallee, packageCalleeAt, type PackageCalleeVerdict } from './package-callees';
import { calleeAliases, findMemberAliases, requiredMemberAliases, type MemberAlias } from './member-aliases';

/** A converted callback API function of this file. */
interface ConvertedFunction {
  item: CallbackFunction;
  fn: AnyNode;
  api: PromisableApi;
  /** Parameter count before the callback was dropped: a call with more arguments passes one. */
  arity: number;
  /** The callback parameter as written, with its type. */
  callbackParam: AnyNode;
  /** What the dual wrapper runs before the body (the original argument shifting). */
  prologue: AnyNode[];
  /** The parameters as written, without the callback: the dual wrapper keeps them (and fn.length). */
  originalParams: AnyNode[];
  /** The callback was optional: calls without it now get the promise. */
  optionalCallback: boolean;
}

/** Puts `to` where `from` is; in a list, found by identity, since statements may have moved. */
function swapFunction(item: CallbackFunction, from: AnyNode, to: AnyNode): void {
  if (Array.isArray(item.holder)) {
    const index = item.holder.indexOf(from);
    if (index !== -1) item.holder[index] = to;
  } else {
    item.holder[item.key] = to;
  }
}

/**
 * One file's run of callbacks-to-async: its callback API functions first (so that their
 * callers can await them), then every call of a Node callback API or of a converted function.
 */
export class FileConversion {
  private readonly program: AnyNode;
  private readonly bindings: ModuleBinding[];
  private readonly takenNames: Set<string>;
  private readonly promiseBindings: PromiseBindings;
  private readonly timerAwaits: TimerAwaits;
  private readonly rewriteContext: RewriteContext;
  private readonly visited = new WeakSet<AnyNode>();
  private readonly touched = new Set<ModuleBinding>();
  private readonly localApis = new LocalApis();
  private readonly converted: ConvertedFunction[] = [];
  private changed = false;
  /** The promise timers of callback APIs that called back from a timer (timer-callbacks.ts). */
  private timerBindings?: TimerBindings;
  /** Node API calls as first found, and the originals of copied nodes, for apiOfCall. */
  private nodeApis?: Map<AnyNode, PromisableApi>;
  /** Every call found as a site (taken or not): a callee awaitify knows something of. */
  private readonly siteCalls = new WeakSet<AnyNode>();
  /** Calls an unknown callee took the function's own callback in, now inline (handOnApi). */
  private readonly handedOn = new WeakMap<AnyNode, { callback: string; values: number }>();
  private readonly copiedFrom = new WeakMap<AnyNode, AnyNode>();
  /** Callback functions of this file not converted, with the rule that refused them (undefined: not tried to the end yet). */
  private readonly unconverted = new Map<CallbackFunction, string | undefined>();
  private callbackFunctions: CallbackFunction[] = [];
  /** Members of the file's own objects set to a module's function, by the callee as written (`storage.writeFile`). */
  private readonly memberAliases: ReadonlyMap<string, MemberAlias>;
  /** Functions converted although they may call back synchronously: their callers are flagged too. */
  private readonly syncApis = new WeakSet<PromisableApi>();
  /** The promise calls that replaced callback calls: they pass no callback, whatever their length. */
  private readonly promiseCalls = new WeakSet<AnyNode>();
  /** While a cycle is tried (tryConvertCycle): each member's API, registered for the others before its own trial. */
  private readonly cycleApis = new Map<CallbackFunction, PromisableApi>();
  /** While a cycle is tried: the timer waits to name once every member is kept (TimerBindings cannot take one back). */
  private deferredWaits?: Array<() => void>;

  constructor(private readonly ctx: TransformContext) {
    this.program = ctx.root.get().value.program;
    // A local module that only re-exports another (`require('./fs')` of `module.exports = require('graceful-fs')`) is read as that one.
    const aliases = ctx.options.moduleAliases ?? {};
    this.bindings = findModuleBindings(this.program).map((binding) => (aliases[binding.specifier] ? { ...binding, specifier: aliases[binding.specifier] } : binding));
    this.memberAliases = new Map([
      ...calleeAliases(findMemberAliases(this.program, this.bindings)),
      ...requiredMemberAliases(this.program, this.bindings, ctx.options.memberAliases ?? {}),
    ]);
    this.takenNames = collectReferencedNames(this.program);
    this.promiseBindings = new PromiseBindings(ctx.j, this.program, detectModuleStyle(this.program, ctx.path), this.takenNames, ctx.options.minNodeMajor);
    this.timerAwaits = new TimerAwaits(ctx.j, this.program, detectModuleStyle(this.program, ctx.path), this.takenNames, ctx.options.minNodeMajor);
    this.rewriteContext = {
      j: ctx.j,
      takenNames: this.takenNames,
      ownAsyncFunctions: ctx.ownAsyncFunctions,
      usesSemicolons: usesSemicolons(ctx.source),
      typescript: /\.(ts|tsx|mts|cts)$/.test(ctx.path),
      startFor: (plan: RewritePlan, args: AnyNode[]) => this.startFor(plan, args),
    };
    const helperModule = ctx.options.helperModule;
    if (helperModule) importHelpersFrom(ctx.j, this.program, { specifier: helperModule, esm: this.rewriteContext.typescript || detectModuleStyle(this.program, ctx.path).esm });
  }

  /**
   * The call that starts the operation: the promise API, a converted function of this file
   * called as it was but without the callback, or an unknown one through `fromCallback`.
   */
  private startFor(plan: RewritePlan, args: AnyNode[]): AnyNode {
    const j = this.ctx.j;
    const { site } = plan;
    if (site.module === 'local') return j.callExpression(site.call.callee, args);
    if (site.module === 'async') {
      const limit = () => useHelper(j, this.program, mapLimitHelper, this.takenNames, this.rewriteContext.typescript);
      return nativeStart(j, site.name, asyncMethods.get(site.name)!, site.call, limit, (base) => uniqueName(base, this.takenNames))!;
    }
    if (plan.api.access === 'promisify-at-call') {
      return j.callExpression(this.promiseBindings.promisifiedAtCall(site.call.callee, `util.promisify(${siteLabel(site)}) at the call`), args);
    }
    if (site.module === 'package' && plan.api.access === 'direct') return j.callExpression(site.call.callee, args);
    if (site.module === 'package' && plan.api.access === 'promisify') {
      const key = calleeText(site.call.callee) ?? site.name;
      return j.callExpression(this.promiseBindings.promisifiedPackageCall(site.call.callee, plan.api.name.split('.').pop()!, key, plan.api.minNode), args);
    }
    if (site.module === 'unknown' || (site.module === 'package' && plan.api.access === 'wrapper')) {
      const helper = useHelper(j, this.program, fromCallbackHelper, this.takenNames, this.rewriteContext.typescript);
      // The arrow's own scope holds the name: it only has to differ from what the call reads.
      const done = scopedName(['done', 'callback', 'cb', 'next', 'resume'], [site.call.callee, ...args]) ?? uniqueName('done', this.takenNames);
      const start = j.arrowFunctionExpression([j.identifier(done)], j.callExpression(site.call.callee, [...args, j.identifier(done)]));
      return j.callExpression(j.identifier(helper), [start]);
    }
    return j.callExpression(this.promiseBindings.calleeFor(plan.api, site.binding), args);
  }

  /** Callback functions of other files that convert too (project mode), awaited here. */
  private registerExternalApis(): void {
    for (const external of this.ctx.options.externalApis ?? []) {
      const api: PromisableApi = {
        module: 'local',
        name: external.callee,
        access: 'direct',
        result: external.valueCount > 1 ? { kind: 'array', count: external.valueCount } : { kind: 'value' },
        minNode: 0,
        returnsUndefined: true,
      };
      this.localApis.addExternal(external.callee, api);
      // Its callers' continuations may now run later than they did (flagged at each call).
      if (external.maySyncCallBack) this.syncApis.add(api);
    }
  }

  run(): boolean {
    this.registerExternalApis();
    this.convertWrapperSteps();
    this.convertFunctions();
    this.convertSites(this.ctx.report);
    this.foldIifes(this.ctx.report);
    this.keepCallbacksWorking();
    if (this.changed) {
      flushHelpers(this.program);
      this.promiseBindings.flush();
      const timersNeed = this.timerAwaits.flush();
      if (timersNeed > 0) this.ctx.requireNode(timersNeed, "require('timers/promises')");
      this.timerBindings?.flush();
      for (const requirement of this.promiseBindings.requirements) this.ctx.requireNode(requirement.major, requirement.feature);
      removeUnusedBindings(this.program, [...this.touched]);
    }
    return this.changed;
  }

  /**
   * Promise-chain steps that return a `new Promise` around callback operations become async
   * handlers that await them (wrapper-steps.ts), before anything else here turns those
   * callbacks into async IIFEs inside the executor.
   */
  private convertWrapperSteps(): void {
    const { j, options } = this.ctx;
    if (!some(this.program, (node) => node.type === 'NewExpression' && isIdentifierNamed(node.callee, 'Promise'))) return;
    const sites = new Map<AnyNode, CallSite>();
    for (const site of findCallSites(j, this.ctx.root, this.bindings, undefined, () => false, this.knowledge())) sites.set(site.call, site);
    const operationOf = (call: AnyNode) => {
      const site = sites.get(call);
      const api = site?.api;
      if (!site || !api || site.refused || !['promises', 'promisify', 'promisify-at-call'].includes(api.access)) return undefined;
      const later = site.module === 'package' ? api.known?.alwaysAsync === true : site.module !== 'local' && site.module !== 'unknown' && site.module !== 'async';
      if (!later || (options.minNodeMajor !== undefined && options.minNodeMajor < api.minNode)) return undefined;
      return { site, api };
    };
    const skipped = (node: AnyNode) => node.loc && options.skipLines?.has(node.loc.start.line);
    const context = {
      j,
      typescript: this.rewriteContext.typescript,
      startFor: (operation: StepOperation, args: AnyNode[]) => this.startFor({ site: operation.site, api: operation.api } as RewritePlan, args),
    };
    for (const step of findWrapperSteps(j, this.ctx.root, { operationOf })) {
      if (skipped(step.wrapper) || step.operations.some((operation) => skipped(operation.call))) continue;
      // A `Promise` of the file's own (a library's, maybe): the handler now returns a native one.
      if (step.localPromise && !options.allow.includes('timing/promise-receiver-unknown')) continue;
      if (step.otherExits && !options.allow.includes('timing/microtask-ticks-changed')) {
        this.ctx.report({ ruleId: 'timing/microtask-ticks-changed', messageId: 'handlerNowAsyncRefused', data: { name: handlerName(step.step), before: 1, after: 3 }, node: step.step, applied: false });
        continue;
      }
      rewriteWrapperStep(context, step);
      reportWrapperStep(this.ctx.report, step);
      for (const operation of step.operations) if (operation.site.binding) this.touched.add(operation.site.binding);
      this.changed = true;
    }
  }

  /** What the package says of its callees: dependency versions for the ecosystem table, gracefulify. */
  private knowledge(): CalleeKnowledge {
    const { dependencies, gracefulFs, sourceSummaries } = this.ctx.options;
    return { dependencies, gracefulFs, sourceSummaries, memberAliases: this.memberAliases };
  }

  private planContext(): PlanContext {
    const { minNodeMajor, allow } = this.ctx.options;
    return {
      ownAsyncFunctions: this.ctx.ownAsyncFunctions,
      minNodeMajor,
      allow,
      callsBackLater: (call) => callsBackLater(call, this.bindings, this.knowledge()),
      ownCalleeLeft: (call) => this.ownCalleeLeft(call),
      callbackApiLeft: (ancestors, callback) => this.callbackApiLeft(ancestors, callback),
      asyncHost: (statementPath) => findAsyncHost(statementPath, (fn) => this.callbackFunctions.some((item) => item.fn.loc === fn.loc), (call) => callsBackLater(call, this.bindings, { dependencies: this.ctx.options.dependencies, gracefulFs: this.ctx.options.gracefulFs, memberAliases: this.memberAliases })),
      packageCallee: (call) => this.packageCalleeVerdict(call),
      maySyncCallBack: (api) => this.syncApis.has(api),
      handedOn: (call) => this.handedOn.get(call),
    };
  }

  /** Converts the sites below the path `within` leads to (everywhere when undefined), outermost first. */
  private convertSites(report: Report, within?: Array<string | number>): number {
    let count = 0;
    for (;;) {
      // Searching from the function's own path keeps scopes right and skips the rest of the file.
      const scope = within ? this.ctx.j(this.ctx.root.get('program', ...within)) : this.ctx.root;
      const sites = findCallSites(this.ctx.j, scope, this.bindings, this.localApis, (call) => this.wasVisited(call) || this.isResolvedCall(call), this.knowledge());
      let stale = false;
      for (const site of sites) {
        // A rewrite moves code: sites it moved are found again on the next pass.
        if (!isPathCurrent(site.path)) {
          stale = true;
          break;
        }
        this.visited.add(site.call);
        if (this.ctx.options.skipLines?.has(site.call.loc?.start.line)) {
          // Refusals still say why; a conversion is not made and says so.
          const skipped = planCallSite(site, this.planContext());
          if (skipped.kind === 'skip') reportPlan(report, skipped);
          else if (skipped.kind === 'rewrite') report({ ruleId: 'timing/ignored-by-comment', messageId: 'callIgnored', data: { api: siteLabel(site) }, node: site.call, applied: false });
          continue;
        }
        const plan = planCallSite(site, this.planContext());
        // The `async` package's tasks become async only once the call itself is known to convert:
        // an async task under a call left as it is would be half a rewrite.
        if (plan.kind === 'rewrite' && site.module === 'async') {
          const failure = this.convertAsyncTasks(site, report);
          if (failure) {
            report({ ruleId: failure.ruleId, ...wrapAsyncTaskRefusal(site.name, failure), node: site.call, applied: false });
            continue;
          }
        }
        reportPlan(report, plan);
        if (plan.kind !== 'rewrite') continue;
        // The promise call that replaces it must not be taken for a call with a callback.
        const promiseCall = applyRewrite(plan, this.rewriteContext);
        this.visited.add(promiseCall);
        this.promiseCalls.add(promiseCall);
        if (plan.host) this.makeHostAsync(plan.host, report);
        if (site.binding) this.touched.add(site.binding);
        this.changed = true;
        count++;
      }
      if (!stale) return count;
    }
  }

  /**
   * Why a call named like one of this file's callback functions (not resolved as a converted API)
   * keeps its callback; undefined when it may be treated as an unknown callee. While functions are
   * being converted, one not converted yet is waited for (its callers retry after it); once all
   * are tried, one left as it was keeps its callback: its protocol was read and not proven. Only
   * `--allow timing/unknown-callee` by name treats it as an unknown callee, and never when its
   * refusal shows it may call back twice, never, or per event.
   */
  private ownCalleeLeft(call: AnyNode): string | undefined {
    const named = (item: CallbackFunction) => isCalledBy(item, call.callee);
    for (const [item, refusal] of this.unconverted) {
      if (!named(item)) continue;
      if (refusal === undefined) return 'is a callback function of this file that is not converted yet';
      if (isDualApi(item)) return 'is a converted callback function of this file that keeps its callback form (the dual API)';
      // Its protocol was read and not proven: it is assumed well-behaved only when the user asks by name.
      const assumed = (this.ctx.options.allowedByName ?? []).includes('timing/unknown-callee') && !resultChangingRefusals.has(refusal);
      if (!assumed) return `is a callback function of this file that stays as it is (${refusal})`;
    }
    for (const item of this.callbackFunctions) {
      if (named(item) && !this.unconverted.has(item)) {
        return 'names a converted callback function of this file that this call cannot be tied to for sure; the function keeps its callback form';
      }
    }
    // A function of this file made by a factory: its protocol is in sight but not read (it may
    // call back twice, as a join whose two reads both fail does), so it is no unknown callee.
    if (call.callee.type === 'Identifier' && factoryMadeFunctionNames(this.program).has(call.callee.name) && !(this.ctx.options.allowedByName ?? []).includes('timing/unknown-callee')) {
      return 'is a function of this file made by a factory, whose calls of its callback are not read';
    }
    return undefined;
  }

  /** The callback name of an enclosing callback function left callback-style that `callback` calls. */
  private callbackApiLeft(ancestors: AnyNode[], callback: AnyNode): string | undefined {
    for (const [item] of this.unconverted) {
      if (ancestors.includes(item.fn) && callsName(callback, item.callbackName)) return item.callbackName;
    }
    // A function not read as a callback API (mkdirp's `mkdirP(p, opts, f, made)`, whose callback
    // is not last, with `var cb = f || function () {}`) whose callback this one calls back
    // error-first: an IIFE here would sit inside a function that still takes a callback.
    const enclosing = ancestors.find(isFunctionNode);
    if (!enclosing || enclosing.async) return undefined;
    return callerCallbackNames(enclosing).find((name) => callsBackErrorFirst(callback, name));
  }

  /** IIFEs that ended a function whose callers drop its value: the function becomes async instead. */
  private foldIifes(report: Report): void {
    const callsBack = (call: AnyNode) => callsBackLater(call, this.bindings, { dependencies: this.ctx.options.dependencies, gracefulFs: this.ctx.options.gracefulFs });
    const isCallbackFunction = (fn: AnyNode) => this.callbackFunctions.some((item) => item.fn.loc === fn.loc);
    const droppedMethods = new Set(this.ctx.options.droppedMethods ?? []);
    const { folded, kept } = foldIifeRoots(this.ctx.j, this.ctx.root, this.ctx.ownAsyncFunctions, isCallbackFunction, callsBack, droppedMethods);
    // Each IIFE left inside a function says why that function did not become async instead.
    for (const { statement, fn, name, reason } of kept) {
      report({ ruleId: 'timing/callback-moved-to-microtask', messageId: reason, data: { name }, node: statement.loc ? statement : fn, applied: true });
    }
    for (const { fn: host, throwBecomesRejection } of folded) {
      const parents = droppedMethods.size > 0 ? parentsOf(this.program) : undefined;
      const method = parents && prototypeMethodName(parents, host);
      if (throwBecomesRejection) report({ ruleId: 'timing/throw-becomes-rejection', messageId: 'foldedThrowUncaught', data: { name: method !== undefined ? `\`${method}\`` : host.id ? `\`${host.id.name}\`` : 'The function' }, node: host, applied: true });
      if (parents && method !== undefined) {
        // Every call of it in the package drops the value; one from outside it could read it (a public change).
        const owner = parents.get(host)!.left.object.object;
        report({ ruleId: 'timing/return-value-now-promise', messageId: 'methodFolded', data: { name: method, ...(owner.type === 'Identifier' && { owner: owner.name }) }, node: host, applied: true });
        continue;
      }
      const name = host.id ? `\`${host.id.name}\`` : 'The function';
      report({ ruleId: 'timing/return-value-now-promise', messageId: 'iifeFolded', data: { name }, node: host, applied: true });
    }
  }

  /** The function that holds the awaits becomes async; its callers drop its value (now a promise). */
  private makeHostAsync(host: AsyncHost, report: Report): void {
    host.fn.async = true;
    this.ctx.ownAsyncFunctions.add(host.fn);
    report({ ruleId: 'timing/return-value-now-promise', messageId: 'hostNowAsync', data: { name: host.name }, node: host.fn, applied: true });
  }

  /** Handled already: this call, or the call it was copied from (a nested function inside its enclosing function's trial copy). */
  private wasVisited(call: AnyNode): boolean {
    for (let node: AnyNode = call; node; node = this.copiedFrom.get(node)) if (this.visited.has(node)) return true;
    return false;
  }

  /** A call of another file's package function (cross-file mode): judged by its summary. */
  private packageCalleeVerdict(call: AnyNode): PackageCalleeVerdict | undefined {
    const callee = packageCalleeAt(this.ctx.options, call);
    return callee && judgePackageCallee(callee, this.ctx.options.allow);
  }

  /**
   * An unknown callee counts as calling back once, later, when the policy allows the assumption;
   * a package function of another file, when its summary proves it (or proves nothing either way).
   */
  private takenAsUnknownCallee(call: AnyNode, unknownAllowed: boolean): boolean {
    const verdict = this.packageCalleeVerdict(call);
    if (verdict) return verdict.kind === 'proven' || (verdict.kind === 'unknown' && unknownAllowed);
    return unknownAllowed;
  }

  /** A call the type checker resolved (project mode): it is no unknown callee. */
  private isResolvedCall(call: AnyNode): boolean {
    const positions = this.ctx.options.resolvedCalls;
    if (!positions || !call.loc) return false;
    return positions.includes(`${call.loc.start.line}:${call.loc.start.column + 1}`);
  }



  /** Which calls carry a callback that is called once, later: Node APIs and converted functions. */
  private apiOfCall(call: AnyNode, classNode?: ThisOwner, thisAliases?: ReadonlySet<string>): PromisableApi | undefined {
    const local = this.localApis.resolveCallee(call.callee, classNode, thisAliases);
    if (local) return local;
    if (!this.nodeApis) {
      this.nodeApis = new Map();
      const unknownAllowed = this.ctx.options.allow.includes('timing/unknown-callee');
      for (const site of findCallSites(this.ctx.j, this.ctx.root, this.bindings, undefined, (call) => this.isResolvedCall(call), this.knowledge())) {
        this.siteCalls.add(site.call);
        if (site.api && !site.refused && (site.module !== 'unknown' || this.takenAsUnknownCallee(site.call, unknownAllowed))) this.nodeApis.set(site.call, site.api);
      }
    }
    // A trial inside a trial copies a copy: follow the copies back to the node first found.
    for (let node: AnyNode = call; node; node = this.copiedFrom.get(node)) {
      const api = this.nodeApis.get(node);
      if (api) return api.module === 'unknown' && this.ownCalleeLeft(call) ? undefined : api;
    }
    return undefined;
  }

  /**
   * `op(…, cb)` at the end of a path, handing the function's callback to a callee awaitify has
   * no site for (no Node API, no listed package, no function of this file left as it is): an
   * unknown callee, when the policy allows that assumption, taking as many values on success as
   * the function's own `cb(null, …)` all pass (`valueCount`; undefined: none, or they differ).
   * Inlined (inlineHandedOnCallbacks), the call is an unknown site: converted and flagged at the
   * call as any, or refused by the package model's summary of the callee.
   */
  private handOnApi(call: AnyNode, valueCount: number | undefined, classNode?: ThisOwner, thisAliases?: ReadonlySet<string>): PromisableApi | undefined {
    if (valueCount === undefined || !mayBeCallbackApiCall(call)) return undefined;
    if (this.apiOfCall(call, classNode, thisAliases)) return undefined; // known: handled as such
    for (let node: AnyNode = call; node; node = this.copiedFrom.get(node)) if (this.siteCalls.has(node)) return undefined;
    if (this.isResolvedCall(call) || this.ownCalleeLeft(call)) return undefined;
    const verdict = this.packageCalleeVerdict(call);
    if (verdict && verdict.kind === 'refuse') return undefined;
    return { module: 'unknown', name: calleeText(call.callee) || '…', access: 'wrapper', result: { kind: 'array', count: valueCount }, minNode: 8, returnsUndefined: false, valuesOnError: true };
  }

  /** Converts callback API functions until no more can be proven (callees before callers). */
  private convertFunctions(): void {
    const pending = new Map<CallbackFunction, Refusal>();
    this.callbackFunctions = findCallbackFunctions(this.program);
    for (const item of this.callbackFunctions) this.unconverted.set(item, undefined);
    const skipLines = this.ctx.options.skipLines;
    for (const item of this.callbackFunctions) {
      // `// awaitify-ignore-next-line` with no rule: the user asked that this spot be left alone.
      if (skipLines?.has(positionOf(item).loc?.start.line)) {
        this.ctx.report({ ruleId: 'timing/ignored-by-comment', messageId: 'functionIgnored', data: { name: item.name ?? 'This function' }, node: positionOf(item), applied: false });
        this.unconverted.set(item, 'timing/ignored-by-comment');
        continue;
      }
      pending.set(item, { ruleId: '', messageId: '', node: positionOf(item) });
    }
    let progress = true;
    while (progress) {
      progress = false;
      for (const item of [...pending.keys()]) {
        const failure = this.tryConvertFunction(item);
        if (failure) {
          pending.set(item, { ...failure, node: failure.node === item.fn ? positionOf(item) : failure.node });
        } else {
          pending.delete(item);
          this.unconverted.delete(item);
          progress = true;
        }
      }
      // Stuck: functions waiting for each other in a cycle are tried together; their callers then go on.
      if (progress) continue;
      for (const group of this.pendingCycles(pending.keys())) {
        if (!this.tryConvertCycle(group)) continue;
        for (const item of group) {
          pending.delete(item);
          this.unconverted.delete(item);
        }
        progress = true;
      }
    }
    for (const fn of findNonErrorFirstCallbacks(this.program)) {
      const name = fn.params[fn.params.length - 1].name;
      this.ctx.report({ ruleId: 'timing/error-not-first-parameter', messageId: 'neverCalledWithError', data: { callback: name, name: fn.id?.name ?? 'the function' }, node: fn, applied: false });
    }
    for (const [item, failure] of pending) this.unconverted.set(item, failure.ruleId);
    this.followNestedCopies();
    for (const [item, failure] of pending) {
      const { messageId, data } = explainEscape(this.unconverted, item, failure, isCalledBy);
      this.ctx.report({ ruleId: failure.ruleId, messageId, data, node: failure.node, applied: false });
    }
  }

  /** Nested functions whose enclosing function converted after them now live in its copy: follow them there. */
  private followNestedCopies(): void {
    for (const item of this.unconverted.keys()) if (item.nested) this.relocate(item);
    for (const converted of this.converted) {
      if (!converted.item.nested) continue;
      const live = this.liveCopyOf(converted.fn);
      if (!live) continue;
      converted.fn = live;
      this.ctx.ownAsyncFunctions.add(live);
    }
  }

  /**
   * A nested function whose enclosing function converted lives on as part of that function's
   * copy: points `item` at the copy in the tree (found through copiedFrom). False when none is.
   */
  private relocate(item: CallbackFunction): boolean {
    const live = this.liveCopyOf(item.fn);
    if (!live) return false;
    if (live === item.fn) return true;
    const route = routeTo(this.program, live)!;
    const holder = route.slice(0, -1).reduce((node: AnyNode, key) => node[key], this.program);
    const key = route[route.length - 1];
    Object.assign(item, { fn: live, holder: Array.isArray(holder) ? holder : holder, key });
    return true;
  }

  /** The node in the tree now that is `node` or a copy of it (or of a copy of it). */
  private liveCopyOf(node: AnyNode): AnyNode | undefined {
    if (routeTo(this.program, node)) return node;
    let found: AnyNode | undefined;
    walk(this.program, (candidate) => {
      if (found) return false;
      for (let from = this.copiedFrom.get(candidate); from; from = this.copiedFrom.get(from)) {
        if (from === node) {
          found = candidate;
          return false;
        }
      }
      return true;
    });
    return found;
  }

  /** Tries one function on a copy; keeps the copy only when every callback call became a return or throw of it. */
  private tryConvertFunction(item: CallbackFunction, report: Report = this.ctx.report): Refusal | undefined {
    if (item.nested && !this.relocate(item)) return { ruleId: 'timing/error-handling-unclear', messageId: 'callNotRewritten', data: { callback: item.callbackName }, node: item.fn };
    const j = this.ctx.j;
    const { fn, callbackName } = item;
    if (fn.type !== 'ArrowFunctionExpression' && some(fn.body, (node, parent) => node.type === 'Identifier' && node.name === 'arguments' && isReferenceIdentifier(node, parent), { skipNonArrowFunctions: true })) {
      return { ruleId: 'timing/callback-uses-this', messageId: 'functionReadsArguments', node: fn };
    }
    const allowSync = this.ctx.options.allow.includes('timing/sync-callback-now-async');
    const classNode = thisOwnerOf(item);
    const thisAliases = thisAliasesOf(fn);
    // A call of the function itself that hands its callback on (a retry) calls back once, later,
    // if the function does: the proof is by induction, so the function counts as converted.
    const cycleApi = this.cycleApis.get(item);
    const selfApi = cycleApi ?? this.selfApiOf(item);
    const forgetSelf = cycleApi ? () => {} : this.registerLocalApi(item, selfApi);
    // The proof and the rewrite both work on a copy, with `next()` recursion already a loop.
    const copy = cloneNode(fn, this.copiedFrom);
    // `(cb) => op(…, cb)` is `(cb) => { return op(…, cb); }`, and `(cb) => op(…, (err) => …)`
    // is `(cb) => { op(…, (err) => …); }` (the function becomes async: it returns a promise either way).
    if (copy.body.type !== 'BlockStatement') {
      const last = copy.body.type === 'CallExpression' ? copy.body.arguments[copy.body.arguments.length - 1] : undefined;
      const inline = last?.type === 'ArrowFunctionExpression' || last?.type === 'FunctionExpression';
      copy.body = j.blockStatement([inline ? j.expressionStatement(copy.body) : j.returnStatement(copy.body)]);
    }
    // Optional arguments, default callbacks, once/dezalgo, try around a call: read out of the copy first.
    const originalParams = copy.params.slice(0, -1).map((param: AnyNode) => cloneNode(param));
    const idioms = readCallbackIdioms(j, copy, callbackName, item.name ?? 'This function', this.program, this.bindings, this.takenNames);
    // `return fs.close(fd, (er) => …)` gives undefined either way: the call as a statement.
    splitVoidReturns(j, copy, (call) => returnsUndefinedForSure(this.apiOfCall(call, classNode, thisAliases)));
    blockBranchCalls(j, copy, callbackName);
    // Timers that start the next step (a retry, a poll) become awaits of the promise timer.
    const timers = rewriteTimerSteps(j, copy, this.program);
    const waits = rewriteTimerCallbacks(j, copy, callbackName, this.program);
    const loops = rewriteNextLoops(j, copy);
    const joins = rewriteCounterJoins(j, copy, callbackName, this.takenNames);
    const { steps, others: notSteps } = findStepFunctions(copy, callbackName);
    // Hand-ons to unknown callees the proof accepted (at the end of a path): only these are inlined as such.
    const handOnValues = agreedSuccessValues(copy, callbackName);
    const handOns = new Map<AnyNode, PromisableApi>();
    const handOnAssumed = (call: AnyNode): boolean | HandOnRefusal => {
      const api = this.handOnApi(call, handOnValues, classNode, thisAliases);
      if (!api) return false;
      // Only the policy stands in the way (--strict): refused as the unknown callee it would be.
      if (!this.ctx.options.allow.includes('timing/unknown-callee')) return { ruleId: 'timing/unknown-callee', messageId: 'unknownFunction', data: { name: api.name } };
      handOns.set(call, api);
      return true;
    };
    const protocol = checkCallbackProtocol(copy, callbackName, (call) => this.apiOfCall(call, classNode, thisAliases) !== undefined, allowSync || idioms.callsDeferred, new Set(loops.map((loop) => loop.loop)), {
      starts: new Set(joins.flatMap((join) => join.starts)),
      waits: new Set(joins.map((join) => join.wait)),
      guards: new Set(joins.flatMap((join) => (join.guard ? [join.guard] : []))),
    }, new Map(steps.map((step) => [step.name, step.declaration])), handOnAssumed);
    if (!protocol.ok) {
      forgetSelf();
      // Never called on a path that goes through a function of the body calling it: say which, and why it is no step.
      const notStep = protocol.messageId === 'maybeNeverCalled' ? notSteps[0] : undefined;
      if (notStep) return { ruleId: protocol.ruleId, messageId: 'stepNotAtTail', data: { callback: callbackName, step: notStep.name, how: notStep.how }, node: fn };
      return { ruleId: protocol.ruleId, messageId: protocol.messageId, data: protocol.data, node: protocol.node?.loc ? protocol.node : fn };
    }
    const perError = joins.find((join) => join.callsBackPerError);
    if (perError) {
      forgetSelf();
      const node = this.copiedFrom.get(perError.itemFunctions[perError.itemFunctions.length - 1]);
      return { ruleId: 'timing/multiple-callback-calls', messageId: 'oneErrorPerItem', data: { callback: callbackName }, node: node?.loc ? node : fn };
    }

    const restoreBindings = this.promiseBindings.checkpoint();
    const findings: FindingInput[] = [];
    const fail = (ruleId: string, message: MessageRef, node: AnyNode): Refusal => {
      swapFunction(item, copy, fn);
      restoreBindings();
      forgetSelf();
      return { ruleId, ...message, node: node?.loc ? node : fn };
    };
    swapFunction(item, fn, copy);
    if (!inlineHandedOnCallbacks(j, copy, callbackName, (call) => this.apiOfCall(call, classNode, thisAliases) ?? handOns.get(call))) {
      return fail('timing/callback-stored-or-escaping', { messageId: 'handedToUnknown', data: { callback: callbackName } }, fn);
    }
    for (const call of handOns.keys()) this.handedOn.set(call, { callback: callbackName, values: handOnValues! });
    const calls = rewriteCallbackCalls(j, copy, callbackName);
    if (!calls.ok) return fail(calls.ruleId, { messageId: calls.messageId, data: calls.data }, calls.node);
    // Counted again now that handed-on callbacks are inline: none on success makes the dual form call `cb(null)`.
    if (calls.valueCount === 0) selfApi.voidResult = true;
    else if (cycleApi?.voidResult) return fail('timing/error-handling-unclear', { messageId: 'callNotRewritten', data: { callback: callbackName } }, fn);
    const stepReturns = rewriteStepCalls(j, steps);
    for (const step of steps) this.ctx.ownAsyncFunctions.add(step.declaration);
    const callbackParam = copy.params[copy.params.length - 1];
    copy.params = copy.params.slice(0, -1);
    copy.async = true;
    if (this.rewriteContext.typescript) setPromiseReturnType(j, copy, callbackParam);
    this.ctx.ownAsyncFunctions.add(copy);
    for (const loop of loops) this.ctx.ownAsyncFunctions.add(loop.loop);
    for (const join of joins) for (const item of join.itemFunctions) this.ctx.ownAsyncFunctions.add(item);
    const wasChanged = this.changed;
    const created = new Set(calls.created);
    // A `throw err` made from `cb(err)` hands the error to the caller, as cb(err) did: not a new rejection.
    this.convertSites((finding) => {
      if (finding.ruleId === 'timing/throw-becomes-rejection' && (created.has(finding.node) || created.has(findThrowOfTest(copy, finding.node)))) return;
      findings.push(finding);
    }, liveRoute(this.program, item));
    const itemFunctions = joins.flatMap((join) => join.itemFunctions);
    const stepFunctions = steps.map((step) => step.declaration);
    if (referencesName(copy.body, callbackName) || !allOwnedBy(copy, [...calls.created, ...timers.awaits, ...stepReturns], [...itemFunctions, ...stepFunctions]) || !loops.every(continuesStayInLoop)) {
      this.changed = wasChanged;
      return fail('timing/error-handling-unclear', { messageId: 'callNotRewritten', data: { callback: callbackName } }, fn);
    }

    this.changed = true;
    tidyConvertedFunction(copy);
    for (const step of steps) tidyConvertedFunction(step.declaration);
    loops.forEach(dropTrailingContinue);
    dropDeadStepReturns(copy, timers);
    if (protocol.allowedSync && !idioms.callsDeferred) {
      report({ ruleId: 'timing/sync-callback-now-async', ...protocol.allowedSync, applied: true });
      this.syncApis.add(selfApi);
    }
    if (protocol.emptyLoop) report({ ruleId: 'timing/empty-collection-timing', ...protocol.emptyLoop, node: fn, applied: true });
    this.reportJoins(joins, fn, report);
    // One finding per API: the calls inside it that only moved into promise jobs are named in it.
    const moved = findings.filter((finding) => finding.ruleId === 'timing/callback-moved-to-microtask' && finding.messageId === 'operationCallback');
    for (const finding of findings) if (!moved.includes(finding)) report(finding);
    for (const binding of this.bindings) if (idioms.namesDropped.has(binding.local)) this.touched.add(binding);
    for (const finding of idioms.findings) report({ ...finding, node: finding.node === copy || !finding.node?.loc ? positionOf(item) : finding.node });
    const operations = [...new Set(moved.map((finding) => `${finding.data?.api ?? ''}`))].map((api) => `\`${api}\``);
    report({
      ruleId: 'timing/callback-moved-to-microtask',
      node: positionOf(item),
      messageId: operations.length > 0 ? 'functionNowAsyncAwaiting' : 'functionNowAsync',
      data: { name: item.name ?? 'This function', ...(operations.length > 0 && { operations: operations.join(', ') }) },
      applied: true,
    });
    for (const step of steps) {
      report({ ruleId: 'timing/callback-moved-to-microtask', messageId: 'stepNowAsync', data: { step: step.name, name: item.name ?? 'the function', callback: callbackName }, node: this.copiedFrom.get(step.declaration) ?? positionOf(item), applied: true });
    }
    this.timerAwaits.add(timers.callees);
    for (const timer of timers.timers) report({ ruleId: 'timing/callback-moved-to-microtask', messageId: 'timerCallback', data: { timer: 'setTimeout', what: 'timer' }, node: timer.loc ? timer : positionOf(item), applied: true });
    if (this.deferredWaits) this.deferredWaits.push(() => this.placeTimerWaits(waits, report));
    else this.placeTimerWaits(waits, report);
    this.converted.push({ item, fn: copy, api: selfApi, arity: idioms.arity ?? fn.params.length, callbackParam, prologue: idioms.prologue, originalParams, optionalCallback: idioms.optionalCallback });
    return undefined;
  }

  /**
   * Makes the inline task functions of an `async` package call async, all or none: the call
   * is only rewritten into native code when every task could be.
   */
  private convertAsyncTasks(site: CallSite, report: Report): Refusal | undefined {
    const keys = taskFunctionKeys(asyncMethods.get(site.name)!, site.call);
    if (!keys) {
      return isAsyncV2Test(asyncMethods.get(site.name)!, site.call)
        ? { ruleId: 'timing/callback-maybe-not-called', messageId: 'asyncV2Test', data: { method: site.name }, node: site.call }
        : { ruleId: 'timing/callback-not-inline', messageId: 'asyncTasksNotInline', node: site.call };
    }
    const findings: FindingInput[] = [];
    const done: Array<{ item: CallbackFunction; converted: ConvertedFunction }> = [];
    const restoreBindings = this.promiseBindings.checkpoint();
    const wasChanged = this.changed;
    for (const key of keys) {
      const taskPath = site.path.get(...key);
      const fn = taskPath.value;
      const last = fn.params[fn.params.length - 1];
      const failure = last?.type === 'Identifier'
        ? this.tryConvertFunction({ fn, callbackName: last.name, holder: taskPath.parentPath.value, key: taskPath.name, exported: false, route: routeOf(taskPath) }, (finding) => findings.push(finding))
        : { ruleId: 'timing/error-not-first-parameter', messageId: 'taskWithoutCallback', node: fn };
      if (failure) {
        for (const { item, converted } of done.reverse()) {
          swapFunction(item, converted.fn, item.fn);
          this.converted.splice(this.converted.indexOf(converted), 1);
        }
        restoreBindings();
        this.changed = wasChanged;
        return failure;
      }
      done.push({ item: this.converted[this.converted.length - 1].item, converted: this.converted[this.converted.length - 1] });
    }
    for (const finding of findings) report(finding);
    return undefined;
  }

  /** What a counter join changes: the empty list (several errors are refused by rewriteCounterJoins). */
  private reportJoins(joins: CounterJoin[], fn: AnyNode, report: Report): void {
    for (const join of joins) {
      if (join.forIn) report({ ruleId: 'timing/empty-collection-timing', messageId: 'forInInheritedKeys', node: join.starts[0].loc ? join.starts[0] : fn, applied: true });
      if (join.overList && !join.guard) {
        report({
          ruleId: 'timing/empty-collection-timing',
          messageId: 'emptyListNeverCalled',
          node: fn,
          applied: true,
        });
      }
    }
  }

  /** The API a callback function offers its callers once converted (registered before its trial: retries call it). */
  private selfApiOf(item: CallbackFunction): PromisableApi {
    const api = this.localApiFor(item, countSuccessValues(item.fn, item.callbackName));
    if (callsBackBare(item.fn, item.callbackName)) api.bareSuccess = true;
    return api;
  }

  /**
   * Functions that hand their callbacks to one another in a cycle, tried together: the proof is
   * by induction, as for a function that retries itself, with every member counted as converted
   * while each is tried. All are kept, or none (the copies swapped out again, the bindings and
   * findings of the trial dropped). Returns whether they converted.
   */
  private tryConvertCycle(group: CallbackFunction[]): boolean {
    // Bare `cb()` on every success path, through the other members too: callers' errors stay undefined on success.
    const callsBare = (item: CallbackFunction) => some(item.fn.body, (node) => node.type === 'CallExpression' && isIdentifierNamed(node.callee, item.callbackName) && node.arguments.length === 0);
    const bare = group.some(callsBare) && group.every((item) => !callsBackOtherThanBare(item, group));
    const forget = group.map((item) => {
      const api = this.selfApiOf(item);
      if (bare) api.bareSuccess = true;
      // Members that give nothing on success but what other members give: no value, checked once each is rewritten.
      if (passesNoValue(item, group)) api.voidResult = true;
      this.cycleApis.set(item, api);
      return this.registerLocalApi(item, api);
    });
    const findings: FindingInput[] = [];
    const waits: Array<() => void> = [];
    const restoreBindings = this.promiseBindings.checkpoint();
    const wasChanged = this.changed;
    const before = this.converted.length;
    this.deferredWaits = waits;
    const failed = group.some((item) => this.tryConvertFunction(item, (finding) => findings.push(finding)) !== undefined);
    this.deferredWaits = undefined;
    for (const item of group) this.cycleApis.delete(item);
    if (failed) {
      for (const converted of this.converted.splice(before).reverse()) swapFunction(converted.item, converted.fn, converted.item.fn);
      restoreBindings();
      this.changed = wasChanged;
      for (const undo of forget) undo();
      return false;
    }
    for (const place of waits) place();
    for (const finding of findings) this.ctx.report(finding);
    return true;
  }

  /** The pending functions that call one another in cycles (module-level ones: a nested one lives in its enclosing function's copy). */
  private pendingCycles(pending: Iterable<CallbackFunction>): CallbackFunction[][] {
    const items = [...pending].filter((item) => !item.nested);
    const calls = (item: CallbackFunction) => {
      const callees = new Set<CallbackFunction>();
      walk(item.fn, (node) => {
        if (node.type === 'CallExpression') for (const other of items) if (isCalledBy(other, node.callee)) callees.add(other);
      });
      return [...callees];
    };
    return callCycles(items, calls);
  }

  private localApiFor(item: CallbackFunction, valueCount: number): PromisableApi {
    return {
      module: 'local',
      // An export reached as `exports.x(…)` is named so in the findings of its callers.
      name: item.name ?? (soleExportName(this.program, item) ? calleeText(item.holder.left) : ''),
      access: 'direct',
      result: valueCount > 1 ? { kind: 'array', count: valueCount } : { kind: 'value' },
      minNode: 0,
      returnsUndefined: true,
    };
  }

  /** Names the timer waits of a kept conversion (`timers/promises`, or a delay helper below Node 16) and reports each. */
  private placeTimerWaits(waits: TimerWait[], report: Report): void {
    if (waits.length === 0) return;
    const runtime = detectRuntime(this.program, this.ctx.options.target, this.ctx.options.minNodeMajor);
    this.timerBindings ??= new TimerBindings(this.ctx.j, this.program, detectModuleStyle(this.program, this.ctx.path), this.takenNames, runtime, undefined);
    if (runtime.api === 'timers-promises') this.ctx.requireNode(timersPromisesSince, 'setTimeout and setImmediate from timers/promises');
    for (const wait of waits) {
      wait.call.callee = this.timerBindings.callee(wait.timer, false);
      if (runtime.api === 'timers-promises') convertDelay(this.ctx.j, wait);
      report({
        ruleId: 'timing/callback-moved-to-microtask',
        messageId: 'timerCallback',
        data: { timer: wait.timer, what: wait.timer === 'setImmediate' ? 'immediate' : 'timer' },
        node: wait.original,
        applied: true,
      });
    }
  }

  /** Makes the function's callers in this file awaitable; returns how to take that back. */
  private registerLocalApi(item: CallbackFunction, api: PromisableApi): () => void {
    // `exports.lock = function` called in its own file as `exports.lock(…)` (lockfile's retries).
    const exportName = soleExportName(this.program, item);
    if (exportName) return this.localApis.addObjectMethod('exports', exportName, api);
    if (!item.name) return () => {};
    if (item.nested) return this.localApis.addNestedFunction(item.name, item.fn.loc, api);
    if (!item.owner) return this.localApis.addFunction(item.name, api);
    if (item.owner.kind !== 'object') return this.localApis.addClassMethod(thisOwnerOf(item)!, item.name, api);
    if (item.owner.name) return this.localApis.addObjectMethod(item.owner.name, item.name, api);
    return () => {};
  }

  /**
   * Functions that callers may still call with a callback (exported ones, and those with a
   * call in this file that passes a callback) get the dual API, unless --api promise.
   */
  private keepCallbacksWorking(): void {
    if (this.converted.length === 0) return;
    const uses = usesByName(this.program, new Set(this.converted.flatMap((converted) => (converted.item.name && !converted.item.owner ? [converted.item.name] : []))));
    for (const converted of this.converted) {
      const { item, fn, arity } = converted;
      const use = item.name && !item.owner ? uses.get(item.name) : undefined;
      const calls = (use?.calls ?? []).filter((call) => !this.promiseCalls.has(call));
      const callsWithCallback = calls.filter((call) => call.arguments.length >= arity);
      if (converted.optionalCallback) reportCallsWithoutCallback(this.ctx.report, item.name ?? '', calls.filter((call) => call.arguments.length < arity));
      // Instances and objects travel: a method cannot know all its callers, so it stays dual.
      const visible = item.exported || !!use?.escapes || !!item.owner;
      const promiseOnly = this.ctx.options.api === 'promise' || (!!item.name && (this.ctx.options.promiseOnly ?? []).includes(item.name));
      const dual = callsWithCallback.length > 0 || (visible && !(promiseOnly && !item.owner));
      if (dual) {
        addDualApi(this.ctx.j, {
          fn,
          callbackParam: converted.callbackParam,
          api: converted.api,
          program: this.program,
          taken: this.takenNames,
          typescript: this.rewriteContext.typescript,
          prologue: converted.prologue,
          originalParams: converted.originalParams,
          name: item.name ?? assignedName(item),
        });
      }
      this.ctx.convertedApis.push({
        name: item.name ?? '',
        ...(item.owner && { owner: item.owner.kind === 'class' ? item.owner.node.id?.name ?? '' : item.owner.name ?? '' }),
        // A closure that escapes its enclosing function is not part of the module's interface.
        exported: item.exported || (!item.nested && !!use?.escapes),
        valueCount: converted.api.result.kind === 'array' ? converted.api.result.count : countSuccessValues(item.fn, item.callbackName),
        dual,
        line: positionOf(item).loc?.start.line ?? 1,
        lengthBefore: functionLength(item.fn),
        lengthAfter: functionLength(fn),
        ...(dual && withCallersLeft(callersLeftInFile(this.program, item.owner ? undefined : item.name, callsWithCallback))),
      });
      if (!dual) continue;
      for (const call of callsWithCallback) {
        this.ctx.report({
          ruleId: 'timing/extra-microtask-ticks',
          messageId: 'dualApiCallback',
          data: { name: item.name ?? '' },
          node: call,
          applied: true,
        });
      }
    }
  }
}

/** Whose `this` the item's `this.m(…)` calls reach: its class, or its prototype's constructor. */
function thisOwnerOf(item: CallbackFunction): ThisOwner | undefined {
  if (item.owner?.kind === 'class') return item.owner.node;
  return item.owner?.kind === 'prototype' ? item.owner.name : undefined;
}

/** Names the function binds to its own `this` in its body's top statements (`var self = this`). */
function thisAliasesOf(fn: AnyNode): Set<string> {
  const aliases = new Set<string>();
  if (fn.type === 'ArrowFunctionExpression' || fn.body?.type !== 'BlockStatement') return aliases;
  for (const statement of fn.body.body) {
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type === 'Identifier' && declarator.init?.type === 'ThisExpression') aliases.add(declarator.id.name);
    }
  }
  // A reassigned alias may name another object by the time it is called.
  walk(fn.body, (node) => {
    if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier') aliases.delete(node.left.name);
  });
  return aliases;
}

/** `exports.unlock = function (…)`: the property it is assigned to, for a function with no name of its own. */
/**
 * `x` for a function the file assigns once to `exports.x`, at module level, where nothing
 * reassigns `exports` or `module.exports` (which would part them): the file's own
 * `exports.x(…)` then reaches this function, as `obj.m(…)` reaches a method of the file's own
 * object. Undefined otherwise.
 */
function soleExportName(program: AnyNode, item: CallbackFunction): string | undefined {
  const holder = item.holder;
  if (item.nested || Array.isArray(holder) || holder?.type !== 'AssignmentExpression' || holder.operator !== '=') return undefined;
  const left = holder.left;
  if (left.type !== 'MemberExpression' || left.computed || !isIdentifierNamed(left.object, 'exports') || left.property.type !== 'Identifier') return undefined;
  const name = left.property.name;
  let writes = 0;
  let parted = false;
  walk(program, (node) => {
    if (node.type === 'AssignmentExpression' || node.type === 'UpdateExpression') {
      const target = node.type === 'AssignmentExpression' ? node.left : node.argument;
      if (isIdentifierNamed(target, 'exports') || (target.type === 'MemberExpression' && isIdentifierNamed(target.object, 'module') && isIdentifierNamed(target.property, 'exports'))) parted = true;
      if (target.type === 'MemberExpression' && isIdentifierNamed(target.object, 'exports') && (target.computed || isIdentifierNamed(target.property, name))) writes++;
    }
    if (node.type === 'VariableDeclarator' && isIdentifierNamed(node.id, 'exports')) parted = true;
    if (isFunctionNode(node) && node.params.some((param: AnyNode) => isIdentifierNamed(param, 'exports'))) parted = true;
  });
  return writes === 1 && !parted ? name : undefined;
}

/**
 * Does `item` call back on success with no value (`cb()`, `cb(er)`, `cb(null)`), handing its
 * callback on only to members of `group` (whose calls give no value either, by the same test)?
 */
function passesNoValue(item: CallbackFunction, group: readonly CallbackFunction[]): boolean {
  const cb = item.callbackName;
  return !some(item.fn.body, (node) => {
    if (node.type !== 'CallExpression') return false;
    if (isIdentifierNamed(node.callee, cb)) return node.arguments.length > 1;
    return node.arguments.some((argument: AnyNode) => isIdentifierNamed(argument, cb)) && !group.some((member) => isCalledBy(member, node.callee));
  });
}

/** May `item` call back on success other than as `cb()` (callback-calls.ts), its callback handed only to members of `group`? */
function callsBackOtherThanBare(item: CallbackFunction, group: readonly CallbackFunction[]): boolean {
  return mayCallBackOtherThanBare(item.fn, item.callbackName, (callee) => group.some((member) => isCalledBy(member, callee)));
}

function assignedName(item: CallbackFunction): string | undefined {
  const holder = item.holder;
  if (Array.isArray(holder) || holder?.type !== 'AssignmentExpression') return undefined;
  return holder.left.type === 'MemberExpression' && !holder.left.computed && holder.left.property.type === 'Identifier' ? holder.left.property.name : undefined;
}

function withCallersLeft(callers: CallerLeft[]): { callersLeft?: CallerLeft[] } {
  return callers.length > 0 ? { callersLeft: callers } : {};
}

/** What `fn.length` says: the parameters before the first one with a default or a rest. */
function functionLength(fn: AnyNode): number {
  const index = fn.params.findIndex((param: AnyNode) => param.type === 'AssignmentPattern' || param.type === 'RestElement');
  return index === -1 ? fn.params.length : index;
}

/**
 * A function refused for one of these may call back more than once or never (a promise of it
 * would lose calls), or the user asked that it stay as it is: its calls keep their callbacks even
 * with --allow timing/unknown-callee.
 */
const resultChangingRefusals = new Set(['timing/multiple-callback-calls', 'timing/callback-maybe-not-called', 'timing/event-emitter-callback', 'timing/ignored-by-comment']);

/** `… return settleCallback(…, cb)`: a function an earlier run converted behind the dual API. */
function isDualApi(item: CallbackFunction): boolean {
  const body = item.fn.body?.type === 'BlockStatement' ? item.fn.body.body : [];
  // The last statement: the original argument shifting may come first.
  const final = body[body.length - 1];
  const call = final?.type === 'ReturnStatement' ? final.argument : undefined;
  if (call?.type !== 'CallExpression' || call.callee.type !== 'Identifier' || !call.callee.name.startsWith(settleCallbackHelper.baseName)) return false;
  // `settleCallback(promise, cb)`, or with the count of values after it.
  const callback = call.arguments[1];
  return callback?.type === 'Identifier' && callback.name === item.callbackName;
}

/** Does the inline callback call or hand on `name` (not a parameter of its own of that name)? */
/** The function's parameters, and its `var cb = param || …` aliases of them. */
function callerCallbackNames(fn: AnyNode): string[] {
  const params: string[] = fn.params.filter((param: AnyNode) => param.type === 'Identifier').map((param: AnyNode) => param.name);
  const aliases: string[] = [];
  for (const statement of fn.body.type === 'BlockStatement' ? fn.body.body : []) {
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init;
      if (declarator.id.type === 'Identifier' && init?.type === 'LogicalExpression' && init.operator === '||' && init.left.type === 'Identifier' && params.includes(init.left.name)) aliases.push(declarator.id.name);
    }
  }
  return [...params, ...aliases];
}

/** Does the callback call `name` as an error-first callback: `name(null, …)` or `name(err)` with its own error? */
function callsBackErrorFirst(callback: AnyNode, name: string): boolean {
  if (!callsName(callback, name)) return false;
  const error = callback.params[0]?.type === 'Identifier' ? callback.params[0].name : undefined;
  return some(callback.body, (node) => node.type === 'CallExpression' && isIdentifierNamed(node.callee, name) && ((node.arguments.length > 0 && isNullish(node.arguments[0])) || (error !== undefined && isIdentifierNamed(node.arguments[0], error))));
}

function callsName(callback: AnyNode, name: string): boolean {
  if (callback.params.some((param: AnyNode) => isIdentifierNamed(param, name))) return false;
  return referencesName(callback.body, name);
}

/**
 * May this callee name the function? `f(…)` a plain function named f; `x.m(…)` a method m of a
 * class or object, or a function assigned to a property m (`module.exports.m = function`).
 */
function isCalledBy(item: CallbackFunction, callee: AnyNode): boolean {
  if (callee.type === 'Identifier') return !item.owner && item.holder?.type !== 'AssignmentExpression' && item.name === callee.name;
  if (callee.type !== 'MemberExpression' || callee.computed) return false;
  const name = callee.property.name;
  const holder = item.holder;
  if (holder?.type === 'AssignmentExpression') return holder.left.type === 'MemberExpression' && !holder.left.computed && holder.left.property.name === name;
  return item.owner !== undefined && item.name === name;
}
