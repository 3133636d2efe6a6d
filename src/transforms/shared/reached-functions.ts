import { isFunctionNode, walk, type AnyNode } from './ast';

/**
 * Code that moves into a promise job runs, in that job, the local functions it calls too: a
 * `process.nextTick` in a function the moved code calls by name ticks after the pending
 * promise jobs, just as one in the moved code would. These helpers follow such calls.
 */

const functionsByProgram = new WeakMap<AnyNode, Map<string, AnyNode[]>>();
const factoryMadeByProgram = new WeakMap<AnyNode, Set<string>>();

/** Names bound to a function a factory of the file returns (`const f = (function () { return function … })()`). */
export function factoryMadeFunctionNames(program: AnyNode): Set<string> {
  localFunctionsByName(program);
  return factoryMadeByProgram.get(program) ?? new Set();
}

/**
 * The file's functions by name: declarations, `const f = function/arrow`, and `const f = make()`
 * or `const f = (function () { return function … })()` where the factory is in the file (the
 * functions it returns), in any scope (a name may have several).
 */
export function localFunctionsByName(program: AnyNode): Map<string, AnyNode[]> {
  const known = functionsByProgram.get(program);
  if (known) return known;
  const byName = new Map<string, AnyNode[]>();
  const add = (name: string, fn: AnyNode) => byName.set(name, [...(byName.get(name) ?? []), fn]);
  const made: Array<{ name: string; factory: AnyNode }> = [];
  walk(program, (node) => {
    if (node.type === 'FunctionDeclaration' && node.id?.type === 'Identifier') add(node.id.name, node);
    if (node.type === 'VariableDeclarator' && node.id?.type === 'Identifier' && node.init && isFunctionNode(node.init)) add(node.id.name, node.init);
    if (node.type === 'VariableDeclarator' && node.id?.type === 'Identifier' && node.init?.type === 'CallExpression') made.push({ name: node.id.name, factory: node.init.callee });
  });
  const factoryMade = new Set<string>();
  for (const { name, factory } of made) {
    const makers = isFunctionNode(factory) ? [factory] : factory.type === 'Identifier' ? (byName.get(factory.name) ?? []) : [];
    for (const maker of makers) {
      for (const fn of returnedFunctions(maker)) {
        add(name, fn);
        factoryMade.add(name);
      }
    }
  }
  functionsByProgram.set(program, byName);
  factoryMadeByProgram.set(program, factoryMade);
  return byName;
}

/** The function expressions `fn` returns itself (not those of functions nested in it). */
function returnedFunctions(fn: AnyNode): AnyNode[] {
  if (fn.body?.type !== 'BlockStatement') return fn.body && isFunctionNode(fn.body) ? [fn.body] : [];
  const returned: AnyNode[] = [];
  walk(fn.body, (node) => {
    if (node !== fn.body && isFunctionNode(node)) return false;
    if (node.type === 'ReturnStatement' && node.argument && isFunctionNode(node.argument)) returned.push(node.argument);
    return true;
  });
  return returned;
}

/**
 * Walks `statements` like shared/ast.ts `walk`, then the bodies of the local functions they
 * call by name, and the functions those call, each once. `visit` returns false to skip a
 * subtree (a callback that runs later, in a job of its own); the walk stops once it returns 'stop'.
 */
export function walkWithCalledFunctions(
  statements: AnyNode[],
  program: AnyNode | undefined,
  visit: (node: AnyNode, parent: AnyNode | null) => boolean | 'stop',
): void {
  const functions = program ? localFunctionsByName(program) : new Map<string, AnyNode[]>();
  const queue: AnyNode[] = [...statements];
  const seen = new Set<AnyNode>();
  let stopped = false;
  while (queue.length > 0 && !stopped) {
    const root = queue.shift()!;
    walk(root, (node, parent) => {
      if (stopped) return false;
      const verdict = visit(node, parent);
      if (verdict === 'stop') {
        stopped = true;
        return false;
      }
      if (verdict === false) return false;
      if (node.type === 'CallExpression' && node.callee?.type === 'Identifier') {
        for (const fn of functions.get(node.callee.name) ?? []) {
          if (seen.has(fn)) continue;
          seen.add(fn);
          queue.push(fn.body);
        }
      }
      return true;
    });
  }
}

/** The Program node above a path, if any. */
export function programOf(path: { value: AnyNode; parent?: unknown } | null | undefined): AnyNode | undefined {
  for (let current: any = path; current; current = current.parent) if (current.value?.type === 'Program') return current.value;
  return undefined;
}

/**
 * What a converted-and-flagged nextTick spans: the code whose body moved, and every local
 * function it calls by name (transitively), where the nextTick may sit: the lines their ticks
 * print may change places with promise jobs.
 */
export function nextTickFlagNodes(program: AnyNode | undefined, moved: AnyNode): AnyNode[] {
  const functions = program ? localFunctionsByName(program) : new Map<string, AnyNode[]>();
  const reached = new Set<AnyNode>();
  walkWithCalledFunctions([moved], program, (node) => {
    if (node.type === 'CallExpression' && node.callee?.type === 'Identifier') for (const fn of functions.get(node.callee.name) ?? []) reached.add(fn);
    return true;
  });
  return [moved, ...[...reached].filter((fn) => fn.loc && !(moved.loc && contains(moved.loc, fn.loc)))];
}

type Loc = { start: { line: number; column: number }; end: { line: number; column: number } };

function contains(outer: Loc, inner: Loc): boolean {
  const before = (a: Loc['start'], b: Loc['start']) => a.line < b.line || (a.line === b.line && a.column <= b.column);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}
