import type { ASTPath } from 'jscodeshift';
import type { TransformContext } from '../transform';
import { findAll, isCallOf, isIdentifierNamed, patternNames, some, type AnyNode } from '../shared/ast';
import { detectModuleStyle, findModuleBindings, type ModuleBinding } from '../shared/module-bindings';
import { findPromisableApi, toNodeModuleName, type PromisableApi } from '../callbacks-to-async/node-api-table';
import { PromiseBindings, removeUnusedBindings } from '../callbacks-to-async/promise-bindings';
import { enclosingFunction, findPromiseSources, isInAwaitifyHelper, type PromiseSources } from './detect';
import { namesOutside, refuseFunctionNotAsyncable } from './plan';
import type { RewriteContext } from './rewrite';

/**
 * `new Promise((resolve, reject) => api(args, (err, value) => …))` whose callback rejects with
 * the error and resolves with the first value is the API's own promise form, and
 * `util.promisify(fs.x)` is `fsp.x`: both take the Node API table's promise form (shared with
 * callbacks-to-async). The wrapper's callback may do nothing but settle; a wrapper whose
 * callback runs more code is left for a person (see the README).
 */

interface WrapperCall {
  api: PromisableApi;
  binding: ModuleBinding;
  args: AnyNode[];
  label: string;
}

/** A callback that runs more code than the settling: the returned wrapper becomes awaits in its function. */
interface ExtraCode {
  rest: AnyNode[];
  resolveIndex: number;
  value?: AnyNode;
  returnPath: ASTPath<AnyNode>;
  fnPath: ASTPath<AnyNode>;
}

type WrapperPlan = { kind: 'convert'; call: WrapperCall; extra?: ExtraCode } | { kind: 'skip'; messageId: string; data?: Record<string, string> };

/** The Node API a callee names through the file's require/import of a core module. */
function resolveNodeApi(callee: AnyNode, bindings: ModuleBinding[]): { module: string; name: string; binding: ModuleBinding } | undefined {
  const fromBinding = (local: string) => bindings.find((binding) => binding.local === local);
  if (callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier') {
    const binding = fromBinding(callee.object.name);
    const module = binding && binding.imported === undefined ? toNodeModuleName(binding.specifier) : undefined;
    return binding && module ? { module, name: callee.property.name, binding } : undefined;
  }
  if (callee.type === 'Identifier') {
    const binding = fromBinding(callee.name);
    const module = binding?.imported ? toNodeModuleName(binding.specifier) : undefined;
    return binding && module ? { module, name: binding.imported!, binding } : undefined;
  }
  return undefined;
}

function isFunctionArg(node: AnyNode): boolean {
  return node?.type === 'ArrowFunctionExpression' || (node?.type === 'FunctionExpression' && !node.generator);
}

function onlyStatement(fn: AnyNode): AnyNode | undefined {
  if (fn.body.type !== 'BlockStatement') return fn.body;
  if (fn.body.body.length !== 1 || fn.body.body[0].type !== 'ExpressionStatement') return undefined;
  return fn.body.body[0].expression;
}

/** `reject(err)` as an expression, or a block/statement that is `return reject(err)` / `{ reject(err); return; }`. */
function isRejectWith(node: AnyNode, reject: string, err: string): boolean {
  if (!node) return false;
  if (node.type === 'CallExpression') return isCallOf(node, reject) && node.arguments.length === 1 && node.arguments[0].type === 'Identifier' && node.arguments[0].name === err;
  if (node.type === 'ExpressionStatement') return isRejectWith(node.expression, reject, err);
  if (node.type === 'ReturnStatement') return isRejectWith(node.argument, reject, err);
  if (node.type === 'BlockStatement') {
    const [first, second] = node.body;
    if (node.body.length === 1) return isRejectWith(first, reject, err);
    return node.body.length === 2 && isRejectWith(first, reject, err) && second.type === 'ReturnStatement' && !second.argument;
  }
  return false;
}

/** `resolve(value)` or `resolve()`, as an expression or statement. */
function isResolveWith(node: AnyNode, resolve: string, value: string | undefined): boolean {
  if (!node) return false;
  if (node.type === 'ExpressionStatement') return isResolveWith(node.expression, resolve, value);
  if (node.type === 'BlockStatement') return node.body.length === 1 && isResolveWith(node.body[0], resolve, value);
  if (node.type !== 'CallExpression' || !isCallOf(node, resolve)) return false;
  if (node.arguments.length === 0) return true;
  return node.arguments.length === 1 && value !== undefined && node.arguments[0].type === 'Identifier' && node.arguments[0].name === value;
}

