import type { TransformOptions } from '../types';
import { isNullish, type AnyNode } from './shared/ast';
import { isErrorParamName } from './shared/error-names';
import { findModuleBindings } from './shared/module-bindings';
import { isAsyncLibrarySpecifier } from './callbacks-to-async/async-library';
import { entriesOf } from './callbacks-to-async/ecosystem/table';
import { findPromisableApi, findRefusedApi, toNodeModuleName } from './callbacks-to-async/node-api-table';
import { callbackLikeName } from './callbacks-to-async/callback-functions';

/**
 * The cheap first pass: from a bare parse (no recast, no scopes, one walk), can any transform
 * find anything in this file? Each transform's entry here is a coarse superset of what its
 * detection looks for: a file for which every selected transform says no is reported unchanged
 * without being handed to recast, transformed or printed. A trigger too narrow would drop
 * findings silently, so test/triggers.test.ts runs every fixture input through the full
 * pipeline and fails when a file with a finding or a change does not pass here: a change to a
 * transform's detection that this module does not follow fails npm test.
 */

/** What one walk over the file gathers. */
interface FileSignals {
  /** `.then(…)`, `.catch(…)`, `.finally(…)` (then-to-await's chains). */
  chainCall: boolean;
  /** `new Promise(…)` (then-to-await's wrappers, timers-to-async's promise delays). */
  newPromise: boolean;
  /** The name `promisify` anywhere (then-to-await's `util.promisify(fs.x)`). */
  promisify: boolean;
  /** The names setTimeout, setImmediate, setInterval anywhere (timers-to-async, callbacks-to-async's timer steps). */
  timerName: boolean;
  /** A call whose last argument is an inline function whose first parameter is named like an error (callbacks-to-async's unknown error-first calls). */
  errorFirstInline: boolean;
  /** A function whose last parameter its body calls, hands to a call or aliases (callbacks-to-async's callback functions). */
  callbackFunction: boolean;
  /** Every call, for the calls through module bindings. */
  calls: AnyNode[];
}

const timerNames = new Set(['setTimeout', 'setImmediate', 'setInterval']);
const chainMethods = new Set(['then', 'catch', 'finally']);
const skippedKeys = new Set(['loc', 'start', 'end', 'range', 'extra', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'tokens', 'errors']);

function isCall(node: AnyNode): boolean {
  return node.type === 'CallExpression' || node.type === 'OptionalCallExpression' || node.type === 'NewExpression';
}

function isFunction(node: AnyNode): boolean {
  return /Function|Method/.test(node.type) && Array.isArray(node.params);
}

function memberName(callee: AnyNode): string | undefined {
  if ((callee?.type === 'MemberExpression' || callee?.type === 'OptionalMemberExpression') && !callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  return undefined;
}

function lastParamName(fn: AnyNode): string | undefined {
  const last = fn.params[fn.params.length - 1];
  if (last?.type === 'Identifier') return last.name;
  if (last?.type === 'AssignmentPattern' && last.left.type === 'Identifier') return last.left.name;
  return undefined;
}

function isName(node: AnyNode, name: string): boolean {
  return node?.type === 'Identifier' && node.name === name;
}

/**
 * Does the body use `name` as callbacks-to-async's callback functions look for it (callback-functions.ts,
 * looksErrorFirst and callbackAliases, loosened): called with no arguments, a nullish or an error-named
 * first one, or at all when the name says "callback"; handed on as a call's last argument under such a
 * name; or bound to another name (`var callback = cb || noop`)?
 */
function usesAsCallback(body: AnyNode, name: string): boolean {
  const saysCallback = callbackLikeName.test(name);
  let found = false;
  visit(body, (node) => {
    if (isCall(node)) {
      const args = node.arguments;
      if (isName(node.callee, name)) found = saysCallback || args.length === 0 || isNullish(args[0]) || (args[0].type === 'Identifier' && isErrorParamName(args[0].name));
      else found = saysCallback && isName(args[args.length - 1], name);
    } else if (node.type === 'VariableDeclarator' && node.init) {
      found = isName(node.init, name) || (node.init.type === 'LogicalExpression' && isName(node.init.left, name));
    }
    return !found;
  });
  return found;
}

/** Preorder over the nodes below root; `enter` returns false to stop the whole walk. */
function visit(root: AnyNode, enter: (node: AnyNode) => boolean): void {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!enter(node)) return;
    for (const key in node) {
      if (skippedKeys.has(key)) continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) if (value[i] && typeof value[i].type === 'string') stack.push(value[i]);
      } else if (value && typeof value.type === 'string') {
        stack.push(value);
      }
    }
  }
}

