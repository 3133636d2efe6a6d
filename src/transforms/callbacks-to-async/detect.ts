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
import { callBackAlike, knownFunctionThroughVariable } from './callee-variable';
import { isIdentifierName, KeyEvaluator } from '../shared/key-values';
import { parentsOf } from './async-hosts';
import { optionBreaking } from './call-options';
import type { MemberAlias } from './member-aliases';

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
  /** Members set once to a module's function (member-aliases.ts), by the callee as written: `storage.writeFile`. */
  memberAliases?: ReadonlyMap<string, MemberAlias>;
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
  if (aliasedApi(call.callee, knowledge)) return true;
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
/** `fs.stat` (a Node module's or a listed drop-in's member, at module level) as the callback API it is. */
function memberApi(member: AnyNode, at: ASTPath<AnyNode>, moduleBindings: ModuleBinding[], packageBindings: ModuleBinding[], knowledge: CalleeKnowledge): PromisableApi | undefined {
  if (member.object.type !== 'Identifier' || member.property.type !== 'Identifier' || !resolvesToModuleLevel(at, member.object.name)) return undefined;
  const core = calleeTarget(member, moduleBindings);
  if (core) return findPromisableApi(toNodeModuleName(core.binding.specifier)!, core.name);
  const target = packageTarget(member, packageBindings);
  const known = target && findPackageCallee(target.binding.specifier, target.member, knowledge.dependencies);
  // An option-dependent callee (ncp) is judged at its calls: through a variable, left alone.
  return known?.kind === 'api' && known.api.known?.alwaysAsync && !known.unlessOption ? known.api : undefined;
}

/** A site of a known function reached through a name (a variable, a member, a computed key), promisified at the call: whatever the name holds when it runs is called, as before. */
function promisifiedAtCallSite(path: ASTPath<AnyNode>, call: AnyNode, name: string, api: Omit<PromisableApi, 'module' | 'name' | 'access' | 'known'>, label: string): CallSite {
  const last = call.arguments[call.arguments.length - 1];
  return {
    path,
    call,
    module: 'package',
    name,
    api: { ...api, module: 'package', name, access: 'promisify-at-call', minNode: Math.max(api.minNode, 8), known: { source: 'table', label, alwaysAsync: true } },
    callback: isInlineFunction(last) ? last : undefined,
  };
}

/** What several functions that call back alike (once, later, one value) share, for a site that may call any of them. */
function sharedApi(apis: PromisableApi[]): Omit<PromisableApi, 'module' | 'name' | 'access' | 'known'> {
  return { result: { kind: 'value' }, minNode: 8, returnsUndefined: true, voidResult: apis[0].voidResult };
}

function variableSite(path: ASTPath<AnyNode>, call: AnyNode, moduleBindings: ModuleBinding[], packageBindings: ModuleBinding[], knowledge: CalleeKnowledge): CallSite | undefined {
  const found = knownFunctionThroughVariable(path, call, (member, at) => memberApi(member, at, moduleBindings, packageBindings, knowledge));
  if (!found) return undefined;
  return promisifiedAtCallSite(path, call, call.callee.name, sharedApi(found.apis), `${found.names.join(' or ')} through a variable`);
}

/** `fs[chown](…)`: a computed member of a Node module or a listed drop-in, called with a callback last. */
function mayCallComputedMember(call: AnyNode): boolean {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || !callee.computed || callee.object.type !== 'Identifier') return false;
  const last = call.arguments[call.arguments.length - 1];
  return isInlineFunction(last) || last?.type === 'Identifier';
}

/**
 * `var chown = follow ? 'chown' : 'lchown'; … fs[chown](p, uid, gid, cb)` (fstream): the key is
 * one of a few names (key-values.ts reads every value written to it), each a callback function
 * of the module that calls back alike: through `util.promisify(fs[chown])` at the call, which is
 * right whichever name the key holds.
 */
function computedMemberSite(path: ASTPath<AnyNode>, call: AnyNode, keys: () => KeyEvaluator, moduleBindings: ModuleBinding[], packageBindings: ModuleBinding[], knowledge: CalleeKnowledge): CallSite | undefined {
  const { object, property } = call.callee;
  if (![...moduleBindings, ...packageBindings].some((binding) => binding.local === object.name && binding.imported === undefined)) return undefined;
  const key = keys().valueOf(property);
  if (key.kind !== 'names' || key.names.length === 0 || !key.names.every(isIdentifierName)) return undefined;
  const members = key.names.map((name) => ({ type: 'MemberExpression', computed: false, object, property: { type: 'Identifier', name } }));
  const apis = members.map((member) => memberApi(member, path, moduleBindings, packageBindings, knowledge));
  if (!callBackAlike(apis)) return undefined;
  return promisifiedAtCallSite(path, call, calleeText(call.callee) || `${object.name}[…]`, sharedApi(apis), `${key.names.map((name) => `${object.name}.${name}`).join(' or ')} by a computed key`);
}

/** Plain fs in a package that calls gracefulify(fs): promisify at each call, so the patched function runs. */
function atCallTime(api: PromisableApi | undefined, module: NodeModuleName, knowledge: CalleeKnowledge): PromisableApi | undefined {
  if (!api || module !== 'fs' || !knowledge.gracefulFs) return api;
  return { ...api, access: 'promisify-at-call', minNode: Math.max(api.minNode, 8) };
}

