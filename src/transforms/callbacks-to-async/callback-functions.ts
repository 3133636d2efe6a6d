import { isFunctionNode, isIdentifierNamed, isNullish, isReferenceIdentifier, walk, type AnyNode } from '../shared/ast';
import { isErrorParamName } from '../shared/error-names';

/**
 * A module-level function whose last parameter looks like an error-first callback.
 * `holder[key] === fn`, so that a trial copy can be swapped in and out.
 */
export interface CallbackFunction {
  fn: AnyNode;
  /** The name callers in this file use, when there is one. */
  name?: string;
  callbackName: string;
  holder: AnyNode;
  key: string | number;
  /** Exported or assigned to module.exports: callers elsewhere may pass a callback. */
  exported: boolean;
  /** Keys from the program node down to the function, to reach its path without a search. */
  route: Array<string | number>;
  /** The module-level statement that holds it: route[1] is its index when it was found. */
  topStatement?: AnyNode;
  /**
   * For a method: the class it belongs to, the constructor whose prototype holds it
   * (`Foo.prototype.m = function`, `Foo.prototype = { m }`), or the name of the object literal.
   */
  owner?: { kind: 'class'; node: AnyNode } | { kind: 'prototype'; name: string } | { kind: 'object'; name?: string };
  /** A function declared in the body of a module-level function: its name is bound there, not in the module. */
  nested?: boolean;
}

function isModuleExportsTarget(node: AnyNode): boolean {
  if (node.type !== 'MemberExpression') return false;
  if (isIdentifierNamed(node.object, 'exports')) return true;
  return node.object.type === 'MemberExpression' && isIdentifierNamed(node.object.object, 'module') && isIdentifierNamed(node.object.property, 'exports');
}

/** Parameter names that say "callback" (also the cheap first pass's trigger, src/transforms/triggers.ts). */
export const callbackLikeName = /^(cb|callback|done|next|cont|continuation|fn|resolve)$|Callback$|Cb$|Done$/;

/** Is `name` called as an error-first callback somewhere: `cb(null, …)`, `cb()`, `cb(err)`, or handed on? */
function looksErrorFirst(fn: AnyNode, name: string): boolean {
  let found = false;
  walk(fn.body, (node) => {
    if (found || node.type !== 'CallExpression') return !found;
    const args = node.arguments;
    if (isIdentifierNamed(node.callee, name)) {
      if (args.length === 0 || isNullish(args[0]) || (args.length === 1 && args[0].type === 'Identifier' && isErrorParamName(args[0].name))) found = true;
    } else if (isIdentifierNamed(args[args.length - 1], name) && callbackLikeName.test(name)) {
      // Handed on as another call's last argument: only names that say "callback" count,
      // or every `log('x', value)` would make `value` look like one.
      found = true;
    }
    return !found;
  });
  return found;
}

/**
 * Module-level functions whose last parameter is named like a callback and called, but never
 * as an error-first one (`done(result)`): not converted, and worth saying why.
 */
export function findNonErrorFirstCallbacks(program: AnyNode): AnyNode[] {
  return program.body.filter((statement: AnyNode) => {
    if (statement.type !== 'FunctionDeclaration' || statement.async || statement.generator) return false;
    const last = statement.params[statement.params.length - 1];
    if (!last || last.type !== 'Identifier' || !callbackLikeName.test(last.name) || looksErrorFirst(statement, last.name)) return false;
    let called = false;
    walk(statement.body, (node) => {
      if (node.type === 'CallExpression' && isIdentifierNamed(node.callee, last.name)) called = true;
      return !called;
    });
    return called;
  });
}

/** Names the body binds to the callback itself (`var callback = cb || function () {}`, nedb). */
function callbackAliases(fn: AnyNode, name: string): string[] {
  const aliases: string[] = [];
  if (fn.body?.type !== 'BlockStatement') return aliases;
  for (const statement of fn.body.body) {
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init?.type === 'LogicalExpression' && declarator.init.operator === '||' ? declarator.init.left : declarator.init;
      if (declarator.id.type === 'Identifier' && isIdentifierNamed(init, name)) aliases.push(declarator.id.name);
    }
  }
  return aliases;
}

function candidate(fn: AnyNode, holder: AnyNode, key: string | number, name: string | undefined, exported: boolean, route: Array<string | number>, owner?: CallbackFunction['owner']): CallbackFunction | undefined {
  if (!fn || !isFunctionNode(fn) || fn.async || fn.generator) return undefined;
  if ((fn.type === 'ClassMethod' || fn.type === 'ObjectMethod') && (fn.kind !== 'method' || fn.computed || fn.static)) return undefined;
  const last = fn.params[fn.params.length - 1];
  if (!last || last.type !== 'Identifier') return undefined;
  if (!looksErrorFirst(fn, last.name) && !callbackAliases(fn, last.name).some((alias) => looksErrorFirst(fn, alias))) return undefined;
  return { fn, name, callbackName: last.name, holder, key, exported, route, owner };
}

