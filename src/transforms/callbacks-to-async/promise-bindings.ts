import type { JSCodeshift } from 'jscodeshift';
import { isReferenceIdentifier, some, uniqueName, walk, type AnyNode } from '../shared/ast';
import { afterImportsIndex, findModuleBindings, type ModuleBinding, type ModuleStyle } from '../shared/module-bindings';
import type { NodeRequirement } from '../../types';
import type { NodeModuleName, PromisableApi } from './node-api-table';

/** Preferred local names for the promise namespaces. */
const namespaceNames: Partial<Record<NodeModuleName, string>> = { fs: 'fsp', dns: 'dnsPromises' };
/** Node major from which `<module>/promises` can be required; before it, `require(m).promises`. */
const promisesPathSince: Partial<Record<NodeModuleName, number>> = { fs: 14, dns: 15 };

/**
 * Finds or creates the module-level names the rewritten calls need (`fsp`, `execFileAsync`,
 * `promisify`) in the file's own module style, and inserts their declarations once, after
 * the file's imports.
 */
export class PromiseBindings {
  private readonly pending: AnyNode[] = [];
  /** The callee nodes handed out, to find the first statement that needs the declarations. */
  private readonly callees = new Set<AnyNode>();
  private readonly namespaces = new Map<NodeModuleName, string>();
  private readonly wrappers = new Map<string, string>();
  private promisifyRef?: AnyNode;
  /** The Node versions the promise forms handed out need (FileResult.nodeFloor). */
  readonly requirements: NodeRequirement[] = [];

  constructor(
    private readonly j: JSCodeshift,
    private readonly program: AnyNode,
    private readonly style: ModuleStyle,
    private readonly taken: Set<string>,
    private readonly minNodeMajor: number | undefined,
  ) {}

  /** The expression to call in place of `module.name(…)`. */
  calleeFor(api: PromisableApi, binding: ModuleBinding | undefined): AnyNode {
    const j = this.j;
    if (api.module === 'local' || api.module === 'unknown' || api.module === 'async' || api.module === 'package' || !binding) return j.identifier(api.name);
    this.requirements.push({ major: api.minNode, feature: `the promise form of ${api.module}.${api.name}` });
    const callee = api.access === 'promises'
      ? j.memberExpression(j.identifier(this.namespaceFor(api.module)), j.identifier(api.name))
      : j.identifier(this.wrapperFor(api, binding));
    this.callees.add(callee);
    return callee;
  }

  /**
   * `util.promisify(<callee>)` of a package's function, declared once after the imports:
   * `mkdirpAsync` for `mkdirp`, `readFileAsync` for `gfs.readFile` (the same module object).
   */
  promisifiedPackageCall(callee: AnyNode, name: string, key: string, minNode: number): AnyNode {
    const j = this.j;
    this.requirements.push({ major: minNode, feature: `util.promisify for ${key}` });
    let local = this.wrappers.get(`package:${key}`);
    if (!local) {
      local = uniqueName(`${name}Async`, this.taken);
      this.pending.push(j.variableDeclaration('const', [j.variableDeclarator(j.identifier(local), j.callExpression(this.promisify(), [callee]))]));
      this.wrappers.set(`package:${key}`, local);
    }
    const ref = j.identifier(local);
    this.callees.add(ref);
    return ref;
  }

  /** `util.promisify(fs.x)` at the call, so that the function fs has then (patched or not) runs. */
  promisifiedAtCall(callee: AnyNode, feature: string): AnyNode {
    this.requirements.push({ major: 8, feature });
    return this.j.callExpression(this.promisify(), [callee]);
  }

  /** What trial rewrites may undo: the declarations asked for so far. */
  checkpoint(): () => void {
    const pending = this.pending.length;
    const takenCount = this.taken.size;
    const namespaces = new Map(this.namespaces);
    const wrappers = new Map(this.wrappers);
    const promisifyRef = this.promisifyRef;
    const requirements = this.requirements.length;
    return () => {
      this.pending.length = pending;
      this.requirements.length = requirements;
      this.namespaces.clear();
      for (const [name, local] of namespaces) this.namespaces.set(name, local);
      this.wrappers.clear();
      for (const [name, local] of wrappers) this.wrappers.set(name, local);
      this.promisifyRef = promisifyRef;
      // Names picked during the trial are free again (a Set keeps insertion order).
      for (const name of [...this.taken].slice(takenCount)) this.taken.delete(name);
    };
  }

  /** Inserts the new declarations; call once, after every rewrite. */
  flush(): void {
    if (this.pending.length === 0) return;
    // Imports first, then the declarations that use them.
    const imports = this.pending.filter((node) => node.type === 'ImportDeclaration');
    const others = this.pending.filter((node) => node.type !== 'ImportDeclaration');
    // After the imports, but before the first statement that calls through the new names: a
    // call between two requires runs at once, and a const is not set until its line runs.
    const firstUse = this.program.body.findIndex((statement: AnyNode) => some(statement, (node) => this.callees.has(node)));
    const afterImports = afterImportsIndex(this.program);
    const index = firstUse === -1 ? afterImports : Math.min(afterImports, firstUse);
    this.program.body.splice(index, 0, ...imports, ...others);
    this.pending.length = 0;
  }

  private specifier(name: string): string {
    return this.style.nodePrefix ? `node:${name}` : name;
  }

