import * as babelParser from '@babel/parser';
import type { ParserPlugin } from '@babel/parser';
import type { AnyNode } from '../transforms/shared/ast';
import { readCallbackParam } from './callback-effects';
import { readMemberReads } from './member-reads';
import { findUses } from './module-uses';
import {
  columnOf, exportsMemberName, isFunctionValue, isModuleExports, lineOf, propertyName, requireSpecifier,
} from './syntax';
import type { Binding, ExportTarget, FunctionFacts, ModuleFacts } from './types';

/**
 * One file of a package, read once into plain facts: its imports and exports, its functions
 * (module-level, class and object-literal methods, prototype assignments) with what each does
 * with its callback. The AST is dropped when this returns.
 */

function pluginsFor(file: string): ParserPlugin[] {
  if (/\.tsx$/i.test(file)) return ['typescript', 'jsx', 'decorators-legacy'];
  if (/\.[mc]?ts$/i.test(file)) return ['typescript', 'decorators-legacy'];
  return ['jsx', 'flow', 'decorators-legacy'];
}

/** A bare parse: no tokens, no recovery of the print; module first, then script (sloppy-mode code). */
export function parseForModel(source: string, file: string): AnyNode {
  const options = { allowImportExportEverywhere: true, allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true, tokens: false, plugins: pluginsFor(file) };
  try {
    return babelParser.parse(source, { ...options, sourceType: 'module' });
  } catch (moduleError) {
    try {
      return babelParser.parse(source, { ...options, sourceType: 'script' });
    } catch {
      throw moduleError;
    }
  }
}

export function readModuleFacts(source: string, file: string): ModuleFacts {
  const facts: ModuleFacts = {
    file, format: 'commonjs', dependencies: [], bindings: {}, exports: {}, starExports: [], functions: [], escapes: [], callbackCalls: [], inherits: [],
  };
  let program: AnyNode;
  try {
    program = parseForModel(source, file).program;
  } catch (error) {
    return { ...facts, error: (error as Error).message };
  }
  try {
    new ModuleReader(facts, program).read();
  } catch (error) {
    // A bug here, or code nested too deep to walk, must not end the run: the file is left out of the model.
    return { ...facts, functions: [], escapes: [], callbackCalls: [], error: `internal error while reading the file: ${(error as Error).message}` };
  }
  return facts;
}

class ModuleReader {
  readonly moduleNames = new Set<string>();
  private instanceOf: ReadonlyMap<string, string> = new Map();

  constructor(private readonly facts: ModuleFacts, private readonly program: AnyNode) {}

  read(): void {
    this.collectModuleNames();
    const uses = findUses(this.program, this.moduleNames);
    this.facts.escapes = uses.escapes;
    this.facts.callbackCalls = uses.callbackCalls;
    this.facts.dependencies = uses.dependencies;
    this.instanceOf = uses.instanceOf;
    this.facts.memberReads = readMemberReads(this.program);
    // Function declarations are hoisted: `module.exports = ncp; ncp.ncp = ncp; function ncp() {}`.
    const hoisted = (statement: AnyNode) => statement.type === 'FunctionDeclaration';
    for (const statement of this.program.body.filter(hoisted)) this.readTopLevel(statement);
    for (const statement of this.program.body.filter((s: AnyNode) => !hoisted(s))) this.readTopLevel(statement);
  }

