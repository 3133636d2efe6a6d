import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { calleeText, inlineCallbackOf, isIdentifierNamed, isInlineFunction, some, type AnyNode } from '../shared/ast';
import { findPaths } from '../shared/paths';
import { isErrorParamName } from '../shared/error-names';
import type { ModuleBinding } from '../shared/module-bindings';
import { LocalApis } from './local-apis';
import { asyncMethods, isAsyncLibrarySpecifier } from './async-library';
import {
  findPromisableApi,
  findRefusedApi,
  toNodeModuleName,
  type NodeModuleName,
  type PromisableApi,
  type RefusedApi,
} from './node-api-table';
import { findPackageCallee, findSourceCallee, isKnownControlFlowVersion, type DependencyVersions } from './ecosystem/lookup';
import type { SourceSummary } from '../../types';
import { entriesOf } from './ecosystem/table';
import { knownFunctionThroughVariable } from './callee-variable';
import { optionBreaking } from './call-options';

/** A call of a Node core callback API. */
export interface CallSite {
  path: ASTPath<AnyNode>;
  call: AnyNode;
  module: NodeModuleName | 'local' | 'unknown' | 'async' | 'package';
  name: string;
  /** The import the callee comes through; undefined for a function of this file. */
  binding?: ModuleBinding;
  /** Set when the table knows a promise form. */
  api?: PromisableApi;
  /** Set when the table refuses this API. */
  refused?: RefusedApi;
  /** The last argument when it is an inline function. */
  callback?: AnyNode;
}

/** What the file's package tells about its callees (TransformOptions.dependencies, .gracefulFs). */
export interface CalleeKnowledge {
  dependencies?: DependencyVersions;
  /** The package calls graceful-fs's `gracefulify(fs)`: plain fs is patched at run time. */
  gracefulFs?: boolean;
  /** Dependencies' functions summarised from their source (TransformOptions.sourceSummaries). */
  sourceSummaries?: Readonly<Record<string, Readonly<Record<string, SourceSummary>>>>;
}

/** Bindings of packages the table lists, or whose source was summarised. */
function isKnownPackage(binding: ModuleBinding, knowledge: CalleeKnowledge): boolean {
  return entriesOf(binding.specifier).length > 0 || knowledge.sourceSummaries?.[binding.specifier] !== undefined;
}

function knownCallee(specifier: string, member: string, knowledge: CalleeKnowledge) {
  return findPackageCallee(specifier, member, knowledge.dependencies) ?? findSourceCallee(knowledge.sourceSummaries, specifier, member);
}

/** Is the path still where it was found: every link from it up to the root unchanged? */
export function isPathCurrent(path: ASTPath<AnyNode>): boolean {
  for (let current: AnyNode = path; current.parentPath; current = current.parentPath) {
    const holder = current.parentPath.value;
    if (!holder || holder[current.name] !== current.value) return false;
  }
  return true;
}

/** True when `name` at this path still means the module-level binding (not shadowed). */
function resolvesToModuleLevel(path: ASTPath<AnyNode>, name: string): boolean {
  const scope = path.scope?.lookup(name);
  return !!scope && (scope.isGlobal || scope.path?.value?.type === 'Program');
}

/** A module-level name, or CommonJS's own `exports` where nothing declares that name. */
function meansModuleObject(path: ASTPath<AnyNode>, name: string): boolean {
  return resolvesToModuleLevel(path, name) || (name === 'exports' && !path.scope?.lookup(name));
}

function calleeTarget(callee: AnyNode, bindings: ModuleBinding[]): { binding: ModuleBinding; name: string } | undefined {
  if (callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' && callee.property.type === 'Identifier') {
    const binding = bindings.find((b) => b.local === callee.object.name && b.imported === undefined);
    return binding && { binding, name: callee.property.name };
  }
  if (callee.type === 'Identifier') {
    const binding = bindings.find((b) => b.local === callee.name && b.imported !== undefined);
    return binding && { binding, name: binding.imported! };
  }
  return undefined;
}

/**
 * Does this call hand its last argument to a Node callback API (fs, child_process, dns, zlib,
 * crypto, through the file's import of the module), which calls back later, never at once?
 * Decided from the callee alone: the callback's parameter names say nothing about when it runs.
 */
export function callsBackLater(call: AnyNode, bindings: ModuleBinding[], knowledge: CalleeKnowledge = {}): boolean {
  if (call.type !== 'CallExpression' || !isInlineFunction(call.arguments[call.arguments.length - 1])) return false;
  const known = packageCalleeOf(call, bindings, knowledge);
  if (known?.kind === 'api' && known.api.known?.alwaysAsync) return true;
  const target = calleeTarget(call.callee, bindings.filter((binding) => toNodeModuleName(binding.specifier) !== undefined));
  if (!target) return false;
  const module = toNodeModuleName(target.binding.specifier)!;
  return findPromisableApi(module, target.name) !== undefined || findRefusedApi(module, target.name) !== undefined;
}

