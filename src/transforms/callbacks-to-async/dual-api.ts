import type { JSCodeshift } from 'jscodeshift';
import { referencesName, some, uniqueName, type AnyNode } from '../shared/ast';
import { settleCallbackHelper, useHelper } from './local-helpers';
import type { PromisableApi } from './node-api-table';
import { routeTo } from './callback-functions';
import { cloneNode } from '../shared/clone';
import { promiseTypeOf, setDualReturnType } from './typescript-types';

/**
 * The dual API keeps callers that pass a callback working: called with a function it calls
 * it exactly once, with `(err)` or `(null, value)`, from process.nextTick (outside the promise
 * chain, so a throw in the callback is an uncaught exception as it was, never a rejection or
 * a second call) and returns undefined; called without one it returns the promise.
 *
 * The converted body becomes a named `async function <name>Async(…)` declared beside the
 * function, and the function itself a thin wrapper that hands its promise to the package's
 * `settleCallback`: `return settleCallback(loadAsync(file, opts), cb)`. Where the body cannot
 * move out of the function (it reads `super`, `new.target` or a private `#name`, its own name
 * as a function expression, a destructured parameter, in TypeScript `this` (private members)
 * or a parameter typed only by its context, or the function sits where no declaration can go beside it), the body stays in place as `settleCallback((async () => …)(), cb)`.
 */
export interface DualApiInput {
  fn: AnyNode;
  callbackParam: AnyNode;
  api: PromisableApi;
  program: AnyNode;
  taken: Set<string>;
  typescript: boolean;
  /** The original argument shifting: runs in the wrapper first, so a callback passed early still lands in place. */
  prologue?: AnyNode[];
  /** The name callers use: the async function is called `<name>Async`. */
  name?: string;
  /**
   * The parameters as written (without the callback). The wrapper keeps them, so its
   * `fn.length` and the shifting it replays stay the original's; a default the shift gave a
   * parameter belongs to the async function only.
   */
  originalParams?: AnyNode[];
}

/** The async functions this module declared, so that the next one of the same statement goes after them. */
const siblings = new WeakSet<AnyNode>();

/** Turns the converted async function `fn` into its dual-API form, in place. */
export function addDualApi(j: JSCodeshift, input: DualApiInput): void {
  const { fn, callbackParam, api, program, taken, typescript, prologue = [] } = input;
  const helper = useHelper(j, program, settleCallbackHelper, taken, typescript);
  const place = siblingPlace(program, fn);
  const usesThis = some(fn.body, (node) => node.type === 'ThisExpression', { skipNonArrowFunctions: true });
  // TypeScript checks `private` and `protected` members by where they are read: a body reading
  // `this` stays inside its class (or function), as does one whose parameters the context types.
  const movable = place !== undefined && canMoveBody(fn) && !(typescript && (usesThis || !fn.params.every(isTyped)));
  let promise: AnyNode;
  if (movable) {
    const asyncName = uniqueName(`${input.name && /^[A-Za-z_$][\w$]*$/.test(input.name) ? input.name : 'callbackApi'}Async`, taken);
    const sibling = j.functionDeclaration(j.identifier(asyncName), siblingParams(j, fn.params, input.originalParams, typescript), fn.body);
    sibling.async = true;
    if (typescript && fn.returnType) sibling.returnType = fn.returnType;
    // After the statement, and after the async functions of its methods placed before this one.
    let at = place.index + 1;
    while (siblings.has(place.list[at])) at++;
    place.list.splice(at, 0, sibling);
    siblings.add(sibling);
    const args = fn.params.map((param: AnyNode) => (param.type === 'RestElement' ? j.spreadElement(j.identifier(param.argument.name)) : j.identifier(paramName(param)!)));
    promise = usesThis
      ? j.callExpression(j.memberExpression(j.identifier(asyncName), j.identifier('call')), [j.thisExpression(), ...args])
      : j.callExpression(j.identifier(asyncName), args);
  } else {
    const inner = j.arrowFunctionExpression([], fn.body);
    inner.async = true;
    // The async body's own return type moves to the inner arrow; the dual form may return undefined.
    if (typescript && fn.returnType) inner.returnType = fn.returnType;
    promise = j.callExpression(inner, []);
  }
  const args: AnyNode[] = [promise, j.identifier(callbackParam.name)];
  // The callback gets as many values as it did: `cb(null)` stays one argument (async.waterfall counts them).
  if (api.result.kind === 'array') args.push(j.numericLiteral(api.result.count));
  else if (api.voidResult) args.push(j.numericLiteral(0));
  const callback = j.identifier(callbackParam.name);
  if (typescript) {
    callback.typeAnnotation = callbackParam.typeAnnotation ?? j.tsTypeAnnotation(j.tsUnknownKeyword());
    callback.optional = true;
    setDualReturnType(j, fn, callbackParam);
  }
  const overloads = typescript && prologue.length === 0 && place ? overloadsOf(j, fn, callbackParam) : [];
  fn.async = false;
  // A body left in place reads the wrapper's own parameters: they keep the async function's defaults.
  const wrapperParams = movable && input.originalParams?.length === fn.params.length ? input.originalParams : fn.params;
  fn.params = [...wrapperParams, callback];
  fn.body = j.blockStatement([...prologue, j.returnStatement(j.callExpression(j.identifier(helper), args))]);
  if (overloads.length > 0 && place) {
    const statement = place.list[place.index];
    const exported = statement.type === 'ExportNamedDeclaration';
    place.list.splice(place.index, 0, ...overloads.map((overload) => (exported ? j.exportNamedDeclaration(overload) : overload)));
  }
}

