import { builtinModules } from 'node:module';
import * as path from 'node:path';
import type { ts } from 'ts-morph';
import type { ConvertedApi } from '../types';
import type { LoadedProject, TypeScript } from './load';

/** A call in a project file that passes at least one argument. */
export interface ProjectCall {
  /** Absolute path of the file. */
  file: string;
  node: ts.CallExpression;
  /** The callee as the engine spells it (`load`, `store.load`, `this.store.load`); '' for anything else. */
  calleeText: string;
  /** 1-based, where the call starts (as awaitify's findings count). */
  line: number;
  column: number;
  argCount: number;
  /** The last argument is an arrow or function expression. */
  inlineCallback: boolean;
  /** The callee's root is `this` or a module-level binding: only such calls can await a function of another file. */
  rootAccepted: boolean;
}

/** A place where a function is used other than by calling it (passed on, stored, bound). */
export interface ValueUse {
  file: string;
  line: number;
  column: number;
}

/** What the checker says about the callback of a call to a typed API. */
export type TypedCallback =
  /** Error-first, and the API returns a promise of the callback's value when called without it. */
  | { kind: 'promise-form'; valueCount: number }
  /** Error-first by its type, but with no promise form to call instead. */
  | { kind: 'error-first' }
  /** Typed, and not error-first: its first parameter is not a nullable error. */
  | { kind: 'not-error-first' }
  | { kind: 'unknown' };

type FunctionNode = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

/**
 * Read-only questions about a loaded project, answered with the type checker: which function a
 * call reaches (through imports, requires, re-exports, module.exports objects, default exports,
 * typed fields and interfaces), where a function is used as a value, what a typed callback is,
 * and what the package's entry points export.
 */
export class ProjectAnalysis {
  private readonly ts: TypeScript;
  private readonly checker: ts.TypeChecker;
  private calls?: ProjectCall[];
  private readonly targets = new Map<ts.CallExpression, ReadonlySet<ts.Node> | undefined>();
  private readonly declaredMembers = new Map<ts.CallExpression, ts.Node[]>();
  private identifiers?: Map<string, ts.Identifier[]>;
  private exportNames?: Map<ts.Node, Set<string>>;

  constructor(readonly project: LoadedProject) {
    this.ts = project.ts;
    this.checker = project.checker;
  }

  /** The project's own source files (no declaration files, nothing from node_modules). */
  sourceFiles(): ts.SourceFile[] {
    const files: ts.SourceFile[] = [];
    for (const name of this.project.fileNames) {
      const file = this.project.program.getSourceFile(name);
      if (file && !file.isDeclarationFile) files.push(file);
    }
    return files;
  }

  isProjectFile(file: ts.SourceFile): boolean {
    return !file.isDeclarationFile && this.project.fileNames.has(path.resolve(file.fileName));
  }

  position(node: ts.Node): { line: number; column: number } {
    const sourceFile = node.getSourceFile();
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    return { line: line + 1, column: character + 1 };
  }

