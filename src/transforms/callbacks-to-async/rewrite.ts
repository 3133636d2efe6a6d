import type { JSCodeshift } from 'jscodeshift';
import { uniqueName, type AnyNode } from '../shared/ast';
import type { CallbackShape } from './callback-shape';
import type { PromisableApi } from './node-api-table';
import type { RewritePlan } from './plan';

/** Builds the statements that await `promise` and hand its values to the callback's names. */
function awaitStatements(j: JSCodeshift, api: PromisableApi, shape: CallbackShape, promise: AnyNode, reassigned: boolean, typescript: boolean): AnyNode[] {
  const params = shape.valueParams;
  const target = (): AnyNode => {
    if (params.length === 0) return undefined;
    if (api.result.kind === 'value') return params[0];
    const keys = api.result.keys;
    if (params.every((param) => param.type === 'Identifier' && !param.typeAnnotation)) {
      return objectPatternOf(j, params.map((param, i) => [keys[i], param.name]));
    }
    return j.objectPattern(params.map((param, i) => j.objectProperty(j.identifier(keys[i]), param)));
  };
  const awaited = j.awaitExpression(promise);
  const style = shape.errorStyle;

  if (style.kind === 'throw') {
    const pattern = target();
    if (!pattern) return [j.expressionStatement(awaited)];
    if (pattern.type === 'ObjectPattern') stripTypes(pattern);
    return [j.variableDeclaration(reassigned ? 'let' : 'const', [j.variableDeclarator(pattern, awaited)])];
  }

  // Only the awaited call sits inside the try, so the handler never sees the success path's errors.
  const statements: AnyNode[] = [];
  let tryBody: AnyNode;
  if (params.length === 0) {
    tryBody = j.expressionStatement(awaited);
  } else {
    statements.push(j.variableDeclaration('let', params.map((param) => {
      const id = j.identifier(param.name);
      if (params.length === 1 && param.typeAnnotation) id.typeAnnotation = param.typeAnnotation;
      return j.variableDeclarator(id, null);
    })));
    const keys = api.result.kind === 'object' ? api.result.keys : [];
    const left = api.result.kind === 'value'
      ? j.identifier(params[0].name)
      : objectPatternOf(j, params.map((param, i) => [keys[i], param.name]));
    tryBody = j.expressionStatement(j.assignmentExpression('=', left, awaited));
  }
  const handler = style.kind === 'catch'
    ? j.catchClause(catchParam(j, style.errName, typescript), null, style.handlerBlock ?? j.blockStatement(style.handler))
    : j.catchClause(null, null, j.blockStatement([]));
  statements.push(j.tryStatement(j.blockStatement([tryBody]), handler));
  return statements;
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

/** TypeScript annotations cannot stand inside a destructuring pattern's values. */
function stripTypes(pattern: AnyNode): void {
  for (const property of pattern.properties) if (property.value?.typeAnnotation) property.value.typeAnnotation = null;
}

export interface RewriteContext {
  j: JSCodeshift;
  /** Every identifier name in the file, to pick new names that clash with nothing. */
  takenNames: Set<string>;
  /** The expression to call in place of the callback API. */
  calleeFor(plan: RewritePlan): AnyNode;
  /** Records an async function this transform made, whose body later sites may extend. */
  markOwnAsync(fn: AnyNode): void;
  typescript: boolean;
  /** Does the file end its statements with semicolons? Without them, an IIFE needs `void`. */
  usesSemicolons: boolean;
}

/** Applies one plan to the AST. */
export function applyRewrite(plan: RewritePlan, context: RewriteContext): void {
  const j = context.j;
  const { site, api, shape, placement } = plan;
  const args = site.call.arguments.slice(0, -1);
  const promiseCall = j.callExpression(context.calleeFor(plan), args);
  const statement = placement.statementPath.value;

  if (placement.kind === 'iife') {
    const body = [...awaitStatements(j, api, shape, promiseCall, plan.reassigned, context.typescript), ...shape.success];
    const fn = j.arrowFunctionExpression([], j.blockStatement(body));
    fn.async = true;
    context.markOwnAsync(fn);
    const call = j.callExpression(fn, []);
    const replacement = j.expressionStatement(context.usesSemicolons ? call : j.unaryExpression('void', call));
    replacement.comments = statement.comments;
    placement.statementPath.replace(replacement);
    return;
  }

  const { list, index } = placement;
  const after = list.slice(index + 1);
  const onlyHoisted = after.every((node) => node.type === 'FunctionDeclaration');
  if (onlyHoisted) {
    // Nothing runs between the start and the await: the plain form is the same thing.
    const replacement = [...awaitStatements(j, api, shape, promiseCall, plan.reassigned, context.typescript), ...shape.success];
    if (replacement[0]) replacement[0].comments = statement.comments;
    list.splice(index, 1, ...replacement);
    return;
  }
  // Start now, let the code that followed run, then wait: the callback ran after it before.
  const firstName = shape.valueParams[0]?.type === 'Identifier' ? shape.valueParams[0].name : api.name;
  const promiseName = uniqueName(`${firstName}Promise`, context.takenNames);
  const start = j.variableDeclaration('const', [j.variableDeclarator(j.identifier(promiseName), promiseCall)]);
  start.comments = statement.comments;
  list.splice(index, 1, start);
  list.push(...awaitStatements(j, api, shape, j.identifier(promiseName), plan.reassigned, context.typescript), ...shape.success);
}
