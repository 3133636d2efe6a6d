import type { ASTPath } from 'jscodeshift';
import type { TransformContext } from '../transform';
import { findAll, isCallOf, some, type AnyNode } from '../shared/ast';
import { detectModuleStyle, findModuleBindings, type ModuleBinding } from '../shared/module-bindings';
import { findPromisableApi, toNodeModuleName, type PromisableApi } from '../callbacks-to-async/node-api-table';
import { PromiseBindings, removeUnusedBindings } from '../callbacks-to-async/promise-bindings';
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

type WrapperPlan = { kind: 'convert'; call: WrapperCall } | { kind: 'skip'; messageId: string; data?: Record<string, string> };

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

/** Does the callback reject with its error and resolve with its first value, and do nothing else? */
function readCallbackBody(callback: AnyNode, resolve: string, reject: string): string | undefined {
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
  const resolvesSomewhere = some(body, (node) => isCallOf(node, resolve));
  return resolvesSomewhere && !body.body.slice(1).some((s: AnyNode) => isResolveWith(s, resolve, value)) ? 'wrapperMaybeNotSettled' : 'wrapperShape';
}

function planWrapper(node: AnyNode, bindings: ModuleBinding[], minNodeMajor: number | undefined): WrapperPlan | undefined {
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
  if (!resolved || !api || api.access !== 'promises' || api.result.kind !== 'value' || (minNodeMajor !== undefined && minNodeMajor < api.minNode)) {
    return { kind: 'skip', messageId: 'wrapperUnknownApi', data: { api: label } };
  }
  const problem = readCallbackBody(callback, resolveParam.name, rejectParam.name);
  if (problem) return { kind: 'skip', messageId: problem };
  // The executor's parameters must be used only where read above (a resolve passed on would escape).
  const uses = findAll(executor.body, (n) => n.type === 'Identifier' && (n.name === resolveParam.name || n.name === rejectParam.name));
  if (uses.length > 2) return { kind: 'skip', messageId: 'wrapperShape' };
  return { kind: 'convert', call: { api, binding: resolved.binding, args: call.arguments.slice(0, -1), label } };
}

/** `util.promisify(fs.readFile)` (or `promisify(readFile)`): the API with a promise form, or undefined. */
function promisifiedApi(node: AnyNode, bindings: ModuleBinding[]): WrapperCall | undefined {
  const callee = node.callee;
  const isPromisify =
    (callee.type === 'Identifier' && bindings.some((b) => b.local === callee.name && b.imported === 'promisify' && toNodeModuleName(b.specifier) === undefined && /^(node:)?util$/.test(b.specifier))) ||
    (callee.type === 'MemberExpression' && !callee.computed && callee.property.name === 'promisify' && callee.object.type === 'Identifier' && bindings.some((b) => b.local === callee.object.name && b.imported === undefined && /^(node:)?util$/.test(b.specifier)));
  if (!isPromisify || node.arguments.length !== 1) return undefined;
  const resolved = resolveNodeApi(node.arguments[0], bindings);
  const api = resolved && findPromisableApi(resolved.module as never, resolved.name);
  if (!resolved || !api || api.access !== 'promises') return undefined;
  return { api, binding: resolved.binding, args: [], label: `${resolved.module}.${resolved.name}` };
}

/** Rewrites the file's promise wrappers and promisify calls of Node APIs; true when any changed. */
export function convertWrappers(ctx: TransformContext, rewrite: RewriteContext): boolean {
  const { j, root } = ctx;
  const program: AnyNode = root.get().value.program;
  const bindings = findModuleBindings(program);
  const promiseBindings = new PromiseBindings(j, program, detectModuleStyle(program, ctx.path), rewrite.takenNames, ctx.options.minNodeMajor);
  const touched = new Set<ModuleBinding>();
  const skipped = (node: AnyNode) => node.loc && ctx.options.skipLines?.has(node.loc.start.line);

  root.find(j.NewExpression, { callee: { type: 'Identifier', name: 'Promise' } }).forEach((path: ASTPath<AnyNode>) => {
    const plan = planWrapper(path.value, bindings, ctx.options.minNodeMajor);
    if (!plan) return;
    if (plan.kind === 'skip') {
      ctx.report({ ruleId: 'timing/promise-wrapper-not-converted', messageId: plan.messageId, data: plan.data, node: path.value, applied: false });
      return;
    }
    if (skipped(path.value)) return;
    const replacement = j.callExpression(promiseBindings.calleeFor(plan.call.api, plan.call.binding), plan.call.args);
    ctx.report({ ruleId: 'timing/promise-wrapper-replaced', messageId: 'wrapperReplaced', data: { api: plan.call.label, replacement: `the promise form of ${plan.call.label}` }, node: path.value, applied: true });
    touched.add(plan.call.binding);
    path.replace(replacement);
  });

  root.find(j.CallExpression).forEach((path: ASTPath<AnyNode>) => {
    const call = promisifiedApi(path.value, bindings);
    if (!call || skipped(path.value)) return;
    ctx.report({ ruleId: 'timing/promise-wrapper-replaced', messageId: 'promisifyReplaced', data: { api: call.label, replacement: `the promise form of ${call.label}` }, node: path.value, applied: true });
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
