import type { ASTPath } from 'jscodeshift';
import { alwaysExits } from '../shared/control-flow';
import { walk, type AnyNode } from '../shared/ast';
import { enclosingFunction, isKnownNativePromise, isNativeLinkCall, type Chain, type PromiseSources } from './detect';
import { namesBroughtIn, readLinks, type HandlerProblem, type ReadLink } from './handlers';

/**
 * Where the chain's value goes, which decides the statements that replace it:
 * - `return`: `return chain` (or `return await chain`, or an arrow's expression body);
 * - `discard`: `await chain;`
 * - `declare`: `const x = await chain;`
 * - `assign`: `x = await chain;`
 * A chain neither returned nor awaited runs concurrently with the code after it, and stays.
 */
export type Sink =
  | { kind: 'return'; statementPath: ASTPath<AnyNode>; arrowBody: boolean; awaited: boolean }
  | { kind: 'discard'; statementPath: ASTPath<AnyNode> }
  | { kind: 'declare'; statementPath: ASTPath<AnyNode>; declKind: string; id: AnyNode }
  | { kind: 'assign'; statementPath: ASTPath<AnyNode>; target: AnyNode };

export interface ChainPlan {
  chain: Chain;
  links: ReadLink[];
  sink: Sink;
  /** The function the chain is in (undefined at a module's top level). */
  fnPath?: ASTPath<AnyNode>;
  /** The function becomes async (it returned the chain's promise, and only promises). */
  makeAsync: boolean;
  receiverKnown: boolean;
  /** Ticks from the receiver settling to the value being seen, in the chain (the tick model of docs/rules.md). */
  ticksBefore: number;
}

export type Plan = { kind: 'convert'; plan: ChainPlan } | { kind: 'skip'; problem: HandlerProblem };

const problem = (messageId: string, node: AnyNode, data?: HandlerProblem['data'], ruleId = 'timing/promise-chain-not-converted'): HandlerProblem => ({ ruleId, messageId, data, node });

/** Reads where the chain's value goes; a problem when it is neither returned nor awaited. */
function readSink(chain: Chain): Sink | HandlerProblem {
  const { path } = chain;
  const parent = path.parent.value;
  if (parent.type === 'ReturnStatement') return { kind: 'return', statementPath: path.parent, arrowBody: false, awaited: false };
  if (parent.type === 'ArrowFunctionExpression' && parent.body === path.value) return { kind: 'return', statementPath: path.parent, arrowBody: true, awaited: false };
  if (parent.type === 'ExpressionStatement') return problem('fireAndForget', chain.outer);
  if (parent.type !== 'AwaitExpression') return problem('usedAsValue', chain.outer);
  const awaitPath = path.parent;
  const outer = awaitPath.parent.value;
  if (outer.type === 'ExpressionStatement') return { kind: 'discard', statementPath: awaitPath.parent };
  if (outer.type === 'ReturnStatement') return { kind: 'return', statementPath: awaitPath.parent, arrowBody: false, awaited: true };
  if (outer.type === 'VariableDeclarator' && outer.init === awaitPath.value) {
    const declaration = awaitPath.parent.parent;
    if (declaration.value.declarations.length === 1 && !/^For/.test(declaration.parent.value.type)) {
      return { kind: 'declare', statementPath: declaration, declKind: declaration.value.kind, id: outer.id };
    }
  }
  if (outer.type === 'AssignmentExpression' && outer.operator === '=' && outer.right === awaitPath.value && awaitPath.parent.parent.value.type === 'ExpressionStatement') {
    const target = outer.left;
    const simple = target.type === 'Identifier' || (target.type === 'MemberExpression' && !target.computed && (target.object.type === 'ThisExpression' || target.object.type === 'Identifier'));
    if (simple) return { kind: 'assign', statementPath: awaitPath.parent.parent, target };
  }
  return problem('usedAsValue', chain.outer);
}

/** Is this expression a promise as the file shows it (a chain, `new Promise`, a known promise API)? */
export function isPromiseExpression(node: AnyNode, sources: PromiseSources): boolean {
  if (node.type === 'AwaitExpression') return false;
  return isNativeLinkCall(node) || isKnownNativePromise(node, sources);
}

/**
 * Can `fn` become async without its callers seeing another kind of value? Only when every
 * return gives a promise already (and no path falls off its end, which gave undefined).
 */