/** Methods that take callbacks which are not error-first, or that run them synchronously. */
const notCallbackApis = new Set([
  'then', 'catch', 'finally', 'forEach', 'map', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find',
  'findIndex', 'findLast', 'findLastIndex', 'flatMap', 'sort', 'on', 'once', 'addListener', 'prependListener',
  'prependOnceListener', 'addEventListener', 'removeListener', 'off', 'setTimeout', 'setInterval', 'setImmediate',
  'nextTick', 'queueMicrotask', 'describe', 'it', 'test', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll',
]);

// Methods that keep or hand out what they are given (a queue, a set, an event, a bound copy):
// a callback handed to one is stored, not called back.
const storingMethods = new Set(['push', 'unshift', 'splice', 'concat', 'set', 'add', 'emit', 'bind', 'resolve', 'reject', 'write', 'end', 'pipe']);

/**
 * `op(…, cb)` handing a callback on to a named callee that may be an error-first callback API:
 * not one that runs its argument synchronously, registers it, stores it or hands it to a stream.
 */
export function mayBeCallbackApiCall(call: AnyNode): boolean {
  if (call?.type !== 'CallExpression') return false;
  // Named as an unknown site is (isUnknownErrorFirstCall): `fs[chmod](p, mode, cb)` is none.
  const name = calleeName(call.callee);
  return name !== undefined && !notCallbackApis.has(name) && !storingMethods.has(name);
}

function calleeName(callee: AnyNode): string | undefined {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  return undefined;
}

/**
 * A call of a function awaitify knows nothing of, whose inline last argument is plainly an
 * error-first callback: first parameter named like an error and tested first (`if (err)`,
 * `if (!err)`, `if (er && er.code === 'ENOENT')`: the error leads the test) or handed on first
 * to a callback, as all it does (`function (er) { return cb(er) }`).
 */
export function isUnknownErrorFirstCall(call: AnyNode): boolean {
  if (!endsWithErrorFirstCallback(call)) return false;
  const callback = call.arguments[call.arguments.length - 1];
  const statement = callback.body.type === 'BlockStatement' ? callback.body.body[0] : undefined;
  if (!statement) return false;
  const name = callback.params[0].name;
  if (statement.type === 'IfStatement') return testLedBy(statement.test, name);
  // `function (er) { return cb(er) }`: all it does is hand the error on to a callback, first.
  if (callback.body.body.length !== 1) return false;
  const expression = statement.type === 'ReturnStatement' ? statement.argument : statement.type === 'ExpressionStatement' ? statement.expression : undefined;
  return expression?.type === 'CallExpression' && expression.callee.type === 'Identifier' && isIdentifierNamed(expression.arguments[0], name);
}

function testLedBy(test: AnyNode, name: string): boolean {
  if (test.type === 'LogicalExpression') return testLedBy(test.left, name);
  if (test.type === 'UnaryExpression' && test.operator === '!') return isIdentifierNamed(test.argument, name);
  return isIdentifierNamed(test, name);
}

/** The call's inline last argument takes an error first (`function (err, stats) { … }`). */
function endsWithErrorFirstCallback(call: AnyNode): boolean {
  const name = calleeName(call.callee);
  if (!name || notCallbackApis.has(name)) return false;
  const callback = call.arguments[call.arguments.length - 1];
  if (!isInlineFunction(callback)) return false;
  const first = callback.params[0];
  return !!first && first.type === 'Identifier' && isErrorParamName(first.name);
}

/**
 * `stat(p, function (err, st) { … })` where `stat` may be a local holding a known API (`var stat
 * = deref ? fs.stat : fs.lstat`): the variable is resolved whatever the callback does first.
 */
function mayCallThroughVariable(call: AnyNode): boolean {
  return call.callee.type === 'Identifier' && endsWithErrorFirstCallback(call);
}

/** `[function (cb) { … cb(err) }]`, `function (item, next) { … next() }`: functions given to a call that call back themselves. */
export function holdsCallbackSteps(argument: AnyNode): boolean {
  const steps = argument.type === 'ArrayExpression' ? argument.elements : [argument];
  return steps.some((step: AnyNode) => {
    if (!isInlineFunction(step) || step.params.length === 0) return false;
    const last = step.params[step.params.length - 1];
    return last.type === 'Identifier' && some(step.body, (node) => node.type === 'CallExpression' && [node.callee, ...node.arguments].some((part: AnyNode) => isIdentifierNamed(part, last.name)));
  });
}

