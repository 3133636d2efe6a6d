import type { ASTPath } from 'jscodeshift';
import { calleeText, walk, type AnyNode } from '../shared/ast';
import type { PromisableApi } from './node-api-table';

/**
 * Whose `this` a method sees: a class node, or the name of a constructor whose prototype holds
 * the method (`Foo.prototype.m = function`).
 */
export type ThisOwner = AnyNode | string;

/**
 * The functions of this file that awaitify made async, by how callers reach them: `load(…)`,
 * `store.load(…)` for a module-level object literal, `this.load(…)` (or `self.load(…)` after
 * `var self = this`) inside the class or the constructor's prototype methods that define `load`.
 */
export class LocalApis {
  private readonly functions = new Map<string, PromisableApi>();
  private readonly objectMethods = new Map<string, PromisableApi>();
  private readonly classMethods = new Map<string, Array<{ classNode: ThisOwner; api: PromisableApi }>>();
  /** Functions of other files, by the callee as written here (`this.store.load`). */
  private readonly external = new Map<string, PromisableApi>();
  /** Functions declared inside a function, by name: the declaration's location tells them apart (trial copies share it). */
  private readonly nested = new Map<string, Array<{ loc: unknown; api: PromisableApi }>>();

  get size(): number {
    return this.functions.size + this.objectMethods.size + this.classMethods.size + this.external.size + this.nested.size;
  }

  addNestedFunction(name: string, loc: unknown, api: PromisableApi): () => void {
    const list = this.nested.get(name) ?? [];
    const entry = { loc, api };
    list.push(entry);
    this.nested.set(name, list);
    return () => {
      list.splice(list.indexOf(entry), 1);
      if (list.length === 0) this.nested.delete(name);
    };
  }

  addExternal(callee: string, api: PromisableApi): void {
    this.external.set(callee, api);
  }

  // Each add returns how to take it back, for trials that fail.
  addFunction(name: string, api: PromisableApi): () => void {
    this.functions.set(name, api);
    return () => this.functions.delete(name);
  }

  addObjectMethod(objectName: string, method: string, api: PromisableApi): () => void {
    const key = `${objectName}.${method}`;
    this.objectMethods.set(key, api);
    return () => this.objectMethods.delete(key);
  }

  addClassMethod(classNode: ThisOwner, method: string, api: PromisableApi): () => void {
    const list = this.classMethods.get(method) ?? [];
    const entry = { classNode, api };
    list.push(entry);
    this.classMethods.set(method, list);
    return () => {
      list.splice(list.indexOf(entry), 1);
      if (list.length === 0) this.classMethods.delete(method);
    };
  }

  /**
   * By the callee's shape, without a scope check, for the protocol proof and trial copies:
   * `this.m` (and `alias.m` for each of `thisAliases`) counts inside `classNode`'s methods.
   */
  resolveCallee(callee: AnyNode, classNode?: ThisOwner, thisAliases: ReadonlySet<string> = noAliases): PromisableApi | undefined {
    const external = this.external.size > 0 ? this.external.get(calleeText(callee)) : undefined;
    if (external) return external;
    if (callee.type === 'Identifier') return this.functions.get(callee.name) ?? this.nested.get(callee.name)?.[0]?.api;
    if (classNode !== undefined && isMethodCallee(callee) && callee.object.type === 'Identifier' && thisAliases.has(callee.object.name)) {
      return this.classMethods.get(callee.property.name)?.find((entry) => entry.classNode === classNode)?.api;
    }
    if (!this.mayMatch(callee)) return undefined;
    if (callee.object.type === 'Identifier') return this.objectMethods.get(`${callee.object.name}.${callee.property.name}`);
    return classNode !== undefined ? this.classMethods.get(callee.property.name)?.find((entry) => entry.classNode === classNode)?.api : undefined;
  }

  /** A cheap test on the callee's shape alone, before any path is built. */
  mayMatch(callee: AnyNode): boolean {
    if (this.external.size > 0 && this.external.has(calleeText(callee))) return true;
    if (callee.type === 'Identifier') return this.functions.has(callee.name) || this.nested.has(callee.name);
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return false;
    if (callee.object.type === 'ThisExpression') return this.classMethods.has(callee.property.name);
    return callee.object.type === 'Identifier' && this.objectMethods.has(`${callee.object.name}.${callee.property.name}`);
  }