/**
 * Does the callback reject with its error and resolve with its first value? A message id when
 * not; else the code it runs besides (`rest`, around one top-level `resolve(…)` statement).
 */
function readCallbackBody(callback: AnyNode, resolve: string, reject: string): string | { rest: AnyNode[]; resolveIndex: number } | undefined {
  const [errParam, valueParam] = callback.params;
  if (errParam?.type !== 'Identifier' || callback.params.length > 2 || (valueParam && valueParam.type !== 'Identifier')) return 'wrapperValueShape';
  const err = errParam.name;
  const value = valueParam?.name;
  const body = callback.body;
  const isErr = (test: AnyNode) => test.type === 'Identifier' && test.name === err;
  if (body.type !== 'BlockStatement') {
    if (body.type === 'ConditionalExpression' && isErr(body.test) && isRejectWith(body.consequent, reject, err) && isResolveWith(body.alternate, resolve, value)) return undefined;
    return 'wrapperShape';
  }
  const [first, second] = body.body;
  if (first?.type !== 'IfStatement' || !isErr(first.test)) return 'wrapperShape';
  if (!isRejectWith(first.consequent, reject, err)) return 'wrapperMaybeNotSettled';
  if (first.alternate) return body.body.length === 1 && isResolveWith(first.alternate, resolve, value) ? undefined : 'wrapperShape';
  const guardExits = first.consequent.type === 'ReturnStatement' || (first.consequent.type === 'BlockStatement' && first.consequent.body.some((s: AnyNode) => s.type === 'ReturnStatement'));
  if (!guardExits) return 'wrapperShape';
  if (body.body.length === 2 && isResolveWith(second, resolve, value)) return undefined;
  const rest: AnyNode[] = body.body.slice(1);
  const resolveIndex = rest.findIndex((statement) => isResolveWith(statement, resolve, value));
  if (resolveIndex === -1) return some(body, (node) => isCallOf(node, resolve)) ? 'wrapperMaybeNotSettled' : 'wrapperShape';
  // The rest runs straight through, reads neither settle function again, and leaves the value as it was.
  const others = rest.filter((_, index) => index !== resolveIndex);
  const bad = others.some((statement) => some(statement, (node) =>
    node.type === 'ReturnStatement' || node.type === 'AwaitExpression' || node.type === 'YieldExpression' ||
    node.type === 'ThisExpression' || (node.type === 'Identifier' && (node.name === resolve || node.name === reject || node.name === err || node.name === 'arguments')) ||
    ((node.type === 'AssignmentExpression' || node.type === 'UpdateExpression') && some(node.left ?? node.argument, (n) => n.type === 'Identifier' && (n.name === value || n.name === err)))));
  return bad ? 'wrapperShape' : { rest, resolveIndex };
}

