import { findPaths } from '../shared/paths';
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { isIdentifierNamed, type AnyNode } from '../shared/ast';
import { functionBody, isGlobalName, referencePaths } from './detect';

/** `new Promise((resolve) => setTimeout(resolve, ms[, value]))`, read apart. */
export interface PromiseDelay {
  path: ASTPath<AnyNode>;
  /** The setTimeout call inside: a delay, not a callback timer. */
  timerCall: AnyNode;
  ms: AnyNode | undefined;
  value: AnyNode | undefined;
}

/** A module-level function that only returns a promise delay of its parameters. */
export interface DelayHelper {
  name: string;
  statementPath: ASTPath<AnyNode>;
  delay: PromiseDelay;
  /** The helper passes its second parameter through as the resolved value. */
  passesValue: boolean;
  /** The calls of the helper, or undefined when the name is used other than by calling it. */
  calls: ASTPath<AnyNode>[] | undefined;
}

function isFunctionExpression(node: AnyNode): boolean {
  return !!node && (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') && !node.async && !node.generator;
}

/** The one statement's expression, for `x => expr`, `x => { expr; }` and `x => { return expr; }`. */
function soleExpression(j: JSCodeshift, fn: AnyNode): AnyNode | undefined {
  const body = functionBody(j, fn);
  if (body.length !== 1) return undefined;
  const [statement] = body;
  if (statement.type === 'ExpressionStatement') return statement.expression;
  if (statement.type === 'ReturnStatement') return statement.argument ?? undefined;
  return undefined;
}

/** Does this callback only call `resolve` (`resolve` itself, or `() => resolve()`)? */
function onlyResolves(j: JSCodeshift, callback: AnyNode, resolve: string): boolean {
  if (isIdentifierNamed(callback, resolve)) return true;
  if (!isFunctionExpression(callback) || callback.params.length > 0) return false;
  const call = soleExpression(j, callback);
  return call?.type === 'CallExpression' && isIdentifierNamed(call.callee, resolve) && call.arguments.length === 0;
}

/** Reads `new Promise((resolve) => setTimeout(resolve, ms))` and its variants. */
export function readPromiseDelay(j: JSCodeshift, path: ASTPath<AnyNode>): PromiseDelay | undefined {
  const node = path.value;
  if (node.type !== 'NewExpression' || !isIdentifierNamed(node.callee, 'Promise') || node.arguments.length !== 1) return undefined;
  if (!isGlobalName(path, 'Promise')) return undefined;
  const executor = node.arguments[0];
  if (!isFunctionExpression(executor) || executor.params.length !== 1 || executor.params[0].type !== 'Identifier') return undefined;
  const resolve: string = executor.params[0].name;
  const call = soleExpression(j, executor);
  if (call?.type !== 'CallExpression' || !isIdentifierNamed(call.callee, 'setTimeout') || !isGlobalName(path, 'setTimeout')) return undefined;
  const [callback, ms, value, ...rest] = call.arguments;
  if (rest.length > 0 || !onlyResolves(j, callback, resolve)) return undefined;
  // `() => resolve()` drops the timer's extra argument.
  if (value && !isIdentifierNamed(callback, resolve)) return undefined;
  if ([ms, value].some((argument) => argument?.type === 'SpreadElement')) return undefined;
  return { path, timerCall: call, ms, value };
}

export function findPromiseDelays(j: JSCodeshift, root: Collection): PromiseDelay[] {
  const delays: PromiseDelay[] = [];
  // Paths only down to `new Promise(…)`: a path traversal of the whole file costs far more.
  const isNewPromise = (node: AnyNode) => node.type === 'NewExpression' && isIdentifierNamed(node.callee, 'Promise');
  for (const path of root.paths().flatMap((rootPath: ASTPath<AnyNode>) => findPaths(rootPath, isNewPromise))) {
    const delay = readPromiseDelay(j, path);
    if (delay) delays.push(delay);
  }
  return delays;
}

/** `function sleep(ms) { return new Promise(…) }` or `const sleep = (ms) => new Promise(…)`. */
function readHelper(j: JSCodeshift, statementPath: ASTPath<AnyNode>, delays: PromiseDelay[]): Omit<DelayHelper, 'calls'> | undefined {
  const statement = statementPath.value;
  let name: string;
  let fn: AnyNode;
  if (statement.type === 'FunctionDeclaration' && !statement.async && !statement.generator && statement.id) {
    name = statement.id.name;
    fn = statement;
  } else if (statement.type === 'VariableDeclaration' && statement.kind === 'const' && statement.declarations.length === 1) {
    const [declarator] = statement.declarations;
    if (declarator.id.type !== 'Identifier' || !isFunctionExpression(declarator.init)) return undefined;
    name = declarator.id.name;
    fn = declarator.init;
  } else {
    return undefined;
  }
  const returned = soleExpression(j, fn);
  const delay = delays.find((candidate) => candidate.path.value === returned);
  const [msParam, valueParam, ...rest] = fn.params;
  if (!delay || rest.length > 0 || !isIdentifierNamed(delay.ms, msParam?.name ?? '\0')) return undefined;
  if (valueParam ? !isIdentifierNamed(delay.value, valueParam.name ?? '\0') : delay.value !== undefined) return undefined;
  return { name, statementPath, delay, passesValue: !!valueParam };
}

/** Module-level promise delay helpers, with their calls when calling is all the file does with them. */
export function findDelayHelpers(j: JSCodeshift, root: Collection, delays: PromiseDelay[]): DelayHelper[] {
  const helpers: DelayHelper[] = [];
  root.get('program', 'body').each((statementPath: ASTPath<AnyNode>) => {
    const helper = readHelper(j, statementPath, delays);
    if (!helper) return;
    const declaredId = statementPath.value.type === 'FunctionDeclaration' ? statementPath.value.id : statementPath.value.declarations[0].id;
    const references = referencePaths(j, helper.name, statementPath).filter((path) => path.value !== declaredId);
    const isCall = (path: ASTPath<AnyNode>) => path.parent?.value.type === 'CallExpression' && path.parent.value.callee === path.value;
    helpers.push({ ...helper, calls: references.every(isCall) ? references.map((path) => path.parent) : undefined });
  });
  return helpers;
}