export function refuseFunctionNotAsyncable(fnPath: ASTPath<AnyNode>, sources: PromiseSources): HandlerProblem | undefined {
  const fn = fnPath.value;
  if (fn.generator || fn.kind === 'get' || fn.kind === 'set' || fn.kind === 'constructor') return problem('functionCannotBeAsync', fn);
  if (fn.body.type !== 'BlockStatement') return undefined;
  let other: AnyNode | undefined;
  walk(fn.body, (node) => {
    if (other) return false;
    if (node.type === 'ReturnStatement' && !(node.argument && isPromiseExpression(node.argument, sources))) other = node;
    return undefined;
  }, { skipFunctions: true });
  if (other) return problem('returnsOtherValues', other);
  if (!alwaysExits(fn.body.body)) return problem('returnsOtherValues', fn);
  return undefined;
}

/** Names used in `scope` outside `except` (the handler whose names are checked). */
export function namesOutside(scope: AnyNode, except: AnyNode): Set<string> {
  const names = new Set<string>();
  walk(scope, (node) => {
    if (node === except) return false;
    if (node.type === 'Identifier') names.add(node.name);
    return undefined;
  });
  return names;
}

/** An inlined handler's parameter or declaration would clash with a name of the enclosing scope. */
function refuseNameConflict(links: ReadLink[], scope: AnyNode): HandlerProblem | undefined {
  for (const link of links) {
    for (const handler of [link.onValue, link.onError, link.onFinally]) {
      if (!handler || handler.kind !== 'inline') continue;
      const outside = namesOutside(scope, handler.fn);
      const clash = namesBroughtIn(handler, handler !== link.onValue).find((name) => outside.has(name));
      if (clash) return problem('nameConflict', handler.fn, { name: clash });
    }
  }
  return undefined;
}

/** A handler whose inner `return` cannot become the function's own return. */
function refuseEarlyReturn(links: ReadLink[], sink: Sink): HandlerProblem | undefined {
  for (const [index, link] of links.entries()) {
    const last = index === links.length - 1;
    for (const handler of [link.onValue, link.onError]) {
      if (handler?.kind === 'inline' && handler.earlyReturns && !(last && sink.kind === 'return')) return problem('returnInsideHandler', handler.fn);
    }
    // then(onValue, onError): onError must not see onValue's throws, and the two paths must not
    // run into each other: exact with both branches returning, which a returned chain's last link gives.
    if (link.onValue && link.onError && !(last && sink.kind === 'return')) return problem('twoHandlersNotLast', link.link.call);
  }
  return undefined;
}

/**
 * `return chain` (not awaited) inside a try of its function: the catch never saw the chain's
 * rejection and the finally ran before it settled; awaited, both would change.
 */
function refuseReturnInTry(sink: Sink, fnPath: ASTPath<AnyNode> | undefined): HandlerProblem | undefined {
  if (sink.kind !== 'return' || sink.awaited || sink.arrowBody) return undefined;
  for (let current = sink.statementPath.parent; current && current !== fnPath; current = current.parent) {
    if (current.value.type === 'TryStatement') return problem('returnInTry', sink.statementPath.value);
  }
  return undefined;
}

/** Ticks from the receiver settling to the chain's promise settling (values, not promises, from handlers). */
export function chainTicks(links: ReadLink[]): number {
  return links.reduce((sum, link) => sum + (link.onFinally ? 3 : 1), 0);
}

export function planChain(chain: Chain, sources: PromiseSources, program: AnyNode, functions: Set<string>): Plan {
  const sink = readSink(chain);
  if ('ruleId' in sink) {
    // A library method makes the chain a library chain, whatever its place.
    const links = readLinks(chain.links, functions);
    if ('ruleId' in links && links.ruleId === 'timing/promise-library-method') return { kind: 'skip', problem: links };
    return { kind: 'skip', problem: sink };
  }
  const links = readLinks(chain.links, functions);
  if ('ruleId' in links) return { kind: 'skip', problem: links };
  const fnPath = enclosingFunction(chain.path);
  if (sink.kind === 'return' && !fnPath) return { kind: 'skip', problem: problem('usedAsValue', chain.outer) };
  const makeAsync = sink.kind === 'return' && !fnPath!.value.async;
  if (makeAsync) {
    const refused = refuseFunctionNotAsyncable(fnPath!, sources);
    if (refused) return { kind: 'skip', problem: refused };
  }
  const scope = fnPath ? fnPath.value : program;
  const refused = refuseReturnInTry(sink, fnPath) ?? refuseEarlyReturn(links, sink) ?? refuseNameConflict(links, scope);
  if (refused) return { kind: 'skip', problem: refused };
  const receiverKnown = isKnownNativePromise(chain.base, sources);
  let ticksBefore = chainTicks(links);
  if (sink.kind === 'return' && !makeAsync) ticksBefore += 1; // async function adopting (or awaiting) the chain
  if (sink.kind !== 'return') ticksBefore += 1; // the await of the chain
  return { kind: 'convert', plan: { chain, links, sink, fnPath, makeAsync, receiverKnown, ticksBefore } };
}
