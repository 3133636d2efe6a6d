import { isFunctionNode, patternNames, some, walk, type AnyNode } from '../shared/ast';
import type { Link } from './detect';

/**
 * What a link's handler is, once read: a function inlined in place (its parameter bound to the
 * value, its returns delivering the link's result), or a plain name called with the value (the
 * promise calls it with one argument and no `this`, which `name(value)` does too). A name is
 * only taken when it is a function declared once in the file: a parameter may be undefined,
 * which `.then` passes over and a call would throw on.
 */
export type Handler =
  | { kind: 'inline'; fn: AnyNode; param?: AnyNode; earlyReturns: boolean }
  | { kind: 'named'; name: AnyNode };

/** A link read: its role and handlers. `then(f, r)` has both. */
export interface ReadLink {
  link: Link;
  onValue?: Handler;
  onError?: Handler;
  onFinally?: Handler;
}

/** Why a handler cannot be inlined: a message id of the rule, and its data. */
export interface HandlerProblem {
  ruleId: string;
  messageId: string;
  data?: Record<string, string | number>;
  node: AnyNode;
}

function isLoopOrSwitch(node: AnyNode): boolean {
  return /^(For|ForIn|ForOf|While|DoWhile|Switch)Statement$/.test(node.type);
}

/** Returns below a handler body (not in nested functions), with whether one sits in a loop or switch. */
function readReturns(body: AnyNode): { count: number; lastIsReturn: boolean; inLoop: boolean } {
  let count = 0;
  let inLoop = false;
  const visit = (node: AnyNode, loopDepth: number): void => {
    if (node !== body && isFunctionNode(node)) return;
    if (node.type === 'ReturnStatement') {
      count++;
      if (loopDepth > 0) inLoop = true;
    }
    const depth = loopDepth + (isLoopOrSwitch(node) ? 1 : 0);
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'comments' || key === 'leadingComments' || key === 'trailingComments') continue;
      const value = node[key];
      if (Array.isArray(value)) value.forEach((item) => item && typeof item.type === 'string' && visit(item, depth));
      else if (value && typeof value.type === 'string') visit(value, depth);
    }
  };
  visit(body, 0);
  const last = body.body[body.body.length - 1];
  return { count, lastIsReturn: last?.type === 'ReturnStatement', inLoop };
}

function usesThisOrArguments(fn: AnyNode): boolean {
  return some(fn.body, (node) => node.type === 'ThisExpression' || (node.type === 'Identifier' && node.name === 'arguments'), { skipNonArrowFunctions: true });
}

function isNullish(node: AnyNode): boolean {
  return (node.type === 'Identifier' && node.name === 'undefined') || node.type === 'NullLiteral' || (node.type === 'Literal' && node.value === null);
}

/** Reads one handler argument; `allowParam` is false for `.finally`, which passes nothing. */
function readHandler(node: AnyNode, allowParam: boolean, functions: Set<string>): Handler | HandlerProblem {
  if (node.type === 'Identifier' && functions.has(node.name)) return { kind: 'named', name: node };
  if (node.type === 'MemberExpression') return { ruleId: 'timing/callback-uses-this', messageId: 'handlerUnbound', data: { handler: memberText(node) }, node };
  if (node.type !== 'ArrowFunctionExpression' && node.type !== 'FunctionExpression') {
    return { ruleId: 'timing/promise-chain-not-converted', messageId: 'handlerNotFunction', node };
  }
  if (node.generator) return { ruleId: 'timing/promise-chain-not-converted', messageId: 'generatorHandler', node };
  if (node.type === 'FunctionExpression' && usesThisOrArguments(node)) return { ruleId: 'timing/callback-uses-this', messageId: 'handlerUsesThis', node };
  if (node.type === 'FunctionExpression' && node.id) return { ruleId: 'timing/promise-chain-not-converted', messageId: 'handlerNamed', data: { name: node.id.name }, node };
  const limit = allowParam ? 1 : 0;
  if (node.params.length > limit) return { ruleId: 'timing/promise-chain-not-converted', messageId: 'handlerExtraParams', data: { count: node.params.length, passed: limit }, node };
  const param = node.params[0];
  if (param && param.type !== 'Identifier' && param.type !== 'ObjectPattern' && param.type !== 'ArrayPattern') {
    return { ruleId: 'timing/promise-chain-not-converted', messageId: 'handlerParamDefault', node };
  }
  let earlyReturns = false;
  if (node.body.type === 'BlockStatement') {
    const returns = readReturns(node.body);
    if (returns.inLoop) return { ruleId: 'timing/promise-chain-not-converted', messageId: 'returnInLoop', node };
    earlyReturns = returns.count > (returns.lastIsReturn ? 1 : 0);
    if (!allowParam && returns.count > 0) return { ruleId: 'timing/promise-chain-not-converted', messageId: 'returnInFinally', node };
  }
  return { kind: 'inline', fn: node, param, earlyReturns };
}