/**
 * TypeScript overloads of a dual function declaration, so that `const s: string = await
 * load('x')` compiles and the callback form returns void: `function load(file: string):
 * Promise<string>;` and `function load(file: string, cb: Callback): void;`. None where the
 * promise type cannot be read from the callback's type, or the function is no declaration.
 */
function overloadsOf(j: JSCodeshift, fn: AnyNode, callbackParam: AnyNode): AnyNode[] {
  const promise = promiseTypeOf(j, callbackParam);
  if (!promise || fn.type !== 'FunctionDeclaration' || !fn.id || !callbackParam.typeAnnotation) return [];
  // A signature has no initializers: a parameter with a default is optional there.
  const params = fn.params.map((param: AnyNode) =>
    param.type === 'AssignmentPattern' ? Object.assign(j.identifier(param.left.name), { optional: true, typeAnnotation: cloneNode(param.left.typeAnnotation) ?? null }) : cloneNode(param),
  );
  if (params.some((param: AnyNode) => param.type === 'Identifier' && !param.typeAnnotation)) return [];
  const callback = Object.assign(j.identifier(callbackParam.name), { typeAnnotation: cloneNode(callbackParam.typeAnnotation) });
  const promiseForm = j.tsDeclareFunction(j.identifier(fn.id.name), params, j.tsTypeAnnotation(promise));
  const callbackForm = j.tsDeclareFunction(j.identifier(fn.id.name), [...cloneNode(params), callback], j.tsTypeAnnotation(j.tsVoidKeyword()));
  return [promiseForm, callbackForm];
}

/**
 * In TypeScript a parameter typed only by its context (`const load: Loader = (id, cb) => …`)
 * would be an implicit any in a function of its own: such a body stays in place.
 */
function isTyped(param: AnyNode): boolean {
  if (param.type === 'AssignmentPattern') return true;
  if (param.type === 'RestElement') return !!param.typeAnnotation || !!param.argument?.typeAnnotation;
  return !!param.typeAnnotation;
}

function paramName(param: AnyNode): string | undefined {
  if (param.type === 'Identifier') return param.name;
  if (param.type === 'AssignmentPattern' && param.left.type === 'Identifier') return param.left.name;
  if (param.type === 'RestElement' && param.argument.type === 'Identifier') return param.argument.name;
  return undefined;
}

/**
 * The async function's parameters: a default written in the original the wrapper applied
 * already, so a plain name (it stays in TypeScript when it is the only source of the
 * parameter's type); a default the argument shift gave stays, since the wrapper has none.
 */
function siblingParams(j: JSCodeshift, params: AnyNode[], originalParams: AnyNode[] | undefined, typescript: boolean): AnyNode[] {
  return params.map((param, i) => {
    if (param.type !== 'AssignmentPattern') return param;
    const written = !originalParams || originalParams.length !== params.length || originalParams[i]?.type === 'AssignmentPattern';
    if (!written || (typescript && !param.left.typeAnnotation)) return param;
    return param.left;
  });
}

/** Can the body run as a function of its own, declared beside this one, and give the same results? */
function canMoveBody(fn: AnyNode): boolean {
  if (!fn.params.every((param: AnyNode) => paramName(param) !== undefined)) return false;
  if (fn.type === 'FunctionExpression' && fn.id && referencesName(fn.body, fn.id.name)) return false;
  return !some(
    fn.body,
    (node) => node.type === 'Super' || node.type === 'MetaProperty' || node.type === 'PrivateName' || node.type === 'ClassPrivateName' || node.type === 'PrivateIdentifier',
    { skipNonArrowFunctions: false },
  );
}

/**
 * The statement list and index of the statement that holds `fn`, when nothing between them
 * binds a name the body could read (another function, a loop head, a catch clause, a block of
 * its own): a declaration placed after that statement sees what the body saw.
 */
function siblingPlace(program: AnyNode, fn: AnyNode): { list: AnyNode[]; index: number } | undefined {
  const route = routeTo(program, fn);
  if (!route) return undefined;
  const nodes: AnyNode[] = [program];
  for (const key of route) nodes.push(nodes[nodes.length - 1][key]);
  // nodes[k + 1] is reached by route[k]: an index into the array nodes[k], the list of the node nodes[k - 1].
  for (let k = route.length - 1; k >= 1; k--) {
    if (typeof route[k] !== 'number') continue;
    const parent = nodes[k - 1];
    if (route[k - 1] !== 'body' || (parent.type !== 'Program' && parent.type !== 'BlockStatement')) continue;
    const between = nodes.slice(k + 1, -1).filter((node) => !Array.isArray(node));
    if (between.some((node) => !transparent.has(node.type))) return undefined;
    return { list: nodes[k], index: route[k] as number };
  }
  return undefined;
}

/** Nodes that bind no name a function inside them could read (what sits between a statement and the function it holds). */
const transparent = new Set([
  'ExpressionStatement', 'AssignmentExpression', 'VariableDeclaration', 'VariableDeclarator', 'MemberExpression',
  'ObjectExpression', 'ObjectProperty', 'Property', 'ClassDeclaration', 'ClassBody', 'ExportNamedDeclaration',
  'ExportDefaultDeclaration', 'ReturnStatement', 'CallExpression', 'SequenceExpression',
]);