/** `storage.writeFile` where the file set `storage.writeFile = fs.writeFile` (member-aliases.ts): that function's API, when it calls back once, later, with one value. */
function aliasedApi(callee: AnyNode, knowledge: CalleeKnowledge): { api: PromisableApi; label: string } | undefined {
  if (!knowledge.memberAliases || callee.type !== 'MemberExpression' || callee.computed || callee.object.type !== 'Identifier' || callee.property.type !== 'Identifier') return undefined;
  const alias = knowledge.memberAliases.get(`${callee.object.name}.${callee.property.name}`);
  if (!alias) return undefined;
  const label = alias.member ? `${alias.specifier}.${alias.member}` : alias.specifier;
  const module = toNodeModuleName(alias.specifier);
  if (module) {
    const api = findPromisableApi(module, alias.member);
    return api && api.result.kind === 'value' && !api.valuesOnError ? { api, label: `${module}.${alias.member}` } : undefined;
  }
  const known = findPackageCallee(alias.specifier, alias.member, knowledge.dependencies);
  // An option-dependent callee (ncp) is judged at its calls: through a member, left alone.
  if (known?.kind !== 'api' || !known.api.known?.alwaysAsync || known.unlessOption || known.api.result.kind !== 'value' || known.api.valuesOnError) return undefined;
  return { api: known.api, label };
}

/** `storage.writeFile(…, cb)` through a member set to `fs.writeFile`: promisified at the call, so the member is read when it runs, as before. */
function aliasSite(path: ASTPath<AnyNode>, call: AnyNode, knowledge: CalleeKnowledge): CallSite | undefined {
  const found = aliasedApi(call.callee, knowledge);
  if (!found || !resolvesToModuleLevel(path, call.callee.object.name) || !isInsideFunction(path)) return undefined;
  const name = calleeText(call.callee)!;
  return promisifiedAtCallSite(path, call, name, found.api, `${found.label} through ${name}`);
}

/** Module-level code may run before the member is set; a function's body runs once the module has loaded. */
function isInsideFunction(path: ASTPath<AnyNode>): boolean {
  for (let current = path.parentPath; current; current = current.parentPath) {
    const type = current.value?.type;
    if (type === 'FunctionExpression' || type === 'FunctionDeclaration' || type === 'ArrowFunctionExpression' || type === 'ObjectMethod' || type === 'ClassMethod') return true;
  }
  return false;
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

/**
 * An argument that is no function whatever it holds: a literal, an object or array literal, an
 * operator's result, a `Math` call (nedb's `crypto.randomBytes(Math.ceil(…))`), or none at all.
 */
function cannotBeFunction(path: ASTPath<AnyNode>, node: AnyNode | undefined): boolean {
  if (!node) return true;
  if (/Literal$/.test(node.type) || ['ObjectExpression', 'ArrayExpression', 'BinaryExpression', 'UnaryExpression', 'UpdateExpression'].includes(node.type)) return true;
  const callee = node.type === 'CallExpression' ? node.callee : undefined;
  return callee?.type === 'MemberExpression' && !callee.computed && isIdentifierNamed(callee.object, 'Math') && !path.scope?.lookup('Math');
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
          packageTarget(call.callee, packageBindings) !== undefined || aliasedApi(call.callee, knowledge) !== undefined ||
          isUnknownErrorFirstCall(call) || mayCallThroughVariable(call) || mayCallComputedMember(call))));
  const sites: CallSite[] = [];
  // Built once, and only for a file that calls a computed member.
  let evaluator: KeyEvaluator | undefined;
  const keys = () => (evaluator ??= new KeyEvaluator(parentsOf(root.paths()[0].value)));
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
    const aliased = aliasSite(path, call, knowledge);
    if (aliased) {
      sites.push(aliased);
      return;
    }
    const target = calleeTarget(call.callee, moduleBindings);
    if (!target) {
      const packageCall = packageTarget(call.callee, packageBindings);
      const local = packageCall && (call.callee.type === 'Identifier' ? call.callee.name : call.callee.object.name);
      const site = local && resolvesToModuleLevel(path, local) ? packageSite(path, call, packageBindings, knowledge) : undefined;
      const throughVariable = site || !mayCallThroughVariable(call) ? undefined : variableSite(path, call, moduleBindings, packageBindings, knowledge);
      const computed = site || throughVariable || !mayCallComputedMember(call) ? undefined : computedMemberSite(path, call, keys, moduleBindings, packageBindings, knowledge);
      if (site ?? throughVariable ?? computed) sites.push((site ?? throughVariable ?? computed)!);
      else if (isUnknownErrorFirstCall(call)) sites.push(unknownSite(path, call));
      return;
    }
    const local = call.callee.type === 'Identifier' ? call.callee.name : call.callee.object.name;
    if (!resolvesToModuleLevel(path, local)) return;
    // `crypto.randomBytes(Math.ceil(n))`: the synchronous form, with no callback at all.
    if (!isInlineFunction(last) && cannotBeFunction(path, last)) return;
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
