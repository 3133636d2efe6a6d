import type { MessageData, MessageRef } from '../../types';
import { isIdentifierNamed, referencesName, some, walk, type AnyNode } from '../shared/ast';
import { alwaysExits, asStatements } from '../shared/control-flow';

/**
 * How an error-first callback treats its error:
 * - `ignore`: never looks at it (the body runs either way, values undefined on error);
 * - `throw`: `if (err) throw err;` first, so the error propagates;
 * - `catch`: `if (err) { handler }` first; the handler runs instead of (or before) the rest;
 * - `capture`: any other use: the error is caught into a variable named as before (null on
 *   success, as Node passes it) and the body runs unchanged after the await;
 * - `none`: the callee never passes an error (fs.exists), so its promise never rejects.
 */
export type ErrorStyle =
  | { kind: 'none' }
  | { kind: 'ignore' }
  | { kind: 'throw'; test: AnyNode }
  | { kind: 'catch'; errName: string; handler: AnyNode[]; test: AnyNode; handlerBlock?: AnyNode }
  | { kind: 'capture'; errName: string };

export interface CallbackShape {
  errorStyle: ErrorStyle;
  /** Parameters after the error. */
  valueParams: AnyNode[];
  /** What runs on success, in order. */
  success: AnyNode[];
}

export type ShapeResult = { ok: true; shape: CallbackShape } | ({ ok: false; ruleId: string } & MessageRef);

function refuse(ruleId: string, messageId: string, data?: MessageData): ShapeResult {
  return { ok: false, ruleId, messageId, data };
}

/** `err`, `err != null`, `err !== null`: a test that is true exactly when there is an error. */
function isErrorTest(test: AnyNode, errName: string): boolean {
  if (isIdentifierNamed(test, errName)) return true;
  return (
    test.type === 'BinaryExpression' &&
    (test.operator === '!=' || test.operator === '!==') &&
    isIdentifierNamed(test.left, errName) &&
    (test.right.type === 'NullLiteral' || (test.right.type === 'Literal' && test.right.value === null))
  );
}

function isThrowOf(statements: AnyNode[], errName: string): boolean {
  return statements.length === 1 && statements[0].type === 'ThrowStatement' && isIdentifierNamed(statements[0].argument, errName);
}

/** Names of the parameters of the functions around the call (not the callback's own). */
export function enclosingParameterNames(ancestors: AnyNode[]): Set<string> {
  const names = new Set<string>();
  for (const node of ancestors) {
    if (node.params) for (const param of node.params) if (param.type === 'Identifier') names.add(param.name);
  }
  return names;
}

/** Does the code hand `err` to a function parameter of an enclosing function (`cb(err)`)? */
function passesErrorToCallback(statements: AnyNode[], errName: string, callbackNames: Set<string>): boolean {
  return statements.some((statement) =>
    some(statement, (node) =>
      node.type === 'CallExpression' &&
      node.callee.type === 'Identifier' &&
      callbackNames.has(node.callee.name) &&
      node.arguments.some((argument: AnyNode) => isIdentifierNamed(argument, errName)),
    ),
  );
}

function usesOwnThisOrArguments(callback: AnyNode): boolean {
  if (callback.type !== 'FunctionExpression') return false;
  return some(callback.body, (node) => node.type === 'ThisExpression' || isIdentifierNamed(node, 'arguments'), { skipNonArrowFunctions: true });
}

/**
 * Reads an inline error-first callback and says how its error and values are used, or why
 * it has no exact async/await equivalent. `enclosingParams` are the parameter names of the
 * functions around the call, to recognise callback APIs (`if (err) return cb(err)`).
 */
export function readCallbackShape(callback: AnyNode, enclosingParams: Set<string>, noError = false): ShapeResult {
  if (callback.generator) return refuse('timing/error-handling-unclear', 'generatorCallback');
  if (callback.type === 'FunctionExpression' && callback.id && referencesName(callback.body, callback.id.name)) {
    return refuse('timing/callback-stored-or-escaping', 'callbackRefersToItself', { name: callback.id.name });
  }
  if (usesOwnThisOrArguments(callback)) {
    return refuse('timing/callback-uses-this', 'callbackUsesThis');
  }
  const params: AnyNode[] = callback.params;
  if (params.some((param) => param.type === 'RestElement' || param.type === 'AssignmentPattern')) {
    return refuse('timing/error-handling-unclear', 'defaultOrRestParameters');
  }
  const body: AnyNode[] = callback.body.type === 'BlockStatement'
    ? callback.body.body
    : [{ type: 'ExpressionStatement', expression: callback.body }];
  // A callee that never passes an error (fs.exists) gives values from the first parameter on.
  if (noError) return { ok: true, shape: { errorStyle: { kind: 'none' }, valueParams: params, success: body } };
  const [errParam, ...valueParams] = params;
  if (errParam && errParam.type !== 'Identifier') return refuse('timing/error-not-first-parameter', 'patternFirstParameter');
  const errName: string | undefined = errParam?.name;

  if (errName && passesErrorToCallback(body, errName, enclosingParams)) {
    return refuse('timing/callback-api-not-converted', 'errorPassedToOuterCallback', {
      callback: [...enclosingParams].find((name) => passesErrorToCallback(body, errName, new Set([name]))) ?? '',
    });
  }
  if (!errName || !body.some((statement) => referencesName(statement, errName))) {
    return { ok: true, shape: { errorStyle: { kind: 'ignore' }, valueParams, success: body } };
  }

  const capture: ShapeResult = { ok: true, shape: { errorStyle: { kind: 'capture', errName }, valueParams, success: body } };
  const [first, ...rest] = body;
  if (!first || first.type !== 'IfStatement' || !isErrorTest(first.test, errName)) return capture;
  const handler = asStatements(first.consequent);
  const alternate = asStatements(first.alternate);
  if ([...alternate, ...rest].some((statement) => referencesName(statement, errName))) return capture;
  if (isThrowOf(handler, errName)) {
    return { ok: true, shape: { errorStyle: { kind: 'throw', test: first.test }, valueParams, success: [...alternate, ...rest] } };
  }

  const handlerExits = alwaysExits(handler);
  // After a handler that falls through, the code after `if … else` runs too: keep the if.
  if (!handlerExits && alternate.length > 0 && rest.length > 0) return capture;
  if (!handlerExits && rest.length > 0) {
    const valueNames = valueParams.flatMap((param) => (param.type === 'Identifier' ? [param.name] : []));
    if (valueParams.some((param) => param.type !== 'Identifier') || valueNames.some((name) => rest.some((statement) => referencesName(statement, name)))) {
      return capture;
    }
  }
  // With an else branch and nothing after, the handler is the end of the callback.
  const needsReturn = !handlerExits && alternate.length > 0;
  const fullHandler = needsReturn ? [...handler, { type: 'ReturnStatement', argument: null }] : handler;
  // Reusing the written block keeps its formatting; only an added return changes it.
  const handlerBlock = first.consequent.type === 'BlockStatement' && !needsReturn ? first.consequent : undefined;
  return {
    ok: true,
    shape: {
      errorStyle: { kind: 'catch', errName, handler: fullHandler, test: first.test, handlerBlock },
      valueParams,
      success: [...alternate, ...rest],
    },
  };
}

/** Throw statements that run in the callback itself (not in functions it defines). */
export function ownThrows(statements: AnyNode[]): AnyNode[] {
  const throws: AnyNode[] = [];
  for (const statement of statements) {
    walk(statement, (node) => {
      if (node.type === 'ThrowStatement') throws.push(node);
    }, { skipFunctions: true });
  }
  return throws;
}