function planWrapper(path: ASTPath<AnyNode>, bindings: ModuleBinding[], minNodeMajor: number | undefined, sources: PromiseSources, gracefulFs: boolean): WrapperPlan | undefined {
  const node = path.value;
  const executor = node.arguments[0];
  if (node.arguments.length !== 1 || !isFunctionArg(executor)) return undefined;
  const [resolveParam, rejectParam] = executor.params;
  if (resolveParam?.type !== 'Identifier' || rejectParam?.type !== 'Identifier' || executor.params.length !== 2) return undefined;
  const call = onlyStatement(executor);
  if (call?.type !== 'CallExpression') return { kind: 'skip', messageId: 'wrapperShape' };
  const callback = call.arguments[call.arguments.length - 1];
  if (!isFunctionArg(callback)) return { kind: 'skip', messageId: 'wrapperShape' };
  if (callback.type === 'FunctionExpression' && some(callback.body, (n) => n.type === 'ThisExpression' || (n.type === 'Identifier' && n.name === 'arguments'), { skipNonArrowFunctions: true })) {
    return { kind: 'skip', messageId: 'wrapperShape' };
  }
  const resolved = resolveNodeApi(call.callee, bindings);
  const api = resolved && findPromisableApi(resolved.module as never, resolved.name);
  const label = resolved ? `${resolved.module}.${resolved.name}` : 'the called function';
  // A gracefulify(fs) package patches plain fs at run time; fs/promises would bypass the patch.
  const patchedFs = gracefulFs && resolved?.module === 'fs';
  if (!resolved || !api || patchedFs || api.access !== 'promises' || api.result.kind !== 'value' || (minNodeMajor !== undefined && minNodeMajor < api.minNode)) {
    return { kind: 'skip', messageId: 'wrapperUnknownApi', data: { api: label } };
  }
  const read = readCallbackBody(callback, resolveParam.name, rejectParam.name);
  if (typeof read === 'string') return { kind: 'skip', messageId: read };
  // The executor's parameters must be used only where read above (a resolve passed on would escape).
  const uses = findAll(executor.body, (n) => n.type === 'Identifier' && (n.name === resolveParam.name || n.name === rejectParam.name));
  if (uses.length > 2) return { kind: 'skip', messageId: 'wrapperShape' };
  const wrapperCall = { api, binding: resolved.binding, args: call.arguments.slice(0, -1), label };
  if (!read) return { kind: 'convert', call: wrapperCall };
  // More code in the callback: only a wrapper its function returns, where awaits can take its place.
  const fnPath = enclosingFunction(path);
  if (path.parent.value.type !== 'ReturnStatement' || !fnPath || fnPath.value.body.type !== 'BlockStatement') return { kind: 'skip', messageId: 'wrapperCodeNotReturned' };
  if (!fnPath.value.async && refuseFunctionNotAsyncable(fnPath, sources)) return { kind: 'skip', messageId: 'wrapperCodeNotReturned' };
  const value = callback.params[1];
  const outside = namesOutside(fnPath.value, node);
  const brought = [...(value ? [value.name] : []), ...read.rest.flatMap((statement) => (statement.type === 'VariableDeclaration' ? statement.declarations.flatMap((d: AnyNode) => patternNames(d.id)) : []))];
  if (brought.some((name) => outside.has(name))) return { kind: 'skip', messageId: 'wrapperShape' };
  return { kind: 'convert', call: wrapperCall, extra: { ...read, value, returnPath: path.parent, fnPath } };
}

/** `const value = await api(args); …rest…; return value;` in place of `return new Promise(…)`. */
function applyExtraCode(ctx: TransformContext, extra: ExtraCode, call: AnyNode): void {
  const { j } = ctx;
  const start = extra.value
    ? j.variableDeclaration('const', [j.variableDeclarator(extra.value, j.awaitExpression(call))])
    : j.expressionStatement(j.awaitExpression(call));
  const rest = extra.rest.filter((_, index) => index !== extra.resolveIndex);
  extra.rest.forEach((statement, index) => {
    if (index === extra.resolveIndex) return;
    for (const thrown of findAll(statement, (node) => node.type === 'ThrowStatement', { skipFunctions: true })) {
      ctx.report({ ruleId: 'timing/throw-becomes-rejection', messageId: index > extra.resolveIndex ? 'throwAfterResolve' : 'throwInCallback', node: thrown, applied: true });
    }
  });
  const statements = [start, ...rest, j.returnStatement(extra.value ? j.identifier(extra.value.name) : null)];
  const parent = extra.returnPath.parent.value;
  const list: AnyNode[] = Array.isArray(parent.body) ? parent.body : [];
  const index = list.indexOf(extra.returnPath.value);
  if (index === -1) extra.returnPath.replace(j.blockStatement(statements));
  else {
    if (extra.returnPath.value.comments) start.comments = extra.returnPath.value.comments;
    const last = statements[statements.length - 1];
    const isFunctionEnd = parent === extra.fnPath.value.body && index === list.length - 1;
    list.splice(index, 1, ...(isFunctionEnd && !last.argument ? statements.slice(0, -1) : statements));
  }
  if (!extra.fnPath.value.async) {
    extra.fnPath.value.async = true;
    ctx.report({ ruleId: 'timing/throw-becomes-rejection', messageId: 'wrapperFunctionNowAsync', data: { name: extra.fnPath.value.id?.name ?? 'the function' }, node: extra.fnPath.value, applied: true });
  }
}

