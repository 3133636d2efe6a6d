import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { isFunctionNode, isIdentifierNamed, isReferenceIdentifier, patternNames, some, walk, type AnyNode } from '../shared/ast';
import { asStatements } from '../shared/control-flow';
import type { CallSite } from './detect';
import type { PromisableApi } from './node-api-table';
import { siteLabel } from './plan';
import { movedToMicrotask } from './report-plan';
import type { FindingInput } from '../../types';

/**
 * A promise-chain step that wraps callback operations (issue #15/#16, write-file-atomic):
 *
 *   .then(function step () {
 *     return new Promise(function (resolve, reject) {
 *       fs.op(args, function (err, v) { BODY })
 *     })
 *   })
 *
 * becomes `.then(async function step () { <await fs.op(args)>; BODY' })`, where in BODY'
 * `resolve(x)` is `return x` and `reject(e)` is `throw e`. The same program when:
 * - the function is a `.then`/`.catch` handler, so a throw from it rejected the chain's promise
 *   before as it does now (nothing reaches a synchronous caller);
 * - the executor and each callback settle exactly once on every path, as their last act: each
 *   path ends in `resolve(…)`, `reject(…)` or one more operation whose callback does the same
 *   (`fs.close(fd, () => reject(err))`), so nothing ran after the settling that now would not;
 * - resolve and reject are used nowhere else (not stored, passed on, or called twice);
 * - every operation is one awaitify knows to call back once, later (a Node API, or a package
 *   function of the ecosystem table): code before it in the executor ran synchronously in the
 *   handler, as it still does, and nothing in the executor runs after it;
 * - the names the executor and callbacks declare mean nothing else in the handler.
 * Anything else is left for the wrapper refusals of then-to-await (wrappers.ts).
 */

/** One operation the wrapper starts, with the callback that receives its outcome. */
export interface StepOperation {
  call: AnyNode;
  site: CallSite;
  api: PromisableApi;
  /** The inline callback; undefined when `resolve` itself is the callback (`fs.close(fd, resolve)`). */
  callback?: AnyNode;
}

export interface WrapperStep {
  returnPath: ASTPath<AnyNode>;
  step: AnyNode;
  wrapper: AnyNode;
  executor: AnyNode;
  resolve: string;
  reject?: string;
  operations: StepOperation[];
  /** `throw` statements that ran inside a callback (uncaught exceptions), now rejections. */
  callbackThrows: AnyNode[];
  /** `Promise` here is a binding of the file (a library's, maybe), not the global. */
  localPromise: boolean;
  /**
   * The handler has more than the `return new Promise(…)`: some path may end without it (falls
   * off, returns a value, throws), where the chain's next handler ran 1 tick after it and now,
   * adopting the async function's promise, runs 3 ticks after.
   */
  otherExits: boolean;
}

export interface StepKnowledge {
  /** The call site of a known operation that calls back once, later, with a promise form to await; else undefined. */
  operationOf(call: AnyNode): { site: CallSite; api: PromisableApi } | undefined;
}

function isPlainFunction(node: AnyNode): boolean {
  return (node?.type === 'FunctionExpression' || node?.type === 'ArrowFunctionExpression') && !node.async && !node.generator;
}

/** A FunctionExpression that reads its own `this` or `arguments`, or names itself inside. */
function usesOwnBindings(fn: AnyNode): boolean {
  if (fn.type !== 'FunctionExpression') return false;
  if (some(fn.body, (node) => node.type === 'ThisExpression' || isIdentifierNamed(node, 'arguments'), { skipNonArrowFunctions: true })) return true;
  return !!fn.id && some(fn.body, (node, parent) => isIdentifierNamed(node, fn.id.name) && isReferenceIdentifier(node, parent));
}

/**
 * The `.then`/`.catch` call whose handler `fn` is, or undefined. Only there does a throw from
 * the handler reach the same place (the chain's promise) as a rejection of what it returns.
 */
function handlerCall(fnPath: ASTPath<AnyNode>): AnyNode | undefined {
  const call = fnPath.parent?.value;
  if (call?.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || call.callee.computed) return undefined;
  const method = call.callee.property.name;
  const index = call.arguments.indexOf(fnPath.value);
  if ((method === 'then' && (index === 0 || index === 1)) || (method === 'catch' && index === 0)) return call;
  return undefined;
}

/**
 * Does nothing read the value the handler's promise fulfills with? True when it is the
 * receiver of `.then(() => …)` (a handler with no parameters and no `arguments`), through any
 * `.catch`/`.finally` that pass it on.
 */
