import jscodeshift from 'jscodeshift';
import { createParser, resolveParserName } from '../../src/engine/parse';
import { isErrorParamName } from '../../src/transforms/shared/error-names';
import { isReferenceIdentifier, patternNames, walk, type AnyNode } from '../../src/transforms/shared/ast';

/**
 * Renames the parameters of every inline function passed to a call (a callback), for the
 * test that awaitify decides nothing about timing from parameter names.
 *
 * - Callbacks of calls that are not error-first by their callee (array methods, promise
 *   methods, timers, emitters, `new Promise`) get names of the other kind: `item` becomes
 *   `err_rnN` and `e` becomes `p_rnN`. That is where a name-based guess about when a callback
 *   runs would show (`[1].forEach((e) => …)`).
 * - Every other callback keeps the kind of name it had (an error name stays an error name:
 *   awaitify recognises the error-first callbacks of unknown functions by that name, on
 *   purpose), with a fresh spelling.
 *
 * A parameter is left alone when it is not a plain identifier, when its name is declared again
 * inside the function (a plain rename would be wrong), or when it hides a name of an enclosing
 * scope (renaming it would remove a name clash awaitify rightly refuses over).
 */

const notErrorFirstCallees = new Set([
  'forEach', 'map', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'flatMap', 'sort',
  'then', 'catch', 'finally', 'Promise', 'setTimeout', 'setImmediate', 'setInterval', 'nextTick', 'queueMicrotask',
  'on', 'once', 'addListener', 'prependListener',
]);

function calleeName(call: AnyNode): string {
  const callee = call.callee;
  if (callee.type === 'Identifier') return callee.name;
  if ((callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && !callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  return '';
}

function isFunction(node: AnyNode): boolean {
  return node?.type === 'ArrowFunctionExpression' || node?.type === 'FunctionExpression';
}

/** Names declared inside fn other than by its own parameters. */
function innerDeclarations(fn: AnyNode): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  walk(fn, (node) => {
    if (node !== fn && (isFunction(node) || node.type === 'FunctionDeclaration' || node.type === 'ObjectMethod' || node.type === 'ClassMethod')) {
      node.params.flatMap((param: AnyNode) => patternNames(param)).forEach(add);
      if (node.id?.name) add(node.id.name);
    }
    if (node.type === 'VariableDeclarator') patternNames(node.id).forEach(add);
    if (node.type === 'CatchClause' && node.param) patternNames(node.param).forEach(add);
    if ((node.type === 'ClassDeclaration' || node.type === 'ClassExpression') && node.id) add(node.id.name);
  });
  return counts;
}

/** Names an enclosing function (or the program) declares itself: its params and its own declarations. */
function enclosingDeclarations(callPath: AnyNode): Set<string> {
  const names = new Set<string>();
  for (let current = callPath.parentPath; current; current = current.parentPath) {
    const node = current.value;
    if (!node || (!isFunction(node) && node.type !== 'FunctionDeclaration' && node.type !== 'Program' && node.type !== 'ObjectMethod' && node.type !== 'ClassMethod')) continue;
    for (const param of node.params ?? []) patternNames(param).forEach((name) => names.add(name));
    walk(node.body, (inner) => {
      if (inner.type === 'VariableDeclarator') patternNames(inner.id).forEach((name) => names.add(name));
      if ((inner.type === 'FunctionDeclaration' || inner.type === 'ClassDeclaration') && inner.id) names.add(inner.id.name);
      if (inner.type === 'ImportSpecifier' || inner.type === 'ImportDefaultSpecifier' || inner.type === 'ImportNamespaceSpecifier') names.add(inner.local.name);
      if (inner.type === 'CatchClause' && inner.param) patternNames(inner.param).forEach((name) => names.add(name));
      return !(isFunction(inner) || inner.type === 'FunctionDeclaration' || inner.type === 'ObjectMethod' || inner.type === 'ClassMethod');
    });
  }
  return names;
}

function renameIn(fn: AnyNode, from: string, to: string): void {
  walk(fn, (node, parent) => {
    if (node.type !== 'Identifier' || node.name !== from) return;
    if (node === parent?.value && parent?.shorthand && (parent.type === 'ObjectProperty' || parent.type === 'Property')) {
      // `{ e }` keeps its key: `{ e: p_rn1 }` (the parser may share one node for key and value).
      parent.shorthand = false;
      parent.key = { type: 'Identifier', name: from };
      parent.value = { ...node, name: to };
      return false;
    }
    if (isReferenceIdentifier(node, parent)) node.name = to;
    return;
  });
}

export interface RenameResult {
  source: string;
  /** How many parameters were renamed. */
  renamed: number;
  /** Each new name (unique: `err_rnN`, `p_rnN`) and the name it replaced. */
  originals: Map<string, string>;
}

/** `text` with every new name of `renaming` put back to the name it replaced. */
export function restoreNames(text: string, renaming: RenameResult): string {
  return text.replace(/\b(?:err|p)_rn\d+\b/g, (name) => renaming.originals.get(name) ?? name);
}

export function renameCallbackParams(source: string, path: string): RenameResult {
  const parserName = resolveParserName(undefined, path);
  const j = jscodeshift.withParser(createParser(parserName));
  const root = j(source);
  let counter = 0;
  const originals = new Map<string, string>();
  root.find(j.Node).forEach((nodePath: AnyNode) => {
    const call = nodePath.value;
    if (call.type !== 'CallExpression' && call.type !== 'NewExpression' && call.type !== 'OptionalCallExpression') return;
    const flip = notErrorFirstCallees.has(calleeName(call));
    for (const fn of call.arguments.filter(isFunction)) {
      const declared = innerDeclarations(fn);
      const outer = enclosingDeclarations(nodePath);
      for (const param of fn.params) {
        const target = param.type === 'AssignmentPattern' ? param.left : param;
        if (target.type !== 'Identifier' || declared.has(target.name) || outer.has(target.name)) continue;
        counter += 1;
        const wasError = isErrorParamName(target.name);
        const asError = flip ? !wasError : wasError;
        const fresh = asError ? `err_rn${counter}` : `p_rn${counter}`;
        originals.set(fresh, target.name);
        renameIn(fn, target.name, fresh);
      }
    }
  });
  return { source: root.toSource(), renamed: counter, originals };
}
