import type { ASTPath } from 'jscodeshift';
import { calleeText, type AnyNode } from '../shared/ast';
import type { PromisableApi } from './node-api-table';

/**
 * The functions of this file that awaitify made async, by how callers reach them: `load(…)`,
 * `store.load(…)` for a module-level object literal, `this.load(…)` inside the class that
 * defines `load`.
 */
export class LocalApis {
  private readonly functions = new Map<string, PromisableApi>();
  private readonly objectMethods = new Map<string, PromisableApi>();
  private readonly classMethods = new Map<string, Array<{ classNode: AnyNode; api: PromisableApi }>>();
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

  addClassMethod(classNode: AnyNode, method: string, api: PromisableApi): () => void {
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
   * `this.m` counts inside `classNode`'s methods.
   */
  resolveCallee(callee: AnyNode, classNode?: AnyNode): PromisableApi | undefined {
    const external = this.external.size > 0 ? this.external.get(calleeText(callee)) : undefined;
    if (external) return external;
    if (callee.type === 'Identifier') return this.functions.get(callee.name) ?? this.nested.get(callee.name)?.[0]?.api;
    if (!this.mayMatch(callee)) return undefined;
    if (callee.object.type === 'Identifier') return this.objectMethods.get(`${callee.object.name}.${callee.property.name}`);
    return classNode ? this.classMethods.get(callee.property.name)?.find((entry) => entry.classNode === classNode)?.api : undefined;
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
    if (!this.mayMatch(callee)) return undefined;
    if (callee.object.type === 'Identifier') {
      const api = this.objectMethods.get(`${callee.object.name}.${callee.property.name}`);
      return api && isModuleLevel(path, callee.object.name) ? api : undefined;
    }
    // `this` means the class only in its own methods, not inside a nested function.
    const classNode = enclosingClassOfThis(path);
    return this.classMethods.get(callee.property.name)?.find((entry) => entry.classNode === classNode)?.api;
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

function enclosingClassOfThis(path: ASTPath<AnyNode>): AnyNode | undefined {
  for (let current = path.parent; current; current = current.parent) {
    const node = current.value;
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ObjectMethod') return undefined;
    if (node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod') {
      return current.parent?.parent?.value;
    }
  }
  return undefined;
}