/** `mkdirp(…)`, `gfs.readFile(…)`, `lock(…)`: the binding of a package the ecosystem table lists, and the member called (`''`: the module itself). */
function packageTarget(callee: AnyNode, bindings: ModuleBinding[]): { binding: ModuleBinding; member: string } | undefined {
  if (callee.type === 'Identifier') {
    const binding = bindings.find((b) => b.local === callee.name);
    return binding && { binding, member: binding.imported ?? '' };
  }
  if (callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' && callee.property.type === 'Identifier') {
    const binding = bindings.find((b) => b.local === callee.object.name && b.imported === undefined);
    return binding && { binding, member: callee.property.name };
  }
  return undefined;
}

function packageCalleeOf(call: AnyNode, bindings: ModuleBinding[], knowledge: CalleeKnowledge) {
  const target = packageTarget(call.callee, bindings.filter((binding) => isKnownPackage(binding, knowledge)));
  return target && knownCallee(target.binding.specifier, target.member, knowledge);
}

/** A call of a package function the ecosystem table knows, at the version the package has. */
function packageSite(path: ASTPath<AnyNode>, call: AnyNode, bindings: ModuleBinding[], knowledge: CalleeKnowledge): CallSite | undefined {
  const target = packageTarget(call.callee, bindings);
  if (!target) return undefined;
  const found = knownCallee(target.binding.specifier, target.member, knowledge);
  if (!found) return undefined;
  const breaking = found.kind === 'api' && found.unlessOption ? optionBreaking(path, call, found.unlessOption) : undefined;
  const known = breaking ? { kind: 'refused' as const, reason: breaking } : found;
  const last = call.arguments[call.arguments.length - 1];
  const name = calleeText(call.callee) || target.member;
  return {
    path,
    call,
    module: 'package',
    name,
    binding: target.binding,
    ...(known.kind === 'api' ? { api: { ...known.api, name } } : { refused: { module: 'package' as const, name, reason: known.reason } }),
    callback: isInlineFunction(last) ? last : undefined,
  };
}

/** `stat(p, cb)` where a local `stat` holds `fs.stat` or `fs.lstat` (callee-variable.ts): promisified at the call. */
function variableSite(path: ASTPath<AnyNode>, call: AnyNode, moduleBindings: ModuleBinding[], packageBindings: ModuleBinding[], knowledge: CalleeKnowledge): CallSite | undefined {
  const resolveMember = (member: AnyNode, at: ASTPath<AnyNode>): PromisableApi | undefined => {
    if (member.object.type !== 'Identifier' || member.property.type !== 'Identifier' || !resolvesToModuleLevel(at, member.object.name)) return undefined;
    const core = calleeTarget(member, moduleBindings);
    if (core) return findPromisableApi(toNodeModuleName(core.binding.specifier)!, core.name);
    const target = packageTarget(member, packageBindings);
    const known = target && findPackageCallee(target.binding.specifier, target.member, knowledge.dependencies);
    // An option-dependent callee (ncp) is judged at its calls: through a variable, left alone.
    return known?.kind === 'api' && known.api.known?.alwaysAsync && !known.unlessOption ? known.api : undefined;
  };
  const found = knownFunctionThroughVariable(path, call, resolveMember);
  if (!found) return undefined;
  const name = call.callee.name;
  return {
    path,
    call,
    module: 'package',
    name,
    api: {
      module: 'package',
      name,
      access: 'promisify-at-call',
      result: { kind: 'value' },
      minNode: 8,
      returnsUndefined: true,
      voidResult: found.apis[0].voidResult,
      known: { source: 'table', label: `${found.names.join(' or ')} through a variable`, alwaysAsync: true },
    },
    callback: call.arguments[call.arguments.length - 1],
  };
}

/** Plain fs in a package that calls gracefulify(fs): promisify at each call, so the patched function runs. */
function atCallTime(api: PromisableApi | undefined, module: NodeModuleName, knowledge: CalleeKnowledge): PromisableApi | undefined {
  if (!api || module !== 'fs' || !knowledge.gracefulFs) return api;
  return { ...api, access: 'promisify-at-call', minNode: Math.max(api.minNode, 8) };
}

function asyncLibrarySite(path: ASTPath<AnyNode>, call: AnyNode, name: string, binding: ModuleBinding): CallSite {
  const method = asyncMethods.get(name)!;
  const last = call.arguments[call.arguments.length - 1];
  return {
    path,
    call,
    module: 'async',
    name,
    binding,
    api: { module: 'async', name, access: 'native', result: { kind: 'value' }, minNode: 8, returnsUndefined: true, voidResult: method.result === 'none', valuesOnError: true },
    callback: isInlineFunction(last) ? last : undefined,
  };
}