  /** Every call with arguments in the project's files. */
  allCalls(): ProjectCall[] {
    if (this.calls) return this.calls;
    const ts = this.ts;
    const calls: ProjectCall[] = [];
    for (const sourceFile of this.sourceFiles()) {
      const file = path.resolve(sourceFile.fileName);
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node) && node.arguments.length > 0) {
          const last = node.arguments[node.arguments.length - 1];
          calls.push({
            file,
            node,
            calleeText: calleeText(ts, node.expression),
            ...this.position(node),
            argCount: node.arguments.length,
            inlineCallback: ts.isArrowFunction(last) || ts.isFunctionExpression(last),
            rootAccepted: this.isRootAccepted(node.expression),
          });
        }
        ts.forEachChild(node, visit);
      };
      visit(sourceFile);
    }
    this.calls = calls;
    return calls;
  }

  /**
   * A cheap test before asking the checker: a plain name is always looked up (it may be an alias
   * of anything), a method call only when its name is one of `names` (resolving `a.b.c()` means
   * type-checking `a.b`).
   */
  mayReach(call: ProjectCall, names: ReadonlySet<string>): boolean {
    const callee = call.node.expression;
    return this.ts.isIdentifier(callee) || (this.ts.isPropertyAccessExpression(callee) && names.has(callee.name.text));
  }

  /** The callee is a function of a Node core module (`fs.readFile`, an import from 'node:fs'): the engine's table knows those. */
  isNodeCoreCall(call: ProjectCall): boolean {
    const ts = this.ts;
    let root: ts.Expression = call.node.expression;
    while (ts.isPropertyAccessExpression(root)) root = root.expression;
    if (!ts.isIdentifier(root)) return false;
    const declaration = this.checker.getSymbolAtLocation(root)?.declarations?.[0];
    const specifier = declaration && moduleSpecifierOf(ts, declaration);
    return !!specifier && builtinModules.includes(specifier.replace(/^node:/, ''));
  }

  /**
   * A call the checker cannot follow because what it calls has no type: a method of an `any`
   * value (a JavaScript parameter, a module object passed around), or a name bound to one.
   */
  isUntypedCall(call: ProjectCall): boolean {
    const ts = this.ts;
    const callee = call.node.expression;
    const untyped = (node: ts.Node) => !!(this.checker.getTypeAtLocation(node).flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown));
    // Bound from a package or a core module (`const fs = require('fs')`, untyped here): not the project's.
    let root: ts.Expression = callee;
    while (ts.isPropertyAccessExpression(root)) root = root.expression;
    const rootDeclaration = ts.isIdentifier(root) ? this.checker.getSymbolAtLocation(root)?.declarations?.[0] : undefined;
    const specifier = rootDeclaration && moduleSpecifierOf(ts, rootDeclaration);
    if (specifier !== undefined && !specifier.startsWith('.') && !path.isAbsolute(specifier)) return false;
    if (ts.isPropertyAccessExpression(callee)) return untyped(callee.expression);
    if (!ts.isIdentifier(callee)) return false;
    const declaration = this.checker.getSymbolAtLocation(callee)?.declarations?.[0];
    if (!declaration) return true;
    return (ts.isParameter(declaration) || ts.isVariableDeclaration(declaration) || ts.isBindingElement(declaration)) && untyped(callee);
  }

  /** `this`, or a name bound at the top of its module (an import, a require, a module-level const). */
  private isRootAccepted(callee: ts.Expression): boolean {
    const ts = this.ts;
    let root: ts.Expression = callee;
    while (ts.isPropertyAccessExpression(root)) root = root.expression;
    if (root.kind === ts.SyntaxKind.ThisKeyword) return true;
    if (!ts.isIdentifier(root)) return false;
    const symbol = this.checker.getSymbolAtLocation(root);
    const declaration = symbol?.declarations?.[0];
    return !!declaration && isModuleLevel(ts, declaration);
  }

  /**
   * The functions a call may run, or undefined when the checker cannot tell them all (a value of
   * unknown type, a declaration file, a function computed at run time). A method call counts every
   * implementation: the class's method and its overrides, or every class implementing an interface.
   */
  targetsOf(call: ts.CallExpression): ReadonlySet<ts.Node> | undefined {
    if (this.targets.has(call)) return this.targets.get(call);
    const result = this.computeTargets(call);
    this.targets.set(call, result);
    return result;
  }

  private computeTargets(call: ts.CallExpression): ReadonlySet<ts.Node> | undefined {
    const ts = this.ts;
    const callee = call.expression;
    const nameNode = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.name) ? callee.name : undefined;
    if (!nameNode) return undefined;
    const found = new Set<ts.Node>();
    if (!this.resolveSymbol(this.checker.getSymbolAtLocation(nameNode), found, new Set()) || found.size === 0) return undefined;
    if ([...found].some((node) => ts.isSourceFile(node))) return undefined;
    if ([...found].some((node) => this.isVirtualMember(node))) {
      const declared = [...found].filter((node) => this.isVirtualMember(node) && !hasBody(ts, node));
      if (declared.length > 0) this.declaredMembers.set(call, declared);
      const all = new Set<ts.Node>();
      for (const node of found) {
        const implementations = this.isVirtualMember(node) ? this.implementationsOf(node) : new Set([node]);
        if (!implementations) return undefined;
        for (const implementation of implementations) all.add(implementation);
      }
      return all;
    }
    return found;
  }

  private readonly implementations = new Map<ts.Node, ReadonlySet<ts.Node> | undefined>();
  private subclassed?: Set<ts.Node>;

  /**
   * The bodies a call of a member may run: a method of a class nothing extends is itself;
   * otherwise (overrides, interfaces, abstract methods) the language service's implementations
   * of the member, once per member.
   */
  private implementationsOf(member: ts.Node): ReadonlySet<ts.Node> | undefined {
    const ts = this.ts;
    if (ts.isMethodDeclaration(member) && member.body && !this.isSubclassed(member.parent)) return new Set([member]);
    if (this.implementations.has(member)) return this.implementations.get(member);
    const name = (member as ts.NamedDeclaration).name;
    let result: ReadonlySet<ts.Node> | undefined;
    if (name && ts.isIdentifier(name)) {
      result = (ts.isMethodSignature(member) || ts.isPropertySignature(member)) && ts.isInterfaceDeclaration(member.parent)
        ? this.interfaceImplementations(member.parent, name.text)
        : this.implementationsAt(name);
    }
    this.implementations.set(member, result);
    return result;
  }

  private classes?: ts.ClassLikeDeclaration[];
  private objectLiterals?: Map<string, ts.ObjectLiteralElementLike[]>;

  /**
   * What the language service's "go to implementation" finds for an interface member, without
   * its search of every file's text: the member of every class that implements the interface
   * (directly, through an interface that extends it, or through a base class), and the property
   * of every object literal typed as the interface. Undefined when one of them is not a function
   * of the project, or when there is none.
   */
  private interfaceImplementations(declaration: ts.InterfaceDeclaration, name: string): ReadonlySet<ts.Node> | undefined {
    const ts = this.ts;
    const target = this.checker.getSymbolAtLocation(declaration.name);
    if (!target) return undefined;
    this.indexImplementers();
    const found = new Set<ts.Node>();
    for (const classNode of this.classes!) {
      if (!this.implementsInterface(classNode, target, new Set())) continue;
      const property = this.checker.getPropertyOfType(this.checker.getTypeAtLocation(classNode), name);
      const member = property?.valueDeclaration;
      if (!member || !this.isProjectFile(member.getSourceFile())) return undefined;
      if (ts.isMethodDeclaration(member) && member.body) found.add(member);
      else if (ts.isPropertyDeclaration(member) && member.initializer && isFunctionNode(ts, member.initializer)) found.add(member.initializer);
      else return undefined;
    }
    for (const property of this.objectLiterals!.get(name) ?? []) {
      const contextual = this.checker.getContextualType(property.parent as ts.ObjectLiteralExpression);
      if (!contextual || !typeNames(ts, contextual, target)) continue;
      if (ts.isMethodDeclaration(property) && property.body) found.add(property);
      else if (ts.isPropertyAssignment(property) && isFunctionNode(ts, skipParentheses(ts, property.initializer))) found.add(skipParentheses(ts, property.initializer));
      else return undefined;
    }
    return found.size > 0 ? found : undefined;
  }

  /** Classes with heritage clauses, and object literal members by name: one walk of the project. */
  private indexImplementers(): void {
    if (this.classes && this.objectLiterals) return;
    const ts = this.ts;
    const classes: ts.ClassLikeDeclaration[] = [];
    const literals = new Map<string, ts.ObjectLiteralElementLike[]>();
    for (const sourceFile of this.sourceFiles()) {
      const visit = (node: ts.Node): void => {
        if (ts.isClassLike(node) && node.heritageClauses) classes.push(node);
        if (ts.isObjectLiteralExpression(node)) {
          for (const property of node.properties) {
            if (!property.name || !ts.isIdentifier(property.name)) continue;
            literals.set(property.name.text, [...(literals.get(property.name.text) ?? []), property]);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(sourceFile);
    }
    this.classes = classes;
    this.objectLiterals = literals;
  }

  /** Does the class or interface declare (through implements, extends, or its bases) the interface `target`? */
  private implementsInterface(node: ts.ClassLikeDeclaration | ts.InterfaceDeclaration, target: ts.Symbol, seen: Set<ts.Node>): boolean {
    const ts = this.ts;
    if (seen.has(node)) return false;
    seen.add(node);
    for (const clause of node.heritageClauses ?? []) {
      for (const type of clause.types) {
        let symbol = this.checker.getSymbolAtLocation(type.expression);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
        if (!symbol) continue;
        if (symbol === target) return true;
        for (const base of symbol.declarations ?? []) {
          if ((ts.isClassLike(base) || ts.isInterfaceDeclaration(base)) && this.implementsInterface(base, target, seen)) return true;
        }
      }
    }
    return false;
  }

  /** Is some class of the project declared `extends` this one? */
  private isSubclassed(classNode: ts.Node): boolean {
    if (!this.subclassed) {
      const ts = this.ts;
      const bases = new Set<ts.Node>();
      for (const sourceFile of this.sourceFiles()) {
        const visit = (node: ts.Node): void => {
          if (ts.isHeritageClause(node) && node.token === ts.SyntaxKind.ExtendsKeyword && ts.isClassLike(node.parent)) {
            for (const type of node.types) {
              const found = new Set<ts.Node>();
              let symbol = this.checker.getSymbolAtLocation(type.expression);
              if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
              for (const declaration of symbol?.declarations ?? []) found.add(declaration);
              // A base the checker cannot name (a mixin, a call): anything may be extended.
              if (found.size === 0) bases.add(sourceFile);
              for (const base of found) bases.add(base);
            }
          }
          ts.forEachChild(node, visit);
        };
        visit(sourceFile);
      }
      this.subclassed = bases;
    }
    return this.subclassed.has(classNode) || [...this.subclassed].some((node) => this.ts.isSourceFile(node));
  }

  /**
   * The declarations without a body a method call goes through (interface members, abstract
   * methods): their callback signature must change with the implementations.
   */
  declaredMembersOf(call: ts.CallExpression): ts.Node[] {
    this.targetsOf(call);
    return this.declaredMembers.get(call) ?? [];
  }

  /** Class methods and interface members: which body runs depends on the object. */
  private isVirtualMember(node: ts.Node): boolean {
    const ts = this.ts;
    if (ts.isMethodSignature(node) || ts.isPropertySignature(node)) return true;
    return (ts.isMethodDeclaration(node) || ts.isPropertyDeclaration(node)) && (ts.isClassDeclaration(node.parent) || ts.isClassExpression(node.parent));
  }

  /** Every implementation the language service finds, all of them functions of the project, or undefined. */
  private implementationsAt(nameNode: ts.Identifier): ReadonlySet<ts.Node> | undefined {
    const ts = this.ts;
    const sourceFile = nameNode.getSourceFile();
    const locations = this.project.languageService().getImplementationAtPosition(sourceFile.fileName, nameNode.getStart(sourceFile));
    if (!locations || locations.length === 0) return undefined;
    const found = new Set<ts.Node>();
    for (const location of locations) {
      const file = this.project.program.getSourceFile(location.fileName);
      if (!file || !this.isProjectFile(file)) return undefined;
      const name = findNodeAt(ts, file, location.textSpan.start, location.textSpan.start + location.textSpan.length);
      const declaration = name?.parent;
      if (!declaration) return undefined;
      if (isFunctionNode(ts, declaration)) found.add(declaration);
      else if ((ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)) && declaration.initializer && isFunctionNode(ts, declaration.initializer)) found.add(declaration.initializer);
      else return undefined;
    }
    return found;
  }

  /**
   * Follows a symbol to what it names: functions, modules (source files), or members. False when
   * some part cannot be followed (declared in a .d.ts, computed, a parameter).
   */
  private resolveSymbol(symbol: ts.Symbol | undefined, found: Set<ts.Node>, seen: Set<ts.Symbol>): boolean {
    const ts = this.ts;
    if (!symbol) return false;
    if (seen.has(symbol)) return true;
    seen.add(symbol);
    if (symbol.flags & ts.SymbolFlags.Alias) {
      let target: ts.Symbol;
      try {
        target = this.checker.getAliasedSymbol(symbol);
      } catch {
        return false;
      }
      return this.resolveSymbol(target, found, seen);
    }
    const declarations = symbol.declarations ?? [];
    if (declarations.length === 0) return false;
    let known = true;
    for (const declaration of declarations) {
      if (!this.isProjectFile(declaration.getSourceFile())) {
        known = false;
        continue;
      }
      if (ts.isSourceFile(declaration) || isFunctionNode(ts, declaration) || this.isVirtualMember(declaration)) {
        found.add(declaration);
        continue;
      }
      if (ts.isShorthandPropertyAssignment(declaration)) {
        known = this.resolveSymbol(this.checker.getShorthandAssignmentValueSymbol(declaration), found, seen) && known;
        continue;
      }
      const value = valueOf(ts, declaration);
      if (!value) {
        known = false;
        continue;
      }
      known = this.resolveValue(value, found, seen) && known;
    }
    return known;
  }

  private resolveValue(value: ts.Expression, found: Set<ts.Node>, seen: Set<ts.Symbol>): boolean {
    const ts = this.ts;
    const expression = skipParentheses(ts, value);
    if (ts.isFunctionExpression(expression) || ts.isArrowFunction(expression)) {
      found.add(expression);
      return true;
    }
    if (ts.isIdentifier(expression)) return this.resolveSymbol(this.checker.getSymbolAtLocation(expression), found, seen);
    if (ts.isPropertyAccessExpression(expression)) return this.resolveSymbol(this.checker.getSymbolAtLocation(expression.name), found, seen);
    if (isRequireCall(ts, expression)) return this.resolveSymbol(this.checker.getSymbolAtLocation(expression.arguments[0]), found, seen);
    return false;
  }

  /**
   * The function node of a callback API that a file converted, found by its name and line (the
   * engine's `ConvertedApi`), and its parameter count with the callback.
   */
  functionOf(file: string, api: ConvertedApi): { node: FunctionNode; arity: number } | undefined {
    const ts = this.ts;
    const sourceFile = this.project.program.getSourceFile(file);
    if (!sourceFile) return undefined;
    let best: FunctionNode | undefined;
    const visit = (node: ts.Node): void => {
      if (isFunctionNode(ts, node) && (api.name === '' || functionName(ts, node) === api.name)) {
        const { line } = this.position(node);
        const statementLine = this.position(statementOf(ts, node)).line;
        if (line === api.line || statementLine === api.line) best ??= node;
      }
      if (!best) ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    return best && { node: best, arity: best.parameters.length };
  }

  /** A function whose type is written on what holds it (`const load: Loader = …`, a typed property): that type does not change with it. */
  hasDeclaredType(fn: ts.Node): boolean {
    const ts = this.ts;
    const parent = fn.parent;
    return (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && (ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent)) && !!parent.type;
  }

  /** The names a function is reached by anywhere: its own and those it is exported as (local aliases are followed from there). */
  namesOf(fn: ts.Node): Set<string> {
    const ts = this.ts;
    const names = new Set<string>();
    const own = functionName(ts, fn);
    if (own) names.add(own);
    for (const name of this.exportNamesOf(fn)) names.add(name);
    return names;
  }

  /** For every function exported by some module: the export names (re-exports and renames included). */
  private exportNamesOf(fn: ts.Node): Set<string> {
    if (!this.exportNames) {
      const map = new Map<ts.Node, Set<string>>();
      for (const sourceFile of this.sourceFiles()) {
        const moduleSymbol = this.moduleSymbolOf(sourceFile);
        if (!moduleSymbol) continue;
        for (const exported of this.checker.getExportsOfModule(moduleSymbol)) {
          const found = new Set<ts.Node>();
          this.resolveSymbol(exported, found, new Set());
          for (const node of found) {
            const names = map.get(node) ?? new Set<string>();
            names.add(exported.name);
            map.set(node, names);
          }
        }
      }
      this.exportNames = map;
    }
    return this.exportNames.get(fn) ?? new Set();
  }

  private identifierIndex(): Map<string, ts.Identifier[]> {
    if (this.identifiers) return this.identifiers;
    const ts = this.ts;
    const index = new Map<string, ts.Identifier[]>();
    for (const sourceFile of this.sourceFiles()) {
      const visit = (node: ts.Node): void => {
        if (ts.isIdentifier(node)) {
          const list = index.get(node.text);
          if (list) list.push(node);
          else index.set(node.text, [node]);
        }
        ts.forEachChild(node, visit);
      };
      visit(sourceFile);
    }
    this.identifiers = index;
    return index;
  }

  /**
   * Where a function is used other than by calling it or exporting it: passed to another
   * function, stored, bound. A caller reached that way cannot be followed, so it may still pass
   * a callback. Local aliases (`import { load as get }`, `const { load: get } = require(…)`) are
   * followed by their own names.
   */
  valueUsesOf(fn: ts.Node): ValueUse[] {
    const ts = this.ts;
    const index = this.identifierIndex();
    const names = this.namesOf(fn);
    const uses: ValueUse[] = [];
    const pending = [...names];
    const done = new Set<string>();
    while (pending.length > 0) {
      const name = pending.pop()!;
      if (done.has(name)) continue;
      done.add(name);
      for (const identifier of index.get(name) ?? []) {
        const role = usageRole(ts, identifier);
        if (role === 'declaration' || role === 'type') continue;
        const found = new Set<ts.Node>();
        this.resolveSymbol(this.checker.getSymbolAtLocation(identifier), found, new Set());
        if (!found.has(fn)) continue;
        if (role === 'alias') {
          // A local name for it: its uses count too.
          const local = aliasLocalName(ts, identifier);
          if (local && !done.has(local)) pending.push(local);
          continue;
        }
        if (role === 'callee' || role === 'export') continue;
        uses.push({ file: path.resolve(identifier.getSourceFile().fileName), ...this.position(identifier) });
      }
    }
    return uses;
  }

  /**
   * What the checker says about the inline callback of `call` when its callee is a typed API
   * (a .d.ts, a typed library): error-first when its first parameter is a nullable Error (or the
   * callee declares `__promisify__`), with a promise form when an overload without the callback
   * returns a promise of the callback's value.
   */
  typedCallback(call: ts.CallExpression): TypedCallback {
    const ts = this.ts;
    const checker = this.checker;
    const signature = checker.getResolvedSignature(call);
    if (!signature) return { kind: 'unknown' };
    const index = call.arguments.length - 1;
    const parameters = signature.getParameters();
    if (index >= parameters.length || isRestParameter(ts, parameters[index])) return { kind: 'unknown' };
    const callbackType = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(parameters[index], call));
    const callbackSignatures = callbackType.getCallSignatures();
    if (callbackSignatures.length !== 1) return { kind: 'unknown' };
    const callbackParameters = callbackSignatures[0].getParameters();
    if (callbackParameters.length === 0) return { kind: 'unknown' };
    const errorType = checker.getTypeOfSymbolAtLocation(callbackParameters[0], call);
    const untyped = !!(errorType.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown));
    if (!this.declaresPromisify(call) && !this.isNullableError(errorType, callbackParameters[0])) return { kind: untyped ? 'unknown' : 'not-error-first' };
    const values = callbackParameters.slice(1);
    if (values.length > 1 || values.some((value) => isRestParameter(ts, value))) return { kind: 'error-first' };
    const valueType = values.length === 1 ? checker.getTypeOfSymbolAtLocation(values[0], call) : undefined;
    return this.hasPromiseForm(call, valueType) ? { kind: 'promise-form', valueCount: values.length } : { kind: 'error-first' };
  }

  private isNullableError(type: ts.Type, symbol: ts.Symbol): boolean {
    const ts = this.ts;
    const declaration = symbol.valueDeclaration;
    const optional = !!declaration && ts.isParameter(declaration) && !!declaration.questionToken;
    const nullish = ts.TypeFlags.Null | ts.TypeFlags.Undefined;
    const nullable = optional || !!(type.flags & nullish) || (type.isUnion() && type.types.some((member) => !!(member.flags & nullish)));
    const error = this.checker.getNonNullableType(type);
    if (error.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return false;
    return nullable && !!error.getProperty('message') && !!error.getProperty('name');
  }

  /** @types/node style: `namespace readFile { function __promisify__(…) }` next to the function. */
  private declaresPromisify(call: ts.CallExpression): boolean {
    const ts = this.ts;
    const callee = call.expression;
    const nameNode = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
    let symbol = this.checker.getSymbolAtLocation(nameNode);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    return !!symbol?.exports?.has(ts.escapeLeadingUnderscores('__promisify__'));
  }

  /**
   * An overload that takes the call's other arguments and returns a promise whose value fits the
   * callback's value parameter: awaiting that call is what the callback received.
   */
  private hasPromiseForm(call: ts.CallExpression, valueType: ts.Type | undefined): boolean {
    const ts = this.ts;
    const checker = this.checker;
    const args = call.arguments.slice(0, -1);
    for (const signature of checker.getTypeAtLocation(call.expression).getCallSignatures()) {
      const parameters = signature.getParameters();
      if (parameters.some((parameter) => isRestParameter(ts, parameter))) continue;
      const required = parameters.filter((parameter) => !isOptionalParameter(ts, parameter)).length;
      if (args.length < required || args.length > parameters.length) continue;
      const fits = args.every((arg, i) => checker.isTypeAssignableTo(checker.getTypeAtLocation(arg), checker.getTypeOfSymbolAtLocation(parameters[i], call)));
      if (!fits) continue;
      const returned = signature.getReturnType();
      if (!returned.getProperty('then')) continue;
      const awaited = checker.getAwaitedType(returned);
      if (!awaited || awaited === returned) continue;
      if (valueType === undefined) {
        if (awaited.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Any)) return true;
        continue;
      }
      if (checker.isTypeAssignableTo(awaited, valueType)) return true;
    }
    return false;
  }

  /**
   * The functions the package's entry points export (package.json `main`, `module`, `exports`,
   * or index.js): public API, whose callers may live in other packages.
   */
  publicFunctions(entryFiles: readonly string[]): Set<ts.Node> {
    const ts = this.ts;
    const found = new Set<ts.Node>();
    const seenModules = new Set<ts.Symbol>();
    const collect = (moduleSymbol: ts.Symbol | undefined): void => {
      if (!moduleSymbol || seenModules.has(moduleSymbol)) return;
      seenModules.add(moduleSymbol);
      for (const exported of this.checker.getExportsOfModule(moduleSymbol)) {
        const targets = new Set<ts.Node>();
        this.resolveSymbol(exported, targets, new Set());
        for (const target of targets) {
          if (ts.isSourceFile(target)) collect(this.moduleSymbolOf(target));
          else found.add(target);
        }
      }
    };
    for (const entry of entryFiles) {
      const sourceFile = this.project.program.getSourceFile(entry);
      if (sourceFile) collect(this.moduleSymbolOf(sourceFile));
    }
    return found;
  }

  /** A module's symbol; a CommonJS file's (`module.exports = …`) is only bound on the file itself. */
  private moduleSymbolOf(sourceFile: ts.SourceFile): ts.Symbol | undefined {
    return this.checker.getSymbolAtLocation(sourceFile) ?? (sourceFile as ts.SourceFile & { symbol?: ts.Symbol }).symbol;
  }
}