function isModuleExports(node: AnyNode): boolean {
  return node.type === 'MemberExpression' && isIdentifierNamed(node.object, 'module') && isIdentifierNamed(node.property, 'exports');
}

/** `Foo.prototype.m` (the constructor's name) or `Foo.prototype` (with no method). */
function prototypeTarget(node: AnyNode): { constructorName: string; method?: string } | undefined {
  if (node.type !== 'MemberExpression' || node.computed) return undefined;
  if (isIdentifierNamed(node.property, 'prototype') && node.object.type === 'Identifier') return { constructorName: node.object.name };
  const inner = node.property.type === 'Identifier' ? prototypeTarget(node.object) : undefined;
  return inner && !inner.method ? { ...inner, method: node.property.name } : undefined;
}

/**
 * Module-level names of the file's own objects and functions (`var storage = {}`, `function
 * Persistence`): a property assigned on them is the file's. A required module (`fs.x = …`, a
 * patch) or a global (`process.chdir = …`) is not.
 */
function ownObjectNames(program: AnyNode): Set<string> {
  const names = new Set<string>();
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'FunctionDeclaration' && declaration.id) names.add(declaration.id.name);
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === 'Identifier' && declarator.init && (declarator.init.type === 'ObjectExpression' || isFunctionNode(declarator.init))) names.add(declarator.id.name);
    }
  }
  return names;
}

/** `storage.flush` where `storage` is one of `owners`. */
function staticTarget(node: AnyNode, owners: ReadonlySet<string>): { objectName: string; method: string } | undefined {
  if (node.type !== 'MemberExpression' || node.computed || node.object.type !== 'Identifier' || node.property.type !== 'Identifier') return undefined;
  return owners.has(node.object.name) ? { objectName: node.object.name, method: node.property.name } : undefined;
}

/** Methods and function-valued properties of an object literal (of `name`, or of a constructor's prototype). */
function objectMethods(object: AnyNode, route: Array<string | number>, name: string | undefined, exported: boolean, owner: CallbackFunction['owner'] = { kind: 'object', name }): CallbackFunction[] {
  const methods: CallbackFunction[] = [];
  object.properties.forEach((property: AnyNode, i: number) => {
    if (property.computed || property.key?.type !== 'Identifier') return;
    const item = property.type === 'ObjectMethod'
      ? candidate(property, object.properties, i, property.key.name, exported, [...route, 'properties', i], owner)
      : property.type === 'ObjectProperty'
        ? candidate(property.value, property, 'value', property.key.name, exported, [...route, 'properties', i, 'value'], owner)
        : undefined;
    if (item) methods.push(item);
  });
  return methods;
}

/**
 * Module-level functions, `const f = function/arrow`, `module.exports.x = function`, methods of
 * module-level classes, of module-level object literals (`module.exports = {…}`), and of
 * constructors' prototypes (`Foo.prototype.m = function`, `Foo.prototype = {…}`).
 */
export function findCallbackFunctions(program: AnyNode): CallbackFunction[] {
  const found: CallbackFunction[] = [];
  const owners = ownObjectNames(program);
  program.body.forEach((statement: AnyNode, index: number) => {
    const exported = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration';
    const declaration = exported ? statement.declaration : statement;
    const add = (item: CallbackFunction | undefined) => item && found.push({ ...item, topStatement: statement });
    const route: Array<string | number> = exported ? ['body', index, 'declaration'] : ['body', index];
    if (!declaration) return;
    if (declaration.type === 'FunctionDeclaration') {
      add(exported
        ? candidate(declaration, statement, 'declaration', declaration.id?.name, true, route)
        : candidate(declaration, program.body, index, declaration.id?.name, false, route));
      nestedFunctions(declaration, route).forEach(add);
    } else if (declaration.type === 'ClassDeclaration') {
      declaration.body.body.forEach((member: AnyNode, i: number) => {
        if (member.type !== 'ClassMethod' || member.key.type !== 'Identifier') return;
        add(candidate(member, declaration.body.body, i, member.key.name, exported, [...route, 'body', 'body', i], { kind: 'class', node: declaration }));
      });
    } else if (declaration.type === 'VariableDeclaration') {
      declaration.declarations.forEach((declarator: AnyNode, i: number) => {
        if (declarator.id.type !== 'Identifier') return;
        const declaratorRoute = [...route, 'declarations', i, 'init'];
        if (declarator.init?.type === 'ObjectExpression') objectMethods(declarator.init, declaratorRoute, declarator.id.name, exported).forEach(add);
        else add(candidate(declarator.init, declarator, 'init', declarator.id.name, exported, declaratorRoute));
        if (declarator.init && isFunctionNode(declarator.init)) nestedFunctions(declarator.init, declaratorRoute).forEach(add);
      });
    } else if (declaration.type === 'ExpressionStatement' && declaration.expression.type === 'AssignmentExpression') {
      const assignment = declaration.expression;
      const assignmentRoute = [...route, 'expression', 'right'];
      const prototype = prototypeTarget(assignment.left);
      if (prototype) {
        // Instances travel: callers are `this.m(…)` / `self.m(…)` in the constructor's own methods, the rest through the dual API.
        const owner = { kind: 'prototype' as const, name: prototype.constructorName };
        if (!prototype.method && assignment.right.type === 'ObjectExpression') objectMethods(assignment.right, assignmentRoute, undefined, false, owner).forEach(add);
        else if (prototype.method) add(candidate(assignment.right, assignment, 'right', prototype.method, false, assignmentRoute, owner));
        return;
      }
      const staticOf = staticTarget(assignment.left, owners);
      if (staticOf) {
        // `storage.flush = function` on the file's own object or constructor: called as `storage.flush(…)`.
        add(candidate(assignment.right, assignment, 'right', staticOf.method, false, assignmentRoute, { kind: 'object', name: staticOf.objectName }));
        return;
      }
      if (!isModuleExportsTarget(assignment.left) && !isModuleExports(assignment.left)) return;
      if (assignment.right.type === 'ObjectExpression') objectMethods(assignment.right, assignmentRoute, undefined, true).forEach(add);
      else add(candidate(assignment.right, assignment, 'right', undefined, true, assignmentRoute));
      if (isFunctionNode(assignment.right)) nestedFunctions(assignment.right, assignmentRoute).forEach(add);
    }
  });
  return found;
}