  /**
   * The API the call at `path` reaches, if any. `isModuleLevel(path, name)` says whether a name
   * there still means the module-level binding.
   */
  resolve(path: ASTPath<AnyNode>, isModuleLevel: (path: ASTPath<AnyNode>, name: string) => boolean): PromisableApi | undefined {
    const callee = path.value.callee;
    const external = this.external.get(calleeText(callee));
    if (external) {
      // An import is a module-level name; a `this.…` chain is the class's own business.
      const root = rootOf(callee);
      if (root.type === 'ThisExpression' || (root.type === 'Identifier' && isModuleLevel(path, root.name))) return external;
    }
    if (callee.type === 'Identifier') {
      const api = this.functions.get(callee.name);
      if (api && isModuleLevel(path, callee.name)) return api;
      return this.nestedDeclaration(path, callee.name);
    }
    if (!isMethodCallee(callee)) return undefined;
    const methods = this.classMethods.get(callee.property.name);
    if (methods && callee.object.type === 'Identifier' && !isModuleLevel(path, callee.object.name)) {
      // `self.m(…)` after `var self = this` in one of the owner's methods.
      const owner = ownerOfThisAlias(path, callee.object.name);
      const api = owner === undefined ? undefined : methods.find((entry) => entry.classNode === owner)?.api;
      if (api) return api;
    }
    if (!this.mayMatch(callee)) return undefined;
    if (callee.object.type === 'Identifier') {
      const api = this.objectMethods.get(`${callee.object.name}.${callee.property.name}`);
      return api && isModuleLevel(path, callee.object.name) ? api : undefined;
    }
    // `this` means the class only in its own methods, not inside a nested function.
    const classNode = enclosingOwnerOfThis(path);
    return methods?.find((entry) => entry.classNode === classNode)?.api;
  }

  /** The nested function `name` means at `path`, when its binding there is one of those declarations. */
  private nestedDeclaration(path: ASTPath<AnyNode>, name: string): PromisableApi | undefined {
    const list = this.nested.get(name);
    if (!list) return undefined;
    const scope = path.scope?.lookup(name);
    const declarations: AnyNode[] = scope?.getBindings()[name] ?? [];
    if (declarations.length !== 1) return undefined;
    const declaration = declarations[0].parentPath?.value;
    if (declaration?.type !== 'FunctionDeclaration') return undefined;
    return list.find((entry) => entry.loc === declaration.loc)?.api;
  }
}

function rootOf(node: AnyNode): AnyNode {
  return node.type === 'MemberExpression' ? rootOf(node.object) : node;
}

const noAliases: ReadonlySet<string> = new Set();

function isMethodCallee(callee: AnyNode): boolean {
  return callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier';
}

/**
 * Whose `this` the code at `path` sees: the class of the method it is in, or the constructor
 * `Foo` when it is in `Foo.prototype.m = function`, a method of `Foo.prototype = {…}`, or
 * `function Foo` itself (module level). Arrows see their enclosing function's `this`.
 */
export function enclosingOwnerOfThis(path: ASTPath<AnyNode>): ThisOwner | undefined {
  for (let current = path.parent; current; current = current.parent) {
    const node = current.value;
    if (node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod') return current.parent?.parent?.value;
    if (node.type === 'FunctionDeclaration') return current.parent?.value.type === 'Program' ? node.id?.name : undefined;
    if (node.type === 'FunctionExpression' || node.type === 'ObjectMethod') return prototypeOwnerOf(current);
  }
  return undefined;
}

/** `Foo` for a function at `Foo.prototype.m = function` or in `Foo.prototype = { m }`, at module level. */
function prototypeOwnerOf(fnPath: ASTPath<AnyNode>): string | undefined {
  let holder = fnPath.parent;
  if (holder?.value.type === 'ObjectProperty' || fnPath.value.type === 'ObjectMethod') {
    const object = fnPath.value.type === 'ObjectMethod' ? holder : holder?.parent;
    holder = object?.value.type === 'ObjectExpression' ? object.parent : undefined;
  }
  const assignment = holder?.value;
  if (assignment?.type !== 'AssignmentExpression' || holder?.parent?.value.type !== 'ExpressionStatement' || holder.parent.parent?.value.type !== 'Program') return undefined;
  let left = assignment.left;
  if (left.type === 'MemberExpression' && !left.computed && left.object.type === 'MemberExpression') left = left.object;
  if (left.type !== 'MemberExpression' || left.computed || left.property.name !== 'prototype' || left.object.type !== 'Identifier') return undefined;
  return left.object.name;
}

/** The owner of `this` where `name` was bound to it (`var self = this`), when that is its one binding. */
function ownerOfThisAlias(path: ASTPath<AnyNode>, name: string): ThisOwner | undefined {
  const scope = path.scope?.lookup(name);
  const bindings: AnyNode[] = scope?.getBindings()[name] ?? [];
  if (bindings.length !== 1) return undefined;
  const declarator = bindings[0].parentPath;
  if (declarator?.value.type !== 'VariableDeclarator' || declarator.value.init?.type !== 'ThisExpression' || isReassigned(scope.path.value, name)) return undefined;
  return enclosingOwnerOfThis(declarator);
}

/** Is `name` assigned anywhere under `node` (a conservative yes for a same-spelled inner name)? */
function isReassigned(node: AnyNode, name: string): boolean {
  let assigned = false;
  walk(node, (child) => {
    if (child.type === 'AssignmentExpression' && child.left.type === 'Identifier' && child.left.name === name) assigned = true;
    return !assigned;
  });
  return assigned;
}