/** `a.b.c` for a chain of plain names from an identifier or `this`; '' for anything else. */
export function calleeText(ts: TypeScript, node: ts.Node): string {
  if (ts.isIdentifier(node)) return node.text;
  if (node.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isPropertyAccessExpression(node) && !node.questionDotToken && ts.isIdentifier(node.name)) {
    const object = calleeText(ts, node.expression);
    return object ? `${object}.${node.name.text}` : '';
  }
  return '';
}

export function isFunctionNode(ts: TypeScript, node: ts.Node): node is FunctionNode {
  return ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node);
}

/** The name a function is known by in its file: its own, its variable's, or its property's. */
export function functionName(ts: TypeScript, node: ts.Node): string | undefined {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node)) && node.name && ts.isIdentifier(node.name)) {
    if (!ts.isFunctionExpression(node)) return node.name.text;
  }
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isFunctionExpression(node) && node.name) return node.name.text;
  return undefined;
}

/** The statement a function sits in (its position is where the engine reports an export). */
function statementOf(ts: TypeScript, node: ts.Node): ts.Node {
  let current: ts.Node = node;
  while (current.parent && !ts.isSourceFile(current.parent) && !ts.isClassLike(current.parent) && !ts.isBlock(current.parent)) current = current.parent;
  return current;
}

