import type { JSCodeshift } from 'jscodeshift';
import { optionalCatchBinding, some, type AnyNode } from '../shared/ast';
import { applyPlacement, type PlacementContext } from '../shared/async-placement';
import type { CallbackShape } from './callback-shape';
import type { PromisableApi } from './node-api-table';
import type { RewritePlan } from './plan';

/** Builds the statements that await `promise` and hand its values to the callback's names. */
export function awaitStatements(j: JSCodeshift, api: PromisableApi, shape: CallbackShape, promise: AnyNode, reassigned: boolean, typescript: boolean, reuse?: string): AnyNode[] {
  const params = shape.valueParams;
  const target = (): AnyNode => {
    if (params.length === 0) return undefined;
    if (api.result.kind === 'value') return params[0];
    if (api.result.kind === 'array') return j.arrayPattern(params);
    const keys = api.result.keys;
    if (params.every((param) => param.type === 'Identifier' && !param.typeAnnotation)) {
      return objectPatternOf(j, params.map((param, i) => [keys[i], param.name]));
    }
    return j.objectPattern(params.map((param, i) => j.objectProperty(j.identifier(keys[i]), param)));
  };
  const awaited = awaitOf(j, promise);
  const style = shape.errorStyle;

  // Nothing to catch: an error propagates (`throw`) or there is none (`none`).
  if (style.kind === 'throw' || style.kind === 'none') {
    const pattern = target();
    if (!pattern) return inlinedBody(promise) ?? [j.expressionStatement(awaited)];
    if (reuse) return [j.expressionStatement(j.assignmentExpression('=', j.identifier(reuse), reusedValue(j, api, awaited)))];
    if (pattern.type === 'ObjectPattern') stripTypes(pattern);
    return [j.variableDeclaration(reassigned ? 'let' : 'const', [j.variableDeclarator(pattern, awaited)])];
  }

  // Only the awaited call sits inside the try, so the handler never sees the success path's errors.
  const statements: AnyNode[] = [];
  if (style.kind === 'capture') {
    const errId = j.identifier(style.errName);
    if (typescript) errId.typeAnnotation = j.tsTypeAnnotation(j.tsAnyKeyword());
    // What the callback's error parameter held on success: null from Node, undefined from a bare `cb()`.
    statements.push(j.variableDeclaration('let', [j.variableDeclarator(errId, api.bareSuccess ? null : j.nullLiteral())]));
  }
  let tryBody: AnyNode;
  if (params.length === 0) {
    tryBody = j.expressionStatement(awaited);
  } else {
    if (!reuse) statements.push(j.variableDeclaration('let', params.map((param) => {
      const id = j.identifier(param.name);
      if (params.length === 1 && param.typeAnnotation) id.typeAnnotation = param.typeAnnotation;
      return j.variableDeclarator(id, null);
    })));
    const keys = api.result.kind === 'object' ? api.result.keys : [];
    const left = api.result.kind === 'value' || reuse
      ? j.identifier(params[0].name)
      : api.result.kind === 'array'
        ? j.arrayPattern(params.map((param) => j.identifier(param.name)))
        : objectPatternOf(j, params.map((param, i) => [keys[i], param.name]));
    tryBody = j.expressionStatement(j.assignmentExpression('=', left, reuse ? reusedValue(j, api, awaited) : awaited));
  }
  let handler: AnyNode;
  if (style.kind === 'catch') {
    handler = j.catchClause(catchParam(j, style.errName, typescript), null, style.handlerBlock ?? j.blockStatement(style.handler));
  } else if (style.kind === 'capture') {
    // The catch clause's own scope holds the name: it only has to differ from the error it sets.
    const caught = ['caught', 'error', 'failure'].find((name) => name !== style.errName)!;
    handler = j.catchClause(catchParam(j, caught, typescript), null, j.blockStatement([
      j.expressionStatement(j.assignmentExpression('=', j.identifier(style.errName), j.identifier(caught))),
    ]));
  } else {
    handler = j.catchClause(optionalCatchBinding(), null, j.blockStatement([]));
  }
  statements.push(j.tryStatement(j.blockStatement([tryBody]), handler));
  return statements;
}