function unknownSite(path: ASTPath<AnyNode>, call: AnyNode): CallSite {
  const callback = call.arguments[call.arguments.length - 1];
  const name = calleeText(call.callee) || '…';
  return {
    path,
    call,
    module: 'unknown',
    name,
    // What it passes along with an error is unknown: an error path that reads those values is refused.
    api: { module: 'unknown', name, access: 'wrapper', result: { kind: 'array', count: Math.max(0, callback.params.length - 1) }, minNode: 8, returnsUndefined: false, valuesOnError: true },
    callback,
  };
}

/** The call's last argument is an inline function with an empty body. */
function endsWithIgnoringCallback(call: AnyNode): boolean {
  const callback = inlineCallbackOf(call);
  return callback?.body.type === 'BlockStatement' && callback.body.body.length === 0;
}

/**
 * Every call of a known Node callback module's function, or of a function of this file that
 * awaitify made async (`localApis`, by name), outermost first.
 */
export function findCallSites(
  j: JSCodeshift,
  root: Collection,
  bindings: ModuleBinding[],
  localApis: LocalApis = new LocalApis(),
  skip: (call: AnyNode) => boolean = () => false,
  knowledge: CalleeKnowledge = {},
): CallSite[] {
  const moduleBindings = bindings.filter((binding) => toNodeModuleName(binding.specifier) !== undefined);
  const packageBindings = bindings.filter((binding) => isKnownPackage(binding, knowledge));
  const asyncBindings = bindings.filter((binding) => isAsyncLibrarySpecifier(binding.specifier) && isKnownControlFlowVersion(binding.specifier, knowledge.dependencies));
  const asyncMethodOf = (call: AnyNode) => {
    const target = calleeTarget(call.callee, asyncBindings);
    return target && asyncMethods.has(target.name) ? target : undefined;
  };
  // A plain walk finds the candidates; paths (for scopes and parents) are built only to them.
  // A call whose callback ignores the outcome (`fs.close(fd, () => {})`) is left as it is: nothing
  // waits for it, and its promise form would only add a `.catch(() => {})` to the diff. A call of a
  // function this file made async is still found, since that function may lose its callback form.
  const candidate = (call: AnyNode) =>
    !skip(call) &&
    (localApis.mayMatch(call.callee) ||
      (!endsWithIgnoringCallback(call) &&
        (calleeTarget(call.callee, moduleBindings) !== undefined || asyncMethodOf(call) !== undefined ||
          packageTarget(call.callee, packageBindings) !== undefined || isUnknownErrorFirstCall(call) || mayCallThroughVariable(call))));
  const sites: CallSite[] = [];
  const paths = root.paths().flatMap((rootPath: ASTPath<AnyNode>) => findPaths(rootPath, (node) => node.type === 'CallExpression' && candidate(node)));
  paths.forEach((path: ASTPath<AnyNode>) => {
    const call = path.value;
    const last = call.arguments[call.arguments.length - 1];
    const localApi = localApis.resolve(path, meansModuleObject);
    if (localApi) {
      sites.push({ path, call, module: 'local', name: localApi.name, api: localApi, callback: isInlineFunction(last) ? last : undefined });
      return;
    }
    const asyncMethod = asyncMethodOf(call);
    if (asyncMethod) {
      const local = call.callee.type === 'Identifier' ? call.callee.name : call.callee.object.name;
      if (resolvesToModuleLevel(path, local)) sites.push(asyncLibrarySite(path, call, asyncMethod.name, asyncMethod.binding));
      return;
    }
    const target = calleeTarget(call.callee, moduleBindings);
    if (!target) {
      const packageCall = packageTarget(call.callee, packageBindings);
      const local = packageCall && (call.callee.type === 'Identifier' ? call.callee.name : call.callee.object.name);
      const site = local && resolvesToModuleLevel(path, local) ? packageSite(path, call, packageBindings, knowledge) : undefined;
      const throughVariable = site || !mayCallThroughVariable(call) ? undefined : variableSite(path, call, moduleBindings, packageBindings, knowledge);
      if (site ?? throughVariable) sites.push((site ?? throughVariable)!);
      else if (isUnknownErrorFirstCall(call)) sites.push(unknownSite(path, call));
      return;
    }
    const local = call.callee.type === 'Identifier' ? call.callee.name : call.callee.object.name;
    if (!resolvesToModuleLevel(path, local)) return;
    const module = toNodeModuleName(target.binding.specifier)!;
    sites.push({
      path,
      call,
      module,
      name: target.name,
      binding: target.binding,
      api: atCallTime(findPromisableApi(module, target.name), module, knowledge),
      refused: findRefusedApi(module, target.name),
      callback: isInlineFunction(last) ? last : undefined,
    });
  });
  return sites;
}