/** The module an import or require declaration binds from. */
function moduleSpecifierOf(ts: TypeScript, declaration: ts.Node): string | undefined {
  let current: ts.Node = declaration;
  while (ts.isImportSpecifier(current) || ts.isNamedImports(current) || ts.isNamespaceImport(current) || ts.isImportClause(current) || ts.isBindingElement(current) || ts.isObjectBindingPattern(current)) {
    current = current.parent;
  }
  if (ts.isImportDeclaration(current) && ts.isStringLiteral(current.moduleSpecifier)) return current.moduleSpecifier.text;
  if (ts.isVariableDeclaration(current) && current.initializer && isRequireCall(ts, current.initializer)) return (current.initializer.arguments[0] as ts.StringLiteral).text;
  return undefined;
}

/** The type is the interface, or a union or intersection with it. */
function typeNames(ts: TypeScript, type: ts.Type, target: ts.Symbol): boolean {
  if (type.getSymbol() === target || type.aliasSymbol === target) return true;
  return type.isUnionOrIntersection() && type.types.some((member) => typeNames(ts, member, target));
}

function hasBody(ts: TypeScript, node: ts.Node): boolean {
  if (ts.isMethodDeclaration(node)) return !!node.body;
  if (ts.isPropertyDeclaration(node)) return !!node.initializer && isFunctionNode(ts, node.initializer);
  return false;
}