function readSignals(program: AnyNode): FileSignals {
  const signals: FileSignals = { chainCall: false, newPromise: false, promisify: false, timerName: false, errorFirstInline: false, callbackFunction: false, calls: [] };
  visit(program, (node) => {
    if (node.type === 'Identifier') {
      if (timerNames.has(node.name)) signals.timerName = true;
      else if (node.name === 'promisify') signals.promisify = true;
    } else if (isCall(node)) {
      if (node.type !== 'NewExpression') signals.calls.push(node);
      const method = memberName(node.callee);
      if (method !== undefined && chainMethods.has(method)) signals.chainCall = true;
      if (node.type === 'NewExpression' && isName(node.callee, 'Promise')) signals.newPromise = true;
      const last = node.arguments[node.arguments.length - 1];
      const first = (last?.type === 'FunctionExpression' || last?.type === 'ArrowFunctionExpression') && last.params[0];
      if (first?.type === 'Identifier' && isErrorParamName(first.name)) signals.errorFirstInline = true;
    } else if (!signals.callbackFunction && isFunction(node) && node.body) {
      const name = lastParamName(node);
      if (name !== undefined && usesAsCallback(node.body, name)) signals.callbackFunction = true;
    }
    return true;
  });
  return signals;
}

/**
 * A call through a module-level binding (callbacks-to-async's detect.ts, calleeTarget and
 * packageTarget): of a function the Node API table lists (promisable or refused), or of anything
 * from the async library, the ecosystem table's packages or a summarised dependency.
 */
function callsCallbackModule(program: AnyNode, calls: readonly AnyNode[], options: Pick<TransformOptions, 'moduleAliases' | 'sourceSummaries'>): boolean {
  const aliases = options.moduleAliases ?? {};
  const bindings = new Map<string, { specifier: string; imported?: string }>();
  for (const binding of findModuleBindings(program)) bindings.set(binding.local, { ...binding, specifier: aliases[binding.specifier] ?? binding.specifier });
  if (bindings.size === 0) return false;
  const known = (specifier: string, member: string | undefined): boolean => {
    const module = toNodeModuleName(specifier);
    if (module !== undefined) return member !== undefined && (findPromisableApi(module, member) !== undefined || findRefusedApi(module, member) !== undefined);
    return isAsyncLibrarySpecifier(specifier) || entriesOf(specifier).length > 0 || options.sourceSummaries?.[specifier] !== undefined;
  };
  return calls.some(({ callee }) => {
    if (callee.type === 'Identifier') {
      const binding = bindings.get(callee.name);
      return binding !== undefined && known(binding.specifier, binding.imported ?? '');
    }
    const member = memberName(callee);
    const binding = member !== undefined && callee.object.type === 'Identifier' ? bindings.get(callee.object.name) : undefined;
    return binding !== undefined && known(binding.specifier, binding.imported === undefined ? member : undefined);
  });
}

/** Each transform's triggers, by id: could it report or change anything in a file with these signals? */
const triggers: Record<string, (signals: FileSignals, program: AnyNode, options: TransformOptions) => boolean> = {
  'callbacks-to-async': (signals, program, options) =>
    signals.callbackFunction || signals.errorFirstInline || signals.timerName || callsCallbackModule(program, signals.calls, options),
  'then-to-await': (signals) => signals.chainCall || signals.newPromise || signals.promisify,
  'timers-to-async': (signals) => signals.timerName || signals.newPromise,
};

/** Options of a second pass (cross-file, project mode): what they hand in reaches calls no trigger here looks for. */
export function isSecondPass(options: TransformOptions): boolean {
  return options.externalApis !== undefined || options.resolvedCalls !== undefined || options.packageCallees !== undefined || options.promiseOnly !== undefined || options.droppedMethods !== undefined;
}

/**
 * May any of the transforms (by id) find something in the file whose bare parse is `program`?
 * An unknown transform id answers yes: a transform without triggers is never filtered.
 */
export function mayApply(program: AnyNode, transformIds: readonly string[], options: TransformOptions): boolean {
  if (isSecondPass(options)) return true;
  const signals = readSignals(program);
  return transformIds.some((id) => (triggers[id] ?? (() => true))(signals, program, options));
}

/** The transforms with triggers here (a test checks that every transform has them). */
export const transformsWithTriggers = Object.keys(triggers);
