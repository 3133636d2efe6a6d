import { childNodes, type AnyNode } from '../transforms/shared/ast';
import {
  isAssignmentTo, isDefaultCallback, isTypeofFunction, isUsedOnlyAsFunction, localRequiresOf, shiftedParam, thisAliasesOf, usesAsCallback,
} from './callback-param';
import { declaredNames, errorName, isFunction, isFunctionValue, lineOf, memberProperty, readsName, refOf, textOf, type RefScope } from './syntax';
import type { CallbackParam, Effect, Ref, ValueShape } from './types';

/**
 * Reads what a function does with its last parameter, as an Effect tree (plain data): direct
 * calls, hand-offs to callees, functions that use it passed to callees, stores. Callees stay
 * unresolved here; summaries.ts evaluates the tree once the callees' summaries are known.
 */

const empty: Effect = { k: 'seq', items: [] };

function seq(...items: Effect[]): Effect {
  const kept = items.filter((item) => !(item.k === 'seq' && item.items.length === 0));
  return kept.length === 1 ? kept[0] : { k: 'seq', items: kept };
}

interface Context {
  cb: string;
  scope: RefScope;
  /** Local functions that use the callback (`function next() { … cb() }`), by name. */
  localFunctions: Map<string, AnyNode>;
  /** Local functions being read, for recursion. */
  visiting: Set<string>;
  localReads: number;
}

/** The callback parameter of a function and what the body does with it, or undefined when it has none. */
export function readCallbackParam(fn: AnyNode, moduleNames: ReadonlySet<string>, instanceOf?: ReadonlyMap<string, string>): CallbackParam | undefined {
  const params: AnyNode[] = fn.params;
  const last = params[params.length - 1];
  const lastName = last?.type === 'Identifier' ? last.name : last?.type === 'AssignmentPattern' && last.left.type === 'Identifier' ? last.left.name : undefined;
  if (!lastName || !fn.body) return undefined;
  if (!usesAsCallback(fn.body, lastName) || !isUsedOnlyAsFunction(fn.body, lastName)) return undefined;
  const paramNames = params.map((param) => (param.type === 'Identifier' ? param.name : param.left?.name)).filter(Boolean) as string[];
  const localNames = declaredNames(fn);
  for (const name of paramNames) localNames.delete(name);
  const context: Context = {
    cb: lastName,
    scope: { moduleNames, localNames, thisAliases: thisAliasesOf(fn), localRequires: localRequiresOf(fn), instanceOf },
    localFunctions: new Map(),
    visiting: new Set(),
    localReads: 0,
  };
  const optional: string[] = [];
  let defaultCallback = last.type === 'AssignmentPattern';
  const statements: AnyNode[] = fn.body.type === 'BlockStatement' ? fn.body.body : [{ type: 'ReturnStatement', argument: fn.body, loc: fn.body.loc }];
  const kept: AnyNode[] = [];
  for (const statement of statements) {
    const shifted = shiftedParam(statement, lastName, paramNames);
    if (shifted) optional.push(shifted);
    else if (isDefaultCallback(statement, lastName)) defaultCallback = true;
    else kept.push(statement);
  }
  const effect = readStatements(kept, context);
  return { name: lastName, index: params.length - 1, optional, defaultCallback, errorFirstCall: hasErrorFirstCall(effect), calledDirectly: callsDirectly(effect), effect };
}

function readStatements(statements: AnyNode[], context: Context): Effect {
  for (const statement of statements) registerLocalFunction(statement, context);
  return seq(...statements.map((statement) => readStatement(statement, context)));
}

function registerLocalFunction(statement: AnyNode, context: Context): void {
  if (statement.type === 'FunctionDeclaration' && statement.id && readsName(statement, context.cb)) {
    context.localFunctions.set(statement.id.name, statement);
  }
  if (statement.type === 'VariableDeclaration') {
    for (const declarator of statement.declarations) {
      if (declarator.id.type === 'Identifier' && isFunctionValue(declarator.init) && readsName(declarator.init, context.cb)) {
        context.localFunctions.set(declarator.id.name, declarator.init);
      }
    }
  }
}