/**
 * Function declarations in the body of a module-level function (closures such as ncp's
 * `getStats` or `rmFile`): callers in that body reach them by name.
 */
function nestedFunctions(outer: AnyNode, route: Array<string | number>): CallbackFunction[] {
  if (outer.body?.type !== 'BlockStatement') return [];
  const found: CallbackFunction[] = [];
  outer.body.body.forEach((statement: AnyNode, i: number) => {
    if (statement.type !== 'FunctionDeclaration') return;
    const item = candidate(statement, outer.body.body, i, statement.id?.name, false, [...route, 'body', 'body', i]);
    if (item) found.push({ ...item, nested: true });
  });
  return found;
}

/**
 * Where to report a function: recast gives a declaration inside `export` no location of its
 * own, so it borrows the export statement's (the finding still names a function).
 */
export function positionOf(item: CallbackFunction): AnyNode {
  if (item.fn.loc || !item.holder?.loc) return item.fn;
  return { type: item.fn.type, loc: item.holder.loc };
}

/** The item's route with its statement's index as it is now (statements before it may have moved). */
export function liveRoute(program: AnyNode, item: CallbackFunction): Array<string | number> {
  if (item.nested) return routeTo(program, item.fn) ?? item.route;
  if (!item.topStatement || item.route[0] !== 'body') return item.route;
  const index = program.body.indexOf(item.topStatement);
  return index === -1 ? item.route : ['body', index, ...item.route.slice(2)];
}

/** Keys from the program down to `target`, found by identity; undefined when it is not in the tree. */
export function routeTo(program: AnyNode, target: AnyNode): Array<string | number> | undefined {
  const search = (node: AnyNode, route: Array<string | number>): Array<string | number> | undefined => {
    if (node === target) return route;
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'comments' || key === 'tokens' || key === 'original') continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const found = value[i] && typeof value[i].type === 'string' ? search(value[i], [...route, key, i]) : undefined;
          if (found) return found;
        }
      } else if (value && typeof value.type === 'string') {
        const found = search(value, [...route, key]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return search(program, []);
}

/** Keys from the program down to a path, as `root.get('program', ...route)` wants them. */
export function routeOf(path: AnyNode): Array<string | number> {
  const route: Array<string | number> = [];
  for (let current = path; current && current.value?.type !== 'Program'; current = current.parentPath) route.unshift(current.name);
  return route;
}

/** For each name: its calls, and whether it is also used other than as a callee. One walk. */
export function usesByName(program: AnyNode, names: Set<string>): Map<string, { calls: AnyNode[]; escapes: boolean }> {
  const uses = new Map<string, { calls: AnyNode[]; escapes: boolean }>();
  for (const name of names) uses.set(name, { calls: [], escapes: false });
  walk(program, (node, parent) => {
    if (node.type !== 'Identifier' || !names.has(node.name) || !isReferenceIdentifier(node, parent)) return;
    const use = uses.get(node.name)!;
    if (parent.type === 'CallExpression' && parent.callee === node) use.calls.push(parent);
    else if (!(parent.type === 'FunctionDeclaration' && parent.id === node) && !(parent.type === 'VariableDeclarator' && parent.id === node)) use.escapes = true;
  });
  return uses;
}
