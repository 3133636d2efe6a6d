import type { JSCodeshift } from 'jscodeshift';
import { callsNamed, isIdentifierNamed, isReferenceIdentifier, patternNames, referencesName, some, walk, type AnyNode } from '../shared/ast';
import { isNumericExpression } from '../timers-to-async/delay-argument';
import type { PromiseTimer } from '../timers-to-async/timer-bindings';

/**
 * A callback API that calls back from a timer, `setTimeout(() => { …; cb(null, v) }, ms)` or
 * `setImmediate(() => readNote(dir, name, cb))`, written as the wait and then the body:
 * `await setTimeout(ms)` from `timers/promises` (or the file's own delay helper below Node 16),
 * then the timer's statements, which the rest of the conversion turns into returns and throws.
 * The body still runs in the timer's macrotask turn: the promise of `timers/promises` resolves
 * inside the same Timeout, and the continuation runs as a promise job right after it, before
 * the next timer or immediate.
 *
 * Only where nothing follows: the timer statement is the last thing its function does on its
 * path (the last statement of the body, or of an `if` branch that is itself last), so no code
 * that ran before the timer fired now runs after it. The timer callback takes no parameter,
 * is no `function` reading `this` or `arguments`, calls no `process.nextTick` (from a promise
 * job its tick would run after the other promise jobs) and declares no name the function uses
 * elsewhere; the call's value is not kept (no handle to clear).
 */
export interface TimerWait {
  /** The `setTimeout(ms)` / `setImmediate()` call placed in the copy; its callee is named once the conversion is kept. */
  call: AnyNode;
  timer: PromiseTimer;
  /** The original timer call, for the finding. */
  original: AnyNode;
}

/**
 * `timers/promises` rejects a delay that is not a number, which the global setTimeout
 * converts: a delay not surely a number goes through `Number(…)` there (not for a helper).
 */
export function convertDelay(j: JSCodeshift, wait: TimerWait): void {
  const [delay] = wait.call.arguments;
  if (delay && !isNumericExpression(delay, undefined)) wait.call.arguments = [j.callExpression(j.identifier('Number'), [delay])];
}

/** Rewrites the tail timers of `fn` (a trial copy) that call back; returns the waits it placed. */
export function rewriteTimerCallbacks(j: JSCodeshift, fn: AnyNode, callbackName: string, program: AnyNode): TimerWait[] {
  if (fn.body?.type !== 'BlockStatement') return [];
  // Without a timer call in fn there is no tail timer: the walks over the whole program are spared.
  if (!callsNamed(fn.body, ['setTimeout', 'setImmediate'])) return [];
  const waits: TimerWait[] = [];
  const shadowed = new Set(['setTimeout', 'setImmediate'].filter((name) => declaresName(program, name)));
  const visit = (list: AnyNode[]) => {
    const last = list[list.length - 1];
    if (!last) return;
    if (last.type === 'IfStatement') {
      for (const branch of [last.consequent, last.alternate]) {
        if (branch?.type === 'BlockStatement') visit(branch.body);
      }
      return;
    }
    if (last.type === 'BlockStatement') return visit(last.body);
    const timer = readTailTimer(last, callbackName, shadowed);
    if (!timer || declaresUsedName(fn, timer.callback)) return;
    const body = timer.callback.body.type === 'BlockStatement' ? timer.callback.body.body : [j.expressionStatement(timer.callback.body)];
    const call = j.callExpression(j.identifier(timer.name), timer.name === 'setTimeout' && timer.delay ? [timer.delay] : []);
    list.splice(list.length - 1, 1, j.expressionStatement(j.awaitExpression(call)), ...body);
    waits.push({ call, timer: timer.name, original: timer.call });
  };
  visit(fn.body.body);
  return waits;
}

interface TailTimer {
  name: PromiseTimer;
  call: AnyNode;
  callback: AnyNode;
  delay: AnyNode | undefined;
}

function readTailTimer(statement: AnyNode, callbackName: string, shadowed: Set<string>): TailTimer | undefined {
  const call = statement.type === 'ExpressionStatement' ? statement.expression : undefined;
  if (call?.type !== 'CallExpression' || call.callee.type !== 'Identifier') return undefined;
  const name = call.callee.name;
  if ((name !== 'setTimeout' && name !== 'setImmediate') || shadowed.has(name)) return undefined;
  const [callback, delay, ...rest] = call.arguments;
  if (rest.length > 0 || (name === 'setImmediate' && delay !== undefined) || delay?.type === 'SpreadElement') return undefined;
  if (callback?.type !== 'ArrowFunctionExpression' && callback?.type !== 'FunctionExpression') return undefined;
  if (callback.async || callback.generator || callback.params.length > 0) return undefined;
  if (!referencesName(callback.body, callbackName)) return undefined;
  if (callback.type === 'FunctionExpression' && some(callback.body, (node, parent) => node.type === 'ThisExpression' || (isIdentifierNamed(node, 'arguments') && isReferenceIdentifier(node, parent)), { skipNonArrowFunctions: true })) return undefined;
  if (some(callback.body, (node) => node.type === 'MemberExpression' && isIdentifierNamed(node.object, 'process') && isIdentifierNamed(node.property, 'nextTick'))) return undefined;
  return { name, call, callback, delay };
}

/** Does the program bind `name` anywhere (a local `setTimeout` is not the global timer)? */
function declaresName(program: AnyNode, name: string): boolean {
  return some(program, (node) =>
    ((node.type === 'VariableDeclarator' || node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') && patternNames(node.id).includes(name)) ||
    ((node.type === 'ImportSpecifier' || node.type === 'ImportDefaultSpecifier' || node.type === 'ImportNamespaceSpecifier') && isIdentifierNamed(node.local, name)) ||
    ((node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') && node.params.some((param: AnyNode) => isIdentifierNamed(param, name))),
  );
}

/** Does the timer body declare, at its top level, a name the function also uses outside it? */
function declaresUsedName(fn: AnyNode, callback: AnyNode): boolean {
  if (callback.body.type !== 'BlockStatement') return false;
  const declared = new Set<string>();
  for (const statement of callback.body.body) {
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) walk(declarator.id, (node) => (node.type === 'Identifier' ? (declared.add(node.name), true) : true));
    } else if ((statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && statement.id) {
      declared.add(statement.id.name);
    }
  }
  if (declared.size === 0) return false;
  let used = false;
  walk(fn, (node) => {
    if (node === callback || used) return false;
    if (node.type === 'Identifier' && declared.has(node.name)) used = true;
    return !used;
  });
  return used;
}
