import { childNodes, isFunctionNode, type AnyNode } from '../transforms/shared/ast';
import { isErrorParamName } from '../transforms/shared/error-names';
import type { Span } from '../types';

/**
 * Measures, in the source as written, how deep callbacks nest: callback pyramids (error-first
 * callbacks inside error-first callbacks) and timer chains (a timer callback that starts the
 * next timer, or a function that schedules itself again). Measurement only: what the
 * transforms do at those spots comes from their findings (src/timing/scan.ts).
 */
export interface MeasuredNesting extends Span {
  depth: number;
  /** A timer chain made by a function that schedules itself again. */
  recursive?: boolean;
}

export interface Nestings {
  pyramids: MeasuredNesting[];
  timerChains: MeasuredNesting[];
}

const timerNames = new Set(['setTimeout', 'setImmediate', 'setInterval']);

function lastArgument(call: AnyNode): AnyNode | undefined {
  return call.arguments[call.arguments.length - 1];
}

function isInlineFunction(node: AnyNode): boolean {
  return !!node && (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression');
}

/** `op(…, (err, …) => …)`: the last argument is an inline function whose first parameter is an error. */
function errorFirstCallback(call: AnyNode): AnyNode | undefined {
  const last = lastArgument(call);
  if (!isInlineFunction(last)) return undefined;
  const first = last.params[0];
  return first?.type === 'Identifier' && isErrorParamName(first.name) ? last : undefined;
}

function timerCallee(call: AnyNode): string | undefined {
  return call.callee?.type === 'Identifier' && timerNames.has(call.callee.name) ? call.callee.name : undefined;
}

function timerCallback(call: AnyNode): AnyNode | undefined {
  if (!timerCallee(call)) return undefined;
  const first = call.arguments[0];
  return isInlineFunction(first) ? first : undefined;
}

function spanOf(node: AnyNode): Span {
  const loc = node.loc;
  return { line: loc.start.line, column: loc.start.column + 1, endLine: loc.end.line, endColumn: loc.end.column + 1 };
}

/** How many levels of `levelOf` callbacks nest below (and including) a node. */
function deepest(node: AnyNode, levelOf: (call: AnyNode) => AnyNode | undefined): number {
  let best = 0;
  const visit = (current: AnyNode, depth: number) => {
    const callback = current.type === 'CallExpression' ? levelOf(current) : undefined;
    const here = callback ? depth + 1 : depth;
    best = Math.max(best, here);
    for (const child of childNodes(current)) visit(child, here);
  };
  visit(node, 0);
  return best;
}

/** Outermost calls with a nested callback of the given kind, and the depth below each. */
function measure(program: AnyNode, levelOf: (call: AnyNode) => AnyNode | undefined): MeasuredNesting[] {
  const found: MeasuredNesting[] = [];
  const visit = (node: AnyNode) => {
    if (node.type === 'CallExpression' && levelOf(node) && node.loc) {
      const depth = deepest(node, levelOf);
      if (depth >= 2) found.push({ ...spanOf(node), depth });
      return;
    }
    for (const child of childNodes(node)) visit(child);
  };
  visit(program);
  return found;
}

function functionName(fn: AnyNode, parent: AnyNode | null): string | undefined {
  if (fn.id?.type === 'Identifier') return fn.id.name;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  return undefined;
}

/** Does a timer call inside `fn` schedule `name` again (`setTimeout(name, …)` or `() => name()`)? */
function schedulesItself(fn: AnyNode, name: string): boolean {
  let found = false;
  const visit = (node: AnyNode) => {
    if (found) return;
    if (node.type === 'CallExpression' && timerCallee(node)) {
      const first = node.arguments[0];
      const callsName = (candidate: AnyNode) => candidate?.type === 'CallExpression' && candidate.callee.type === 'Identifier' && candidate.callee.name === name;
      if (first?.type === 'Identifier' && first.name === name) found = true;
      else if (isInlineFunction(first) && (callsName(first.body) || (first.body.type === 'BlockStatement' && first.body.body.some((s: AnyNode) => s.type === 'ExpressionStatement' && callsName(s.expression))))) found = true;
    }
    for (const child of childNodes(node)) visit(child);
  };
  visit(fn.body);
  return found;
}

function recursiveTimers(program: AnyNode): MeasuredNesting[] {
  const found: MeasuredNesting[] = [];
  const visit = (node: AnyNode, parent: AnyNode | null) => {
    if (isFunctionNode(node) && node.loc) {
      const name = functionName(node, parent);
      if (name && schedulesItself(node, name)) found.push({ ...spanOf(node), depth: 2, recursive: true });
    }
    for (const child of childNodes(node)) visit(child, node);
  };
  visit(program, null);
  return found;
}

function bySpan(a: Span, b: Span): number {
  return a.line - b.line || a.column - b.column;
}

export function measureNestings(program: AnyNode): Nestings {
  const nested = measure(program, timerCallback);
  const recursive = recursiveTimers(program).filter((chain) => !nested.some((other) => other.line === chain.line && other.column === chain.column));
  return {
    pyramids: measure(program, errorFirstCallback),
    timerChains: [...nested, ...recursive].sort(bySpan),
  };
}