/** `util.promisify(fs.readFile)` (or `promisify(readFile)`): the API with a promise form, or undefined. */
function promisifiedApi(node: AnyNode, bindings: ModuleBinding[], gracefulFs: boolean): WrapperCall | undefined {
  const callee = node.callee;
  const isPromisify =
    (callee.type === 'Identifier' && bindings.some((b) => b.local === callee.name && b.imported === 'promisify' && toNodeModuleName(b.specifier) === undefined && /^(node:)?util$/.test(b.specifier))) ||
    (callee.type === 'MemberExpression' && !callee.computed && callee.property.name === 'promisify' && callee.object.type === 'Identifier' && bindings.some((b) => b.local === callee.object.name && b.imported === undefined && /^(node:)?util$/.test(b.specifier)));
  if (!isPromisify || node.arguments.length !== 1) return undefined;
  const resolved = resolveNodeApi(node.arguments[0], bindings);
  const api = resolved && findPromisableApi(resolved.module as never, resolved.name);
  if (!resolved || !api || api.access !== 'promises') return undefined;
  // Where the package calls gracefulify(fs), plain fs is patched at run time and fs/promises is not.
  if (gracefulFs && resolved.module === 'fs') return undefined;
  return { api, binding: resolved.binding, args: [], label: `${resolved.module}.${resolved.name}` };
}

/** Rewrites the file's promise wrappers and promisify calls of Node APIs; true when any changed. */
export function convertWrappers(ctx: TransformContext, rewrite: RewriteContext): boolean {
  const { j, root } = ctx;
  const program: AnyNode = root.get().value.program;
  const bindings = findModuleBindings(program);
  const promiseBindings = new PromiseBindings(j, program, detectModuleStyle(program, ctx.path), rewrite.takenNames, ctx.options.minNodeMajor);
  const touched = new Set<ModuleBinding>();
  const sources = findPromiseSources(program);
  const skipped = (node: AnyNode) => node.loc && ctx.options.skipLines?.has(node.loc.start.line);

  // Plain walks first: the path-building searches below cost far more, and find nothing without a
  // `new Promise`, or without a call promisifiedApi reads (it needs no path).
  const newPromise = some(program, (node) => node.type === 'NewExpression' && isIdentifierNamed(node.callee, 'Promise'));
  if (newPromise) root.find(j.NewExpression, { callee: { type: 'Identifier', name: 'Promise' } }).forEach((path: ASTPath<AnyNode>) => {
    if (isInAwaitifyHelper(path)) return;
    const plan = planWrapper(path, bindings, ctx.options.minNodeMajor, sources, ctx.options.gracefulFs === true);
    if (!plan) return;
    if (plan.kind === 'skip') {
      ctx.report({ ruleId: 'timing/promise-wrapper-not-converted', messageId: plan.messageId, data: plan.data, node: path.value, applied: false });
      return;
    }
    if (skipped(path.value)) return;
    const replacement = j.callExpression(promiseBindings.calleeFor(plan.call.api, plan.call.binding), plan.call.args);
    ctx.report({ ruleId: 'timing/promise-wrapper-replaced', messageId: plan.extra ? 'wrapperAwaited' : 'wrapperReplaced', data: { api: plan.call.label }, node: path.value, applied: true });
    touched.add(plan.call.binding);
    if (plan.extra) applyExtraCode(ctx, plan.extra, replacement);
    else path.replace(replacement);
  });

  const promisifies = some(program, (node) => (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') && promisifiedApi(node, bindings, ctx.options.gracefulFs === true) !== undefined);
  if (promisifies) root.find(j.CallExpression).forEach((path: ASTPath<AnyNode>) => {
    const call = promisifiedApi(path.value, bindings, ctx.options.gracefulFs === true);
    if (!call || skipped(path.value)) return;
    ctx.report({ ruleId: 'timing/promise-wrapper-replaced', messageId: 'promisifyReplaced', data: { api: call.label }, node: path.value, applied: true });
    touched.add(call.binding);
    for (const util of bindings.filter((b) => /^(node:)?util$/.test(b.specifier))) touched.add(util);
    path.replace(promiseBindings.calleeFor(call.api, call.binding));
  });

  if (touched.size === 0) return false;
  promiseBindings.flush();
  for (const requirement of promiseBindings.requirements) ctx.requireNode(requirement.major, requirement.feature);
  removeUnusedBindings(program, [...touched]);
  return true;
}