function readStatement(node: AnyNode, context: Context): Effect {
  switch (node.type) {
    case 'BlockStatement':
      return readStatements(node.body, context);
    case 'ExpressionStatement':
      return readExpression(node.expression, context);
    case 'VariableDeclaration':
      return seq(...node.declarations.map((declarator: AnyNode) => {
        if (context.localFunctions.get(declarator.id.name) === declarator.init) return empty;
        if (isCallbackName(declarator.init, context)) return { k: 'stored', where: `the variable ${textOf(declarator.id)}`, line: lineOf(declarator) };
        return readExpression(declarator.init, context);
      }));
    case 'ReturnStatement':
    case 'ThrowStatement': {
      const how = node.type === 'ReturnStatement' ? 'return' : 'throw';
      const value = isCallbackName(node.argument, context) ? ({ k: 'stored', where: 'the return value', line: lineOf(node) } as Effect) : readExpression(node.argument, context);
      return seq(value, { k: 'exit', how });
    }
    case 'IfStatement':
      // `if (cb) cb(err)`: the path without a callback is not part of its protocol.
      if (testsCallback(node.test, context)) return readStatement(node.consequent, context);
      return seq(readExpression(node.test, context), { k: 'branch', options: [readStatement(node.consequent, context), node.alternate ? readStatement(node.alternate, context) : empty] });
    case 'ForStatement':
      return seq(node.init ? readStatementOrExpression(node.init, context) : empty, { k: 'loop', body: seq(readExpression(node.test, context), readStatement(node.body, context), readExpression(node.update, context)) });
    case 'ForInStatement':
    case 'ForOfStatement':
      return seq(readExpression(node.right, context), { k: 'loop', body: readStatement(node.body, context) });
    case 'WhileStatement':
      return { k: 'loop', body: seq(readExpression(node.test, context), readStatement(node.body, context)) };
    case 'DoWhileStatement': {
      const body = seq(readStatement(node.body, context), readExpression(node.test, context));
      return seq(body, { k: 'loop', body });
    }
    case 'SwitchStatement': {
      // Each case runs its own statements and falls through to the next until a break.
      const options = node.cases.map((_: AnyNode, index: number) => {
        const statements: AnyNode[] = [];
        for (const later of node.cases.slice(index)) {
          const breakAt = later.consequent.findIndex((s: AnyNode) => s.type === 'BreakStatement');
          statements.push(...(breakAt >= 0 ? later.consequent.slice(0, breakAt) : later.consequent));
          if (breakAt >= 0 || endsPath(later.consequent)) break;
        }
        return readStatements(statements, context);
      });
      const hasDefault = node.cases.some((c: AnyNode) => c.test === null);
      return seq(readExpression(node.discriminant, context), { k: 'branch', options: hasDefault ? options : [...options, empty] });
    }
    case 'TryStatement':
      return {
        k: 'try',
        block: readStatement(node.block, context),
        ...(node.handler && { handler: readStatement(node.handler.body, context) }),
        ...(node.finalizer && { finalizer: readStatement(node.finalizer, context) }),
      };
    case 'LabeledStatement':
      return readStatement(node.body, context);
    default:
      // Declarations of functions and classes run nothing; break/continue/empty do nothing to the callback.
      return empty;
  }
}

function endsPath(statements: AnyNode[]): boolean {
  const last = statements[statements.length - 1];
  return last?.type === 'ReturnStatement' || last?.type === 'ThrowStatement';
}

function readStatementOrExpression(node: AnyNode, context: Context): Effect {
  return node.type === 'VariableDeclaration' ? readStatement(node, context) : readExpression(node, context);
}

/** `cb`, `typeof cb === 'function'`: a guard that holds whenever there is a callback to call. */
function testsCallback(test: AnyNode, context: Context): boolean {
  return isCallbackName(test, context) || isTypeofFunction(test, context.cb) !== undefined;
}