function memberText(node: AnyNode): string {
  const object = node.object.type === 'ThisExpression' ? 'this' : node.object.type === 'Identifier' ? node.object.name : '…';
  return node.computed ? `${object}[…]` : `${object}.${node.property.name}`;
}

function hasNarrowTypeAnnotation(param: AnyNode | undefined): boolean {
  const type = param?.typeAnnotation?.typeAnnotation;
  return type !== undefined && type.type !== 'TSAnyKeyword' && type.type !== 'TSUnknownKeyword';
}

function isProblem(value: Handler | HandlerProblem): value is HandlerProblem {
  return 'ruleId' in value;
}

/** Reads every link of a chain; the first problem found stops it. */
export function readLinks(links: Link[], functions: Set<string>): ReadLink[] | HandlerProblem {
  const read: ReadLink[] = [];
  for (const link of links) {
    const { method, args } = link;
    if (method !== 'then' && method !== 'catch' && method !== 'finally') {
      return { ruleId: 'timing/promise-library-method', messageId: 'libraryMethod', data: { method }, node: link.call };
    }
    if (args.some((arg: AnyNode) => arg.type === 'SpreadElement')) return { ruleId: 'timing/promise-chain-not-converted', messageId: 'handlerNotFunction', node: link.call };
    if (method === 'catch' && args.length > 1) return { ruleId: 'timing/promise-library-method', messageId: 'catchWithPredicate', node: link.call };
    if (args.length === 0 || args.length > 2 || (method !== 'then' && args.length !== 1)) {
      return { ruleId: 'timing/promise-chain-not-converted', messageId: 'handlerCount', data: { method, count: args.length }, node: link.call };
    }
    const entry: ReadLink = { link };
    const roles: Array<[keyof ReadLink, AnyNode | undefined, boolean]> =
      method === 'then' ? [['onValue', isNullish(args[0]) ? undefined : args[0], true], ['onError', args[1] && !isNullish(args[1]) ? args[1] : undefined, true]]
      : method === 'catch' ? [['onError', args[0], true]]
      : [['onFinally', args[0], false]];
    for (const [role, node, allowParam] of roles) {
      if (!node) continue;
      const handler = readHandler(node, allowParam, functions);
      if (isProblem(handler)) return handler;
      // TypeScript allows only `any` or `unknown` on a catch clause's variable (TS1196).
      if (role === 'onError' && handler.kind === 'inline' && hasNarrowTypeAnnotation(handler.param)) {
        return { ruleId: 'timing/promise-chain-not-converted', messageId: 'errorParamTyped', node };
      }
      (entry as unknown as Record<string, Handler>)[role] = handler;
    }
    if (!entry.onValue && !entry.onError && !entry.onFinally) return { ruleId: 'timing/promise-chain-not-converted', messageId: 'handlerCount', data: { method, count: 0 }, node: link.call };
    read.push(entry);
  }
  return read;
}

/**
 * The names an inlined handler brings into the scope it lands in: its parameter and its
 * declarations. An error or finally handler lands in a catch or finally block of its own, which
 * scopes all but its `var`s.
 */
export function namesBroughtIn(handler: Handler, ownBlock: boolean): string[] {
  if (handler.kind !== 'inline') return [];
  const names = handler.param && !ownBlock ? patternNames(handler.param) : [];
  if (handler.fn.body.type !== 'BlockStatement') return names;
  if (!ownBlock) for (const statement of handler.fn.body.body) if (statement.type === 'FunctionDeclaration' && statement.id) names.push(statement.id.name);
  walk(handler.fn.body, (node) => {
    if (node.type === 'VariableDeclaration' && (node.kind === 'var' || !ownBlock)) for (const declarator of node.declarations) names.push(...patternNames(declarator.id));
    if (node.type === 'ClassDeclaration' && node.id && !ownBlock) names.push(node.id.name);
  }, { skipFunctions: true });
  return names;
}

/** Function names declared once in the file (function declarations, const functions): safe to call by name. */
export function findDeclaredFunctions(program: AnyNode): Set<string> {
  const counts = new Map<string, number>();
  const functions = new Set<string>();
  const count = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  walk(program, (node) => {
    if (node.type === 'FunctionDeclaration' && node.id) {
      count(node.id.name);
      if (!node.generator) functions.add(node.id.name);
    }
    if (node.type === 'VariableDeclarator') {
      for (const name of patternNames(node.id)) count(name);
      const init = node.init;
      if (node.id.type === 'Identifier' && init && (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression') && !init.generator) functions.add(node.id.name);
    }
    if (isFunctionNode(node)) for (const param of node.params) for (const name of patternNames(param)) count(name);
    if (node.type === 'CatchClause' && node.param) for (const name of patternNames(node.param)) count(name);
    if (node.type === 'ClassDeclaration' && node.id) count(node.id.name);
  });
  return new Set([...functions].filter((name) => counts.get(name) === 1));
}