/**
 * The value a shadowed parameter is set to: the awaited value, or its first item where the
 * promise gives an array (`type = (await x)[0]`: a statement starting with `[` could continue the
 * line before it in a file without semicolons).
 */
function reusedValue(j: JSCodeshift, api: PromisableApi, awaited: AnyNode): AnyNode {
  return api.result.kind === 'array' ? j.memberExpression(awaited, j.numericLiteral(0), true) : awaited;
}

/**
 * `{ key: name, … }` parsed from text: recast prints patterns it builds itself one property a
 * line, and parsed ones as written.
 */
function objectPatternOf(j: JSCodeshift, entries: Array<[string, string]>): AnyNode {
  const text = entries.map(([key, name]) => (key === name ? key : `${key}: ${name}`)).join(', ');
  return j.template.expression([`({ ${text} } = x)`]).left;
}

/** In TypeScript a catch binding is `unknown`; the callback's error was typed, so keep `any`. */
function catchParam(j: JSCodeshift, name: string, typescript: boolean): AnyNode {
  const param = j.identifier(name);
  if (typescript) param.typeAnnotation = j.tsTypeAnnotation(j.tsAnyKeyword());
  return param;
}

/**
 * `await (async () => { return [await a, await b]; })()` is `[await a, await b]`, and
 * `await (async () => { return await x; })()` is `await x`: the same values and errors, in the
 * same order, without the wrapper.
 */
function awaitOf(j: JSCodeshift, promise: AnyNode): AnyNode {
  const fn = promise.type === 'CallExpression' && promise.arguments.length === 0 ? promise.callee : undefined;
  if (fn?.type === 'ArrowFunctionExpression' && fn.async && fn.params.length === 0 && fn.body.type === 'BlockStatement' && fn.body.body.length === 1) {
    const only = fn.body.body[0];
    if (only.type === 'ReturnStatement' && (only.argument?.type === 'ArrayExpression' || only.argument?.type === 'AwaitExpression')) return only.argument;
  }
  return j.awaitExpression(promise);
}

/** `await (async () => { …no return… })();` as a statement is its body, run in place. */
function inlinedBody(promise: AnyNode): AnyNode[] | undefined {
  const fn = promise.type === 'CallExpression' && promise.arguments.length === 0 ? promise.callee : undefined;
  if (fn?.type !== 'ArrowFunctionExpression' || !fn.async || fn.params.length > 0 || fn.body.type !== 'BlockStatement') return undefined;
  if (some(fn.body, (node) => node.type === 'ReturnStatement', { skipFunctions: true })) return undefined;
  // Block-scoped names would leak into the surrounding scope.
  if (fn.body.body.some((statement: AnyNode) => statement.type === 'VariableDeclaration' || statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration')) return undefined;
  return fn.body.body;
}

/** TypeScript annotations cannot stand inside a destructuring pattern's values. */
function stripTypes(pattern: AnyNode): void {
  for (const property of pattern.properties) if (property.value?.typeAnnotation) property.value.typeAnnotation = null;
}

export interface RewriteContext extends PlacementContext {
  typescript: boolean;
  /** The expression that starts the operation without its callback, giving a promise. */
  startFor(plan: RewritePlan, args: AnyNode[]): AnyNode;
}

/** Applies one plan to the AST; returns the call that now starts the operation. */
export function applyRewrite(plan: RewritePlan, context: RewriteContext): AnyNode {
  const { site, api, shape, placement } = plan;
  const args = site.call.arguments.slice(0, -1);
  const firstValue = shape.valueParams[0];
  const start = context.startFor(plan, args);
  applyPlacement(placement, {
    start,
    awaitStatements: (promise) => awaitStatements(context.j, api, shape, promise, plan.reassigned, context.typescript, plan.reuse),
    continuation: shape.success,
    promiseName: firstValue?.type === 'Identifier' ? firstValue.name : api.name.split('.').pop()!.replace(/[^\w$]/g, '') || 'operation',
  }, context);
  return start;
}