function skipParentheses(ts: TypeScript, node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}

function isRequireCall(ts: TypeScript, node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0]);
}

/** The value a declaration gives its name: an initializer, an assignment's right side, an export's expression. */
function valueOf(ts: TypeScript, declaration: ts.Node): ts.Expression | undefined {
  if ((ts.isVariableDeclaration(declaration) || ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) && declaration.initializer) return declaration.initializer;
  if (ts.isBinaryExpression(declaration) && declaration.operatorToken.kind === ts.SyntaxKind.EqualsToken) return declaration.right;
  if ((ts.isPropertyAccessExpression(declaration) || ts.isElementAccessExpression(declaration)) && ts.isBinaryExpression(declaration.parent) && declaration.parent.left === declaration) {
    return declaration.parent.right;
  }
  if (ts.isExportAssignment(declaration)) return declaration.expression;
  return undefined;
}

/** A declaration at the top of its module: not inside a function, class or block. */
function isModuleLevel(ts: TypeScript, declaration: ts.Node): boolean {
  if (ts.isImportClause(declaration) || ts.isImportSpecifier(declaration) || ts.isNamespaceImport(declaration) || ts.isImportEqualsDeclaration(declaration)) return true;
  let current: ts.Node = declaration;
  while (ts.isBindingElement(current) || ts.isObjectBindingPattern(current) || ts.isArrayBindingPattern(current)) current = current.parent;
  if (ts.isVariableDeclaration(current)) return ts.isVariableDeclarationList(current.parent) && ts.isVariableStatement(current.parent.parent) && ts.isSourceFile(current.parent.parent.parent);
  if (ts.isFunctionDeclaration(current) || ts.isClassDeclaration(current)) return ts.isSourceFile(current.parent);
  return false;
}