function valueUnread(callPath: ASTPath<AnyNode>): boolean {
  let path: ASTPath<AnyNode> = callPath;
  for (;;) {
    const member = path.parent?.value;
    const next = path.parent?.parent?.value;
    if (member?.type !== 'MemberExpression' || member.object !== path.value || member.computed || next?.type !== 'CallExpression' || next.callee !== member) return false;
    const method = member.property.name;
    if (method === 'catch' || method === 'finally') {
      path = path.parent.parent;
      continue;
    }
    if (method !== 'then') return false;
    const onValue = next.arguments[0];
    if (!isFunctionNode(onValue) || onValue.params.length > 0) return false;
    return !(onValue.type === 'FunctionExpression' && some(onValue.body, (node) => isIdentifierNamed(node, 'arguments'), { skipNonArrowFunctions: true }));
  }
}

/** Reads an executor's statements; false as soon as a shape is not the exact one. */
class ExecutorReader {
  readonly operations: StepOperation[] = [];
  readonly callbackThrows: AnyNode[] = [];
  /** The resolve/reject references the reading accounted for. */
  settleUses = 0;

  constructor(
    private readonly resolve: string,
    private readonly reject: string | undefined,
    private readonly knowledge: StepKnowledge,
    private readonly resolveMayBeCallback: boolean,
  ) {}

  private isSettleName(node: AnyNode): boolean {
    return isIdentifierNamed(node, this.resolve) || (this.reject !== undefined && isIdentifierNamed(node, this.reject));
  }

  private mentionsSettle(node: AnyNode): boolean {
    return some(node, (n) => this.isSettleName(n));
  }

  /** `resolve()`, `resolve(x)`, `reject(e)`, with arguments that mention neither. */
  isSettleCall(node: AnyNode): boolean {
    return node?.type === 'CallExpression' && this.isSettleName(node.callee) && node.arguments.length <= 1 && !node.arguments.some((arg: AnyNode) => arg.type === 'SpreadElement' || this.mentionsSettle(arg));
  }

  /** A list every path of which ends by settling, with nothing after. */
  readList(statements: AnyNode[], inCallback: boolean): boolean {
    if (statements.length === 0) return false;
    const last = statements.length - 1;
    return statements.every((statement, index) => (index === last ? this.readTail(statement, inCallback) : this.readGuard(statement, inCallback) || this.readPlain(statement, inCallback)));
  }

  /** Code that runs and goes on: no settling, no return. */
  private readPlain(statement: AnyNode, inCallback: boolean): boolean {
    if (statement.type === 'FunctionDeclaration' || this.mentionsSettle(statement)) return false;
    if (some(statement, (node) => node.type === 'ReturnStatement', { skipFunctions: true })) return false;
    if (inCallback) walk(statement, (node) => {
      if (node.type === 'ThrowStatement') this.callbackThrows.push(node);
    }, { skipFunctions: true });
    return true;
  }

  /** `if (test) { …; resolve(x); return }` (or `return reject(e)`), with nothing else after it on that path. */
  private readGuard(statement: AnyNode, inCallback: boolean): boolean {
    if (statement.type !== 'IfStatement' || statement.alternate || this.mentionsSettle(statement.test)) return false;
    const body = exitingBranch(statement.consequent);
    return !!body && this.readList(body, inCallback);
  }

  readTail(statement: AnyNode, inCallback: boolean): boolean {
    if (statement.type === 'ExpressionStatement' || (statement.type === 'ReturnStatement' && statement.argument)) {
      const expression = statement.type === 'ExpressionStatement' ? statement.expression : statement.argument;
      return this.readEnd(expression);
    }
    if (statement.type === 'BlockStatement') return this.readList(statement.body, inCallback);
    if (statement.type === 'IfStatement' && statement.alternate && !this.mentionsSettle(statement.test)) {
      return this.readList(asStatements(statement.consequent), inCallback) && this.readList(asStatements(statement.alternate), inCallback);
    }
    return false;
  }