  private collectModuleNames(): void {
    for (let statement of this.program.body) {
      if ((statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration') && statement.declaration) statement = statement.declaration;
      if ((statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && statement.id) this.moduleNames.add(statement.id.name);
      if (statement.type === 'VariableDeclaration') {
        for (const declarator of statement.declarations) {
          if (declarator.id.type === 'Identifier') this.moduleNames.add(declarator.id.name);
          if (declarator.id.type === 'ObjectPattern') {
            for (const property of declarator.id.properties) if (property.value?.type === 'Identifier') this.moduleNames.add(property.value.name);
          }
        }
      }
      if (statement.type === 'ImportDeclaration') for (const specifier of statement.specifiers) this.moduleNames.add(specifier.local.name);
    }
  }

  private addFunction(fn: AnyNode, id: string, name: string, methodName?: string): string {
    const fullId = `${this.facts.file}#${id}`;
    const callback = readCallbackParam(fn, this.moduleNames, this.instanceOf);
    const facts: FunctionFacts = {
      id: fullId,
      file: this.facts.file,
      name,
      line: lineOf(fn),
      column: columnOf(fn),
      endLine: fn.loc?.end.line ?? lineOf(fn),
      params: fn.params.map((param: AnyNode) => (param.type === 'Identifier' ? param.name : param.left?.name ?? '…')),
      ...(methodName !== undefined && { methodName }),
      readsArgumentsLength: readsArgumentsLength(fn),
      ...(callback && { callback }),
    };
    if (!this.facts.functions.some((existing) => existing.id === fullId)) this.facts.functions.push(facts);
    return fullId;
  }

  private readTopLevel(statement: AnyNode): void {
    switch (statement.type) {
      case 'FunctionDeclaration':
        if (statement.id) this.facts.bindings[statement.id.name] = { kind: 'function', id: this.addFunction(statement, statement.id.name, statement.id.name) };
        return;
      case 'ClassDeclaration':
        if (statement.id) this.readClass(statement, statement.id.name);
        return;
      case 'VariableDeclaration':
        for (const declarator of statement.declarations) this.readDeclarator(declarator);
        return;
      case 'ImportDeclaration':
        this.facts.format = 'esm';
        for (const specifier of statement.specifiers) {
          const name = specifier.type === 'ImportDefaultSpecifier' ? 'default' : specifier.type === 'ImportNamespaceSpecifier' ? undefined : propertyName(specifier.imported);
          this.facts.bindings[specifier.local.name] = { kind: 'import', specifier: statement.source.value, ...(name !== undefined && { name }) };
        }
        return;
      case 'ExportNamedDeclaration':
        this.facts.format = 'esm';
        this.readExportNamed(statement);
        return;
      case 'ExportDefaultDeclaration':
        this.facts.format = 'esm';
        this.readExportDefault(statement.declaration);
        return;
      case 'ExportAllDeclaration':
        this.facts.format = 'esm';
        if (statement.exported) this.facts.exports[propertyName(statement.exported) ?? '*'] = { kind: 'reexport', specifier: statement.source.value };
        else this.facts.starExports.push(statement.source.value);
        return;
      case 'ExpressionStatement':
        this.readTopLevelExpression(statement.expression);
        return;
      default:
        return;
    }
  }

  private readDeclarator(declarator: AnyNode): void {
    const { id, init } = declarator;
    if (!init) return;
    const specifier = requireSpecifier(init);
    if (id.type === 'Identifier') {
      if (isFunctionValue(init)) this.facts.bindings[id.name] = { kind: 'function', id: this.addFunction(init, id.name, id.name) };
      else if (specifier !== undefined) this.facts.bindings[id.name] = { kind: 'import', specifier };
      else if (init.type === 'MemberExpression' && requireSpecifier(init.object) !== undefined && propertyName(init.property, init.computed)) {
        this.facts.bindings[id.name] = { kind: 'import', specifier: requireSpecifier(init.object)!, name: propertyName(init.property, init.computed) };
      } else if (init.type === 'MemberExpression' && this.namespaceOf(init.object) !== undefined && propertyName(init.property, init.computed)) {
        // `var mkdirs = _mkdirs.mkdirs` after `var _mkdirs = require('../mkdirs')` (fs-extra).
        this.facts.bindings[id.name] = { kind: 'import', specifier: this.namespaceOf(init.object)!, name: propertyName(init.property, init.computed) };
      } else if (init.type === 'ObjectExpression') this.facts.bindings[id.name] = { kind: 'object', members: this.readObject(init, id.name) };
      else if (init.type === 'ClassExpression') this.readClass(init, id.name);
    } else if (id.type === 'ObjectPattern' && specifier !== undefined) {
      for (const property of id.properties) {
        const imported = property.type === 'ObjectProperty' ? propertyName(property.key, property.computed) : undefined;
        if (imported && property.value.type === 'Identifier') this.facts.bindings[property.value.name] = { kind: 'import', specifier, name: imported };
      }
    }
  }

  /** The specifier of a whole module bound earlier at module scope (`var _mkdirs = require('../mkdirs')`). */
  private namespaceOf(node: AnyNode): string | undefined {
    const binding = node.type === 'Identifier' ? this.facts.bindings[node.name] : undefined;
    return binding?.kind === 'import' && binding.name === undefined ? binding.specifier : undefined;
  }

  /** Functions of an object literal, as members: `{ load() {}, save: function () {}, read: read }`. */
  private readObject(object: AnyNode, owner: string): Record<string, string> {
    const members: Record<string, string> = {};
    for (const property of object.properties) {
      const key = propertyName(property.key, property.computed);
      if (!key) continue;
      if (property.type === 'ObjectMethod' && property.kind === 'method') members[key] = this.addFunction(property, `${owner}.${key}`, `${owner}.${key}`, key);
      else if (property.type === 'ObjectProperty' && isFunctionValue(property.value)) members[key] = this.addFunction(property.value, `${owner}.${key}`, `${owner}.${key}`, key);
      else if (property.type === 'ObjectProperty' && property.value.type === 'Identifier') {
        const binding = this.facts.bindings[property.value.name];
        if (binding?.kind === 'function') members[key] = binding.id;
      }
    }
    return members;
  }

  private readClass(node: AnyNode, name: string): void {
    const statics: Record<string, string> = {};
    for (const member of node.body.body) {
      if (member.type !== 'ClassMethod' || member.kind !== 'method') continue;
      const key = propertyName(member.key, member.computed);
      if (!key) continue;
      if (member.static) statics[key] = this.addFunction(member, `${name}.${key}`, `${name}.${key}`);
      else this.addFunction(member, `${name}.prototype.${key}`, `${name}#${key}`, key);
    }
    this.facts.bindings[name] = { kind: 'object', members: statics, prototype: `${this.facts.file}#${name}.prototype.` };
    if (node.superClass?.type === 'Identifier') this.facts.inherits.push({ child: name, parent: node.superClass.name });
  }

  private readExportNamed(statement: AnyNode): void {
    const declaration = statement.declaration;
    if (declaration) {
      this.readTopLevel(declaration);
      const names: string[] = declaration.type === 'VariableDeclaration' ? declaration.declarations.map((d: AnyNode) => d.id.name).filter(Boolean) : [declaration.id?.name];
      for (const name of names) if (name) this.facts.exports[name] = { kind: 'binding', name };
      return;
    }
    for (const specifier of statement.specifiers) {
      const exported = propertyName(specifier.exported);
      if (!exported) continue;
      if (statement.source) {
        const imported = specifier.type === 'ExportNamespaceSpecifier' ? undefined : specifier.type === 'ExportDefaultSpecifier' ? 'default' : propertyName(specifier.local);
        this.facts.exports[exported] = { kind: 'reexport', specifier: statement.source.value, ...(imported !== undefined && { name: imported }) };
      } else {
        this.facts.exports[exported] = { kind: 'binding', name: specifier.local.name };
      }
    }
  }

  private readExportDefault(declaration: AnyNode): void {
    if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id) {
      this.readTopLevel(declaration);
      this.facts.exports.default = { kind: 'binding', name: declaration.id.name };
    } else if (declaration.type === 'FunctionDeclaration' || isFunctionValue(declaration)) {
      this.facts.exports.default = { kind: 'function', id: this.addFunction(declaration, 'default', 'default') };
    } else if (declaration.type === 'Identifier') {
      this.facts.exports.default = { kind: 'binding', name: declaration.name };
    }
  }

  private readTopLevelExpression(expression: AnyNode): void {
    if (expression.type === 'CallExpression') return this.readInherits(expression);
    if (expression.type !== 'AssignmentExpression' || expression.operator !== '=') return;
    const { left } = expression;
    let right = expression.right;
    while (right.type === 'AssignmentExpression') right = right.right; // module.exports = exports = …
    if (isModuleExports(left)) return this.readWholeExport(right);
    const exported = exportsMemberName(left);
    if (exported !== undefined) {
      const target = this.targetOf(right, `exports.${exported}`);
      if (target) this.facts.exports[exported] = target;
      return;
    }
    // Foo.prototype.m = function () {}, Foo.m = function () {}, Foo.prototype = { … }
    if (left.type !== 'MemberExpression' || left.computed) return;
    const key = propertyName(left.property);
    const object = left.object;
    if (object.type === 'MemberExpression' && propertyName(object.property) === 'prototype' && object.object.type === 'Identifier' && key && isFunctionValue(right)) {
      this.addFunction(right, `${object.object.name}.prototype.${key}`, `${object.object.name}#${key}`, key);
    } else if (key === 'prototype' && object.type === 'Identifier' && right.type === 'ObjectExpression') {
      for (const property of right.properties) {
        const name = propertyName(property.key, property.computed);
        const fn = property.type === 'ObjectMethod' ? property : isFunctionValue(property.value) ? property.value : undefined;
        if (name && fn) this.addFunction(fn, `${object.name}.prototype.${name}`, `${object.name}#${name}`, name);
      }
    } else if (object.type === 'Identifier' && key && right.type === 'Identifier' && this.facts.bindings[right.name]?.kind === 'function') {
      // ncp.ncp = ncp: a static member naming a function of the file.
      const binding = this.facts.bindings[object.name];
      const id = (this.facts.bindings[right.name] as { id: string }).id;
      if (binding?.kind === 'function') binding.members = { ...binding.members, [key]: id };
      if (binding?.kind === 'object') binding.members[key] = id;
    } else if (object.type === 'Identifier' && key && this.facts.bindings[object.name]?.kind === 'object' && this.importedFunction(right)) {
      // storage.appendFile = fs.appendFile: the member is that module's function (set twice: neither).
      const binding = this.facts.bindings[object.name] as Extract<Binding, { kind: 'object' }>;
      const imports = { ...binding.imports };
      if (imports[key]) delete imports[key];
      else imports[key] = this.importedFunction(right)!;
      binding.imports = imports;
    } else if (object.type === 'Identifier' && key && isFunctionValue(right)) {
      const binding = this.facts.bindings[object.name];
      const id = this.addFunction(right, `${object.name}.${key}`, `${object.name}.${key}`);
      if (binding?.kind === 'function') binding.members = { ...binding.members, [key]: id };
      if (binding?.kind === 'object') binding.members[key] = id;
    }
  }

  /** `fs.appendFile` or `mkdirp` through the file's import of a module: that import, by its specifier and name. */
  private importedFunction(value: AnyNode): { specifier: string; name?: string } | undefined {
    const object = value.type === 'MemberExpression' && !value.computed ? value.object : value;
    if (object.type !== 'Identifier') return undefined;
    const binding = this.facts.bindings[object.name];
    if (binding?.kind !== 'import') return undefined;
    if (object === value) return binding;
    const name = propertyName(value.property);
    return binding.name === undefined && name ? { specifier: binding.specifier, name } : undefined;
  }

  /** `module.exports = X`. */
  private readWholeExport(right: AnyNode): void {
    if (right.type === 'ObjectExpression') {
      const members = this.readObject(right, 'exports');
      for (const property of right.properties) {
        const key = propertyName(property.key, property.computed);
        if (!key) continue;
        if (members[key]) this.facts.exports[key] = { kind: 'function', id: members[key] };
        else if (property.type === 'ObjectProperty') {
          const target = this.targetOf(property.value, `exports.${key}`);
          if (target) this.facts.exports[key] = target;
        }
      }
      return;
    }
    const target = this.targetOf(right, 'module.exports');
    if (target) this.facts.whole = target;
  }

  private targetOf(value: AnyNode, name: string): ExportTarget | undefined {
    if (isFunctionValue(value)) return { kind: 'function', id: this.addFunction(value, name, name) };
    if (value.type === 'Identifier') return { kind: 'binding', name: value.name };
    const specifier = requireSpecifier(value);
    if (specifier !== undefined) return { kind: 'reexport', specifier };
    if (value.type === 'MemberExpression' && requireSpecifier(value.object) !== undefined) {
      const imported = propertyName(value.property, value.computed);
      if (imported) return { kind: 'reexport', specifier: requireSpecifier(value.object)!, name: imported };
    }
    if (value.type === 'ClassExpression') {
      this.readClass(value, name);
      return { kind: 'binding', name };
    }
    return undefined;
  }

  /** `util.inherits(Child, Parent)`, `inherits(Child, Parent)`. */
  private readInherits(call: AnyNode): void {
    const calleeName = call.callee.type === 'Identifier' ? call.callee.name : propertyName(call.callee.property);
    const [child, parent] = call.arguments;
    if (calleeName === 'inherits' && child?.type === 'Identifier' && parent?.type === 'Identifier') {
      this.facts.inherits.push({ child: child.name, parent: parent.name });
    }
  }
}

function readsArgumentsLength(fn: AnyNode): boolean {
  const stack: AnyNode[] = [fn.body];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (node.type === 'MemberExpression' && node.object.type === 'Identifier' && node.object.name === 'arguments' && propertyName(node.property, node.computed) === 'length') return true;
    if ((node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration') && node !== fn) continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc') continue;
      if (Array.isArray(value)) stack.push(...value.filter((item) => item && typeof item.type === 'string'));
      else if (value && typeof (value as AnyNode).type === 'string') stack.push(value);
    }
  }
  return false;
}