function isRestParameter(ts: TypeScript, symbol: ts.Symbol): boolean {
  const declaration = symbol.valueDeclaration;
  return !!declaration && ts.isParameter(declaration) && !!declaration.dotDotDotToken;
}

function isOptionalParameter(ts: TypeScript, symbol: ts.Symbol): boolean {
  const declaration = symbol.valueDeclaration;
  return !!declaration && ts.isParameter(declaration) && (!!declaration.questionToken || !!declaration.initializer);
}

/** The deepest node that spans exactly [start, end). */
function findNodeAt(ts: TypeScript, sourceFile: ts.SourceFile, start: number, end: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (node.getStart(sourceFile) <= start && node.end >= end) {
      if (node.getStart(sourceFile) === start && node.end === end) found = node;
      ts.forEachChild(node, visit);
    }
  };
  visit(sourceFile);
  return found;
}

type UsageRole = 'declaration' | 'alias' | 'callee' | 'export' | 'type' | 'value';

/** What an identifier does where it stands, for finding value uses of a function. */
function usageRole(ts: TypeScript, identifier: ts.Identifier): UsageRole {
  const parent = identifier.parent;
  if (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isExportSpecifier(parent) || ts.isNamespaceImport(parent)) return 'alias';
  if (ts.isBindingElement(parent)) return parent.name === identifier || parent.propertyName === identifier ? 'alias' : 'value';
  if (ts.isVariableDeclaration(parent) && parent.name === identifier) {
    return parent.initializer && isRequireCall(ts, parent.initializer) ? 'alias' : 'declaration';
  }
  if ((ts.isFunctionDeclaration(parent) || ts.isMethodDeclaration(parent) || ts.isFunctionExpression(parent) || ts.isClassDeclaration(parent) || ts.isParameter(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodSignature(parent) || ts.isPropertySignature(parent)) && parent.name === identifier) {
    return 'declaration';
  }
  if (ts.isPropertyAssignment(parent) && parent.name === identifier) return 'declaration';
  if (ts.isTypeQueryNode(parent) || ts.isQualifiedName(parent) || ts.isTypeReferenceNode(parent)) return 'type';
  // The callee: `load(…)` or `x.load(…)`.
  if (ts.isCallExpression(parent) && parent.expression === identifier) return 'callee';
  if (ts.isPropertyAccessExpression(parent) && parent.name === identifier) {
    if (ts.isCallExpression(parent.parent) && parent.parent.expression === parent) return 'callee';
    if (isExportPosition(ts, parent)) return 'export';
    // `module.exports.load = …` names the export.
    if (ts.isBinaryExpression(parent.parent) && parent.parent.left === parent) return 'declaration';
    return 'value';
  }
  if (ts.isShorthandPropertyAssignment(parent)) return isExportObject(ts, parent.parent) ? 'export' : 'value';
  if (isExportPosition(ts, identifier)) return 'export';
  return 'value';
}

/** The value exported: `module.exports = x`, `exports.a = x`, `export default x`, `export = x`, or a property of `module.exports = {…}`. */
function isExportPosition(ts: TypeScript, node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isExportAssignment(parent)) return true;
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) return isExportObject(ts, parent.parent);
  return ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && isExportsTarget(ts, parent.left);
}

function isExportObject(ts: TypeScript, node: ts.Node): boolean {
  return ts.isObjectLiteralExpression(node) && ts.isBinaryExpression(node.parent) && node.parent.right === node && isExportsTarget(ts, node.parent.left);
}

/** `module.exports`, `exports.x`, `module.exports.x`. */
function isExportsTarget(ts: TypeScript, node: ts.Node): boolean {
  const text = calleeText(ts, node);
  return text === 'module.exports' || /^(module\.)?exports\.[^.]+$/.test(text);
}

/** The local name an alias declaration introduces. */
function aliasLocalName(ts: TypeScript, identifier: ts.Identifier): string | undefined {
  const parent = identifier.parent;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent)) return parent.name?.text;
  if (ts.isBindingElement(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return undefined;
}