  /** `resolve(…)`/`reject(…)`, or one more operation whose callback settles. */
  private readEnd(expression: AnyNode): boolean {
    if (this.isSettleCall(expression)) {
      this.settleUses++;
      return true;
    }
    if (expression?.type !== 'CallExpression') return false;
    const found = this.knowledge.operationOf(expression);
    if (!found) return false;
    const args = expression.arguments;
    const callback = args[args.length - 1];
    if (args.slice(0, -1).some((arg: AnyNode) => arg.type === 'SpreadElement' || this.mentionsSettle(arg) || some(arg, isFunctionNode))) return false;
    if (isIdentifierNamed(callback, this.resolve)) {
      // resolve(err) on failure, resolve(null) on success: fine only where nobody reads the value.
      if (!this.resolveMayBeCallback) return false;
      this.settleUses++;
      this.operations.push({ call: expression, ...found });
      return true;
    }
    if (!isPlainFunction(callback) || usesOwnBindings(callback) || !callback.params.every((param: AnyNode) => param.type === 'Identifier' && !param.typeAnnotation)) return false;
    if (!fitsResult(found.api, callback.params.length - 1)) return false;
    if (callback.params.some((param: AnyNode) => this.isSettleName(param))) return false;
    this.operations.push({ call: expression, ...found, callback });
    const body = callback.body.type === 'BlockStatement' ? callback.body.body : [{ type: 'ExpressionStatement', expression: callback.body }];
    return this.readList(body, true);
  }
}

/** Values the callback takes after the error, against what the promise form gives. */
function fitsResult(api: PromisableApi, values: number): boolean {
  if (api.noError || api.valuesOnError) return false;
  if (api.result.kind === 'value') return values <= 1;
  if (api.result.kind === 'object') return values <= api.result.keys.length;
  return false;
}

/**
 * A guard's body when it ends its path by settling: `{ …; resolve(x); return }` or
 * `{ …; return resolve(x) }` (the settling last, then nothing), without the bare return.
 */
export function exitingBranch(consequent: AnyNode): AnyNode[] | undefined {
  const body = asStatements(consequent);
  const last = body[body.length - 1];
  if (last?.type === 'ReturnStatement' && !last.argument) return body.length > 1 ? body.slice(0, -1) : undefined;
  if (last?.type === 'ReturnStatement') return body;
  return undefined;
}