  private namespaceFor(module: NodeModuleName): string {
    const known = this.namespaces.get(module);
    if (known) return known;
    const existing = findModuleBindings(this.program).find(
      (binding) => binding.imported === undefined && (binding.specifier === `${module}/promises` || binding.specifier === `node:${module}/promises`),
    );
    if (existing) {
      this.namespaces.set(module, existing.local);
      return existing.local;
    }
    const j = this.j;
    const local = uniqueName(namespaceNames[module] ?? `${module}Promises`, this.taken);
    const since = promisesPathSince[module] ?? 0;
    const hasPromisesPath = this.minNodeMajor === undefined || this.minNodeMajor >= since;
    if (hasPromisesPath && since > 0) this.requirements.push({ major: since, feature: `require('${module}/promises')` });
    if (this.style.esm) {
      this.pending.push(
        hasPromisesPath
          ? j.importDeclaration([j.importNamespaceSpecifier(j.identifier(local))], j.literal(this.specifier(`${module}/promises`)))
          : j.importDeclaration([j.importSpecifier(j.identifier('promises'), j.identifier(local))], j.literal(this.specifier(module))),
      );
    } else {
      const required = hasPromisesPath
        ? this.requireCall(`${module}/promises`)
        : j.memberExpression(this.requireCall(module), j.identifier('promises'));
      this.pending.push(j.variableDeclaration('const', [j.variableDeclarator(j.identifier(local), required)]));
    }
    this.namespaces.set(module, local);
    return local;
  }

  private wrapperFor(api: PromisableApi, binding: ModuleBinding): string {
    const key = `${api.module}.${api.name}`;
    const known = this.wrappers.get(key);
    if (known) return known;
    const j = this.j;
    const local = uniqueName(`${api.name}Async`, this.taken);
    const original = binding.imported === undefined
      ? j.memberExpression(j.identifier(binding.local), j.identifier(api.name))
      : j.identifier(binding.local);
    this.pending.push(
      j.variableDeclaration('const', [j.variableDeclarator(j.identifier(local), j.callExpression(this.promisify(), [original]))]),
    );
    this.wrappers.set(key, local);
    return local;
  }

  private promisify(): AnyNode {
    if (this.promisifyRef) return this.promisifyRef;
    const j = this.j;
    const util = findModuleBindings(this.program).find((binding) => binding.specifier === 'util' || binding.specifier === 'node:util');
    if (util && util.imported === undefined) {
      this.promisifyRef = j.memberExpression(j.identifier(util.local), j.identifier('promisify'));
    } else if (util && util.imported === 'promisify') {
      this.promisifyRef = j.identifier(util.local);
    } else {
      const local = uniqueName('promisify', this.taken);
      const specifier = j.importSpecifier(j.identifier('promisify'), j.identifier(local));
      if (this.style.esm) {
        this.pending.push(j.importDeclaration([specifier], j.literal(this.specifier('util'))));
      } else {
        const property = j.objectProperty(j.identifier('promisify'), j.identifier(local));
        property.shorthand = local === 'promisify';
        this.pending.push(j.variableDeclaration('const', [j.variableDeclarator(j.objectPattern([property]), this.requireCall('util'))]));
      }
      this.promisifyRef = j.identifier(local);
    }
    return this.promisifyRef;
  }

  private requireCall(name: string): AnyNode {
    return this.j.callExpression(this.j.identifier('require'), [this.j.literal(this.specifier(name))]);
  }
}

function countReferences(program: AnyNode, name: string): number {
  let count = 0;
  walk(program, (node, parent) => {
    if (node.type === 'Identifier' && node.name === name && isReferenceIdentifier(node, parent)) count++;
  });
  return count;
}

/**
 * Removes imports and requires of the given bindings that nothing references any more
 * (the callback module's import stays while anything still uses it).
 */
/** Removes a statement from the program, handing its leading comments to the next one. */
function removeStatement(program: AnyNode, statement: AnyNode): void {
  const index = program.body.indexOf(statement);
  const leading = (statement.comments ?? []).filter((comment: AnyNode) => comment.leading);
  const next = program.body[index + 1];
  if (leading.length > 0 && next) next.comments = [...leading, ...(next.comments ?? [])];
  program.body.splice(index, 1);
}

export function removeUnusedBindings(program: AnyNode, bindings: ModuleBinding[]): void {
  for (const binding of bindings) {
    const statement = binding.statement;
    if (!program.body.includes(statement)) continue;
    // The binding's own declaration counts once (a shorthand `{ readFile }` too).
    if (countReferences(program, binding.local) > 1) continue;
    if (statement.type === 'ImportDeclaration') {
      statement.specifiers = statement.specifiers.filter((item: AnyNode) => item.local.name !== binding.local);
      if (statement.specifiers.length === 0) removeStatement(program, statement);
      continue;
    }
    statement.declarations = statement.declarations.filter((declarator: AnyNode) => {
      if (declarator.id.type === 'Identifier') return declarator.id.name !== binding.local;
      if (declarator.id.type === 'ObjectPattern') {
        declarator.id.properties = declarator.id.properties.filter(
          (property: AnyNode) => property.type === 'RestElement' || property.value.type !== 'Identifier' || property.value.name !== binding.local,
        );
        return declarator.id.properties.length > 0;
      }
      return true;
    });
    if (statement.declarations.length === 0) removeStatement(program, statement);
  }
}