function isCallbackName(node: AnyNode, context: Context): boolean {
  return node?.type === 'Identifier' && node.name === context.cb;
}

function readExpression(node: AnyNode, context: Context): Effect {
  if (!node) return empty;
  switch (node.type) {
    case 'CallExpression':
    case 'OptionalCallExpression':
    case 'NewExpression':
      return readCall(node, context);
    case 'ConditionalExpression':
      return seq(readExpression(node.test, context), { k: 'branch', options: [readExpression(node.consequent, context), readExpression(node.alternate, context)] });
    case 'LogicalExpression':
      if (node.operator === '&&' && testsCallback(node.left, context)) return readExpression(node.right, context);
      return seq(readExpression(node.left, context), { k: 'branch', options: [readExpression(node.right, context), empty] });
    case 'AssignmentExpression': {
      if (isAssignmentTo(node, context.cb)) return readExpression(node.right, context); // a default or a shift, read above
      if (isCallbackName(node.right, context)) return { k: 'stored', where: textOf(node.left), line: lineOf(node) };
      return readExpression(node.right, context);
    }
    case 'Identifier':
      return empty;
    case 'AwaitExpression':
      return seq(readExpression(node.argument, context), { k: 'await' });
    default:
      if (isFunction(node)) return readsName(node, context.cb) ? { k: 'stored', where: 'a function kept for later', line: lineOf(node) } : empty;
      return seq(...childNodes(node).map((child) => {
        if (isCallbackName(child, context) && (node.type === 'ArrayExpression' || node.type === 'ObjectProperty')) {
          return { k: 'stored', where: node.type === 'ArrayExpression' ? 'an array' : 'an object', line: lineOf(child) } as Effect;
        }
        return readExpression(child, context);
      }));
  }
}

function readCall(node: AnyNode, context: Context): Effect {
  const { callee } = node;
  const args: AnyNode[] = node.arguments;
  if (isCallbackName(callee, context)) return seq(...args.map((arg) => readExpression(arg, context)), { k: 'call', line: lineOf(node), values: args.map(valueShape) });
  const property = memberProperty(callee);
  if ((property === 'call' || property === 'apply') && isCallbackName(callee.object, context)) {
    const values: ValueShape[] = property === 'call' ? args.slice(1).map(valueShape) : ['spread'];
    return { k: 'call', line: lineOf(node), values };
  }
  if (callee.type === 'Identifier' && context.localFunctions.has(callee.name)) {
    return seq(...args.map((arg) => readExpression(arg, context)), readLocalFunction(callee.name, node, context));
  }
  const before = callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression' ? readExpression(callee.object, context) : readExpression(callee, context);
  const ref = refOf(callee, context.scope, node.type === 'NewExpression');
  const text = textOf(callee);
  if (property === 'then' && args.length === 2 && ref.kind === 'builtin') {
    // `.then(onFulfilled, onRejected)`: exactly one of the two runs.
    const settle: Ref = { kind: 'builtin', name: 'promise.settle' };
    const handler = (arg: AnyNode, index: number) => readArgument(arg, index, true, settle, text, lineOf(node), context);
    return seq(before, { k: 'branch', options: [handler(args[0], 0), handler(args[1], 1)] });
  }
  const effects: Effect[] = [before];
  args.forEach((arg, index) => {
    const effect = readArgument(arg, index, index === args.length - 1, ref, text, lineOf(node), context);
    // process.nextTick(cb, null, v), setTimeout(cb, 0, err): the callback is called with the arguments that follow.
    const passed = index === 0 && ref.kind === 'builtin' ? schedulerArguments[ref.name] : undefined;
    effects.push(effect.k === 'handoff' && passed !== undefined ? { ...effect, values: args.slice(passed).map(valueShape) } : effect);
  });
  return seq(...effects);
}