/** Names a function's code binds, not counting nested functions' insides (their names do count). */
function declaredIn(root: AnyNode): string[] {
  const names: string[] = [];
  walk(root, (node) => {
    if (node.type === 'VariableDeclarator') names.push(...patternNames(node.id));
    if ((node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') && node.id) names.push(node.id.name);
    if (node.type === 'CatchClause' && node.param) names.push(...patternNames(node.param));
    return node === root || !isFunctionNode(node);
  });
  return names;
}

function referencedIn(root: AnyNode, skip: Set<AnyNode>): Set<string> {
  const names = new Set<string>();
  walk(root, (node, parent) => {
    if (skip.has(node)) return false;
    if (node.type === 'Identifier' && isReferenceIdentifier(node, parent)) names.add(node.name);
  });
  return names;
}

/**
 * Each piece moved into the handler (the executor's code, each callback with its parameters)
 * brings the names it declares into the handler. None may appear in the handler outside the
 * wrapper, nor in a piece around it (which ran before, in the same block now), nor (but
 * parameters, which stay in their own block) be declared twice.
 */
function namesStayDistinct(step: AnyNode, executor: AnyNode, operations: StepOperation[]): boolean {
  const callbacks = operations.flatMap((operation) => (operation.callback ? [operation.callback] : []));
  const pieces: AnyNode[] = [executor, ...callbacks];
  const paramsOf = (piece: AnyNode): string[] => (piece === executor ? [] : piece.params.flatMap((param: AnyNode) => patternNames(param)));
  const declared = new Map(pieces.map((piece) => [piece, declaredIn(piece.body)]));
  const own = new Map(pieces.map((piece) => [piece, referencedIn(piece.body, new Set(callbacks.filter((callback) => isInside(callback, piece))))]));
  const outside = referencedIn(step.body, new Set([executor]));
  for (const param of step.params) for (const name of patternNames(param)) outside.add(name);
  const unique = new Set<string>();
  for (const piece of pieces) {
    const around = pieces.filter((other) => isInside(piece, other));
    const apart = pieces.filter((other) => other !== piece && !isInside(piece, other) && !isInside(other, piece));
    for (const name of [...paramsOf(piece), ...declared.get(piece)!]) {
      if (outside.has(name)) return false;
      if (around.some((other) => own.get(other)!.has(name) || paramsOf(other).includes(name) || declared.get(other)!.includes(name))) return false;
    }
    for (const name of declared.get(piece)!) {
      if (unique.has(name) || apart.some((other) => own.get(other)!.has(name) || paramsOf(other).includes(name))) return false;
      unique.add(name);
    }
  }
  return true;
}

function isInside(inner: AnyNode, outer: AnyNode): boolean {
  return inner !== outer && some(outer.body, (node) => node === inner);
}

/** Reads one `return new Promise(executor)` of a chain handler; undefined when it is not the exact shape. */
export function readWrapperStep(returnPath: ASTPath<AnyNode>, knowledge: StepKnowledge): WrapperStep | undefined {
  const wrapper = returnPath.value.argument;
  if (wrapper?.type !== 'NewExpression' || !isIdentifierNamed(wrapper.callee, 'Promise') || wrapper.arguments.length !== 1) return undefined;
  const executor = wrapper.arguments[0];
  if (!isPlainFunction(executor) || executor.body.type !== 'BlockStatement' || usesOwnBindings(executor)) return undefined;
  const [resolveParam, rejectParam] = executor.params;
  if (executor.params.length > 2 || resolveParam?.type !== 'Identifier' || (rejectParam && rejectParam.type !== 'Identifier')) return undefined;
  // The return belongs to the handler itself, and no try or finally around it runs before the promise settles.
  let fnPath: ASTPath<AnyNode> | undefined = returnPath.parent;
  while (fnPath && !isFunctionNode(fnPath.value)) {
    if (fnPath.value.type === 'TryStatement' || fnPath.value.type === 'CatchClause') return undefined;
    fnPath = fnPath.parent;
  }
  const step = fnPath?.value;
  if (!fnPath || !isPlainFunction(step) || step.body.type !== 'BlockStatement') return undefined;
  const call = handlerCall(fnPath);
  if (!call) return undefined;
  // A handler that calls itself by its own name would get a promise back where it got one before only from this path.
  // (A function's own name, `new Promise(function stat (resolve) …)` in `function stat ()`, is no use of it.)
  if (step.id && some(step.body, (node, parent) => isIdentifierNamed(node, step.id.name) && isReferenceIdentifier(node, parent) && !(isFunctionNode(parent) && parent.id === node))) return undefined;
  const reader = new ExecutorReader(resolveParam.name, rejectParam?.name, knowledge, valueUnread(fnPath.parent));
  if (!reader.readList(executor.body.body, false) || reader.operations.length === 0) return undefined;
  // Every mention of resolve and reject is one the reading accounted for.
  const settleNames = [resolveParam.name, rejectParam?.name].filter(Boolean);
  let mentions = 0;
  walk(executor.body, (node, parent) => {
    if (node.type === 'Identifier' && settleNames.includes(node.name) && isReferenceIdentifier(node, parent)) mentions++;
  });
  if (mentions !== reader.settleUses) return undefined;
  if (!namesStayDistinct(step, executor, reader.operations)) return undefined;
  const binding = returnPath.scope?.lookup('Promise');
  return {
    returnPath,
    step,
    wrapper,
    executor,
    resolve: resolveParam.name,
    reject: rejectParam?.name,
    operations: reader.operations,
    callbackThrows: reader.callbackThrows,
    localPromise: !!binding && !binding.isGlobal,
    otherExits: step.body.body.length !== 1 || step.body.body[0] !== returnPath.value,
  };
}

/** The chain handlers' `return new Promise(…)` statements of the file, read; outermost first. */
export function findWrapperSteps(j: JSCodeshift, root: Collection, knowledge: StepKnowledge): WrapperStep[] {
  const steps: WrapperStep[] = [];
  root.find(j.ReturnStatement, { argument: { type: 'NewExpression', callee: { type: 'Identifier', name: 'Promise' } } }).forEach((path: ASTPath<AnyNode>) => {
    const step = readWrapperStep(path, knowledge);
    if (step) steps.push(step);
  });
  return steps;
}

/** The findings of a converted step: the wrapper, each operation's callback now a promise job, the throws now rejections. */
export function reportWrapperStep(report: (finding: FindingInput) => void, step: WrapperStep): void {
  const labels = [...new Set(step.operations.map((operation) => siteLabel(operation.site)))];
  report({ ruleId: 'timing/promise-wrapper-replaced', messageId: 'wrapperAwaited', data: { api: labels.join(', ') }, node: step.wrapper, applied: true });
  if (step.localPromise) report({ ruleId: 'timing/promise-receiver-unknown', messageId: 'wrapperPromiseBinding', node: step.wrapper, applied: true });
  for (const operation of step.operations) report(movedToMicrotask(operation.site, operation.api));
  if (step.otherExits) report({ ruleId: 'timing/microtask-ticks-changed', messageId: 'handlerNowAsync', data: { name: handlerName(step.step), before: 1, after: 3 }, node: step.step, applied: true });
  for (const thrown of step.callbackThrows) report({ ruleId: 'timing/throw-becomes-rejection', messageId: 'throwInCallback', node: thrown, applied: true });
}

export function handlerName(fn: AnyNode): string {
  return fn.id?.name ?? 'the handler';
}