/** One argument of a call that is not the callback's own: hand-off, a function using the callback, or plain evaluation. */
function readArgument(arg: AnyNode, index: number, last: boolean, ref: Ref, text: string, line: number, context: Context): Effect {
  if (isCallbackName(arg, context) || (memberProperty(arg?.callee) === 'bind' && isCallbackName(arg.callee.object, context))) {
    return { k: 'handoff', callee: ref, text, line, index, last };
  }
  if (isFunctionValue(arg) && readsName(arg, context.cb)) {
    return { k: 'nested', callee: ref, text, line, index, last, body: readFunctionBody(arg, context) };
  }
  if (arg.type === 'Identifier' && context.localFunctions.has(arg.name)) {
    return { k: 'nested', callee: ref, text, line, index, last, body: readLocalFunction(arg.name, arg, context) };
  }
  return readExpression(arg, context);
}

/** Where the arguments passed on to a scheduled function start. */
const schedulerArguments: Partial<Record<string, number>> = { 'process.nextTick': 1, setImmediate: 1, setTimeout: 2, setInterval: 2 };

/** Local functions are read again at each call site; past this many, the rest is not followed. */
const maxLocalReads = 200;

function readLocalFunction(name: string, at: AnyNode, context: Context): Effect {
  if (context.visiting.has(name)) return { k: 'recursive', name, line: lineOf(at) };
  if (++context.localReads > maxLocalReads) return { k: 'stored', where: `the local function ${name}, too many calls of local functions to follow`, line: lineOf(at) };
  context.visiting.add(name);
  try {
    return { k: 'local', name, body: readFunctionBody(context.localFunctions.get(name), context) };
  } finally {
    context.visiting.delete(name);
  }
}

function readFunctionBody(fn: AnyNode, context: Context): Effect {
  if (fn.body.type !== 'BlockStatement') return readExpression(fn.body, context);
  return readStatements(fn.body.body, context);
}

function valueShape(arg: AnyNode): ValueShape {
  if (arg.type === 'NullLiteral') return 'null';
  if ((arg.type === 'Identifier' && arg.name === 'undefined') || (arg.type === 'UnaryExpression' && arg.operator === 'void')) return 'undefined';
  if (arg.type === 'SpreadElement') return 'spread';
  if (arg.type === 'Identifier' && errorName.test(arg.name)) return 'error';
  if ((arg.type === 'NewExpression' || arg.type === 'CallExpression') && arg.callee.type === 'Identifier' && /Error$/.test(arg.callee.name)) return 'error';
  return 'value';
}

function looksErrorFirst(values: ValueShape[]): boolean {
  return values.length === 0 || ['null', 'undefined', 'error'].includes(values[0]);
}

function callsDirectly(effect: Effect): boolean {
  switch (effect.k) {
    case 'call':
      return true;
    case 'handoff':
      return effect.values !== undefined;
    case 'seq':
      return effect.items.some(callsDirectly);
    case 'branch':
      return effect.options.some(callsDirectly);
    case 'loop':
    case 'nested':
    case 'local':
      return callsDirectly(effect.body);
    case 'await':
      return false;
    case 'try':
      return [effect.block, effect.handler, effect.finalizer].some((part) => part !== undefined && callsDirectly(part));
    default:
      return false;
  }
}

function hasErrorFirstCall(effect: Effect): boolean {
  switch (effect.k) {
    case 'call':
      return looksErrorFirst(effect.values);
    case 'handoff':
      return effect.values !== undefined && looksErrorFirst(effect.values);
    case 'seq':
      return effect.items.some(hasErrorFirstCall);
    case 'branch':
      return effect.options.some(hasErrorFirstCall);
    case 'loop':
      return hasErrorFirstCall(effect.body);
    case 'nested':
    case 'local':
      return hasErrorFirstCall(effect.body);
    case 'try':
      return [effect.block, effect.handler, effect.finalizer].some((part) => part !== undefined && hasErrorFirstCall(part));
    default:
      return false;
  }
}
