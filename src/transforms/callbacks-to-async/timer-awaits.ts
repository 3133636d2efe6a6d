import type { JSCodeshift } from 'jscodeshift';
import { some, uniqueName, walk, type AnyNode } from '../shared/ast';
import { afterImportsIndex, findModuleBindings, type ModuleBinding, type ModuleStyle } from '../shared/module-bindings';
import { timersPromisesSince } from '../timers-to-async/runtime';

/**
 * One job: the promise `setTimeout` that callbacks-to-async's timer steps await
 * (timer-steps.ts). Trials hand out callee identifiers; flush() names the ones still in the
 * file (a trial rolled back leaves its callees out of the tree) and adds, once, the import of
 * `timers/promises` in the file's module style, or a small helper on the global timer where
 * the package's Node floor is older than 16.
 */
export class TimerAwaits {
  private readonly callees: AnyNode[] = [];

  constructor(
    private readonly j: JSCodeshift,
    private readonly program: AnyNode,
    private readonly style: ModuleStyle,
    private readonly taken: Set<string>,
    private readonly minNodeMajor: number | undefined,
  ) {}

  add(callees: AnyNode[]): void {
    this.callees.push(...callees);
  }

  /** Names the callees in use and inserts their declaration; returns the Node major it needs (0: none). */
  flush(): number {
    const inTree = new Set<AnyNode>();
    const wanted = new Set(this.callees);
    let globalUsed = false;
    walk(this.program, (node) => {
      if (wanted.has(node)) inTree.add(node);
      else if (node.type === 'Identifier' && node.name === 'setTimeout') globalUsed = true;
    });
    if (inTree.size === 0) return 0;
    const j = this.j;
    const modern = this.minNodeMajor === undefined || this.minNodeMajor >= timersPromisesSince;
    // The file's own import of timers/promises (or timers-to-async's, run first): one import a file.
    const firstUse = this.program.body.findIndex((statement: AnyNode) => some(statement, (node) => inTree.has(node)));
    const existing = modern ? existingTimerBinding(this.program) : undefined;
    // Declared before the first statement that awaits it: a later const is not set yet.
    if (existing && (firstUse === -1 || this.program.body.indexOf(existing.statement) < firstUse)) {
      for (const callee of inTree) {
        if (existing.imported === 'setTimeout') callee.name = existing.local;
        else Object.assign(callee, j.memberExpression(j.identifier(existing.local), j.identifier('setTimeout')), { name: undefined });
      }
      return timersPromisesSince;
    }
    const name = modern && !globalUsed ? 'setTimeout' : uniqueName('delay', this.taken);
    for (const callee of inTree) callee.name = name;
    const declaration = modern ? this.importOf(name) : this.helperOf(name);
    const afterImports = afterImportsIndex(this.program);
    this.program.body.splice(firstUse === -1 ? afterImports : Math.min(afterImports, firstUse), 0, declaration);
    return modern ? timersPromisesSince : 0;
  }

  private importOf(local: string): AnyNode {
    const j = this.j;
    const specifier = j.literal(this.style.nodePrefix ? 'node:timers/promises' : 'timers/promises');
    if (this.style.esm) return j.importDeclaration([j.importSpecifier(j.identifier('setTimeout'), j.identifier(local))], specifier);
    // Parsed from text: recast prints patterns it builds itself one property a line.
    const pattern = j.template.expression([`({ ${local === 'setTimeout' ? local : `setTimeout: ${local}`} } = x)`]).left;
    return j.variableDeclaration('const', [j.variableDeclarator(pattern, j.callExpression(j.identifier('require'), [specifier]))]);
  }

  /** `function delay(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }` */
  private helperOf(name: string): AnyNode {
    const j = this.j;
    const executor = j.arrowFunctionExpression([j.identifier('resolve')], j.callExpression(j.identifier('setTimeout'), [j.identifier('resolve'), j.identifier('ms')]));
    return j.functionDeclaration(j.identifier(name), [j.identifier('ms')], j.blockStatement([j.returnStatement(j.newExpression(j.identifier('Promise'), [executor]))]));
  }
}

/** A top-level binding of the promise `setTimeout`: `{ setTimeout: delay }` or the namespace. */
function existingTimerBinding(program: AnyNode): ModuleBinding | undefined {
  return findModuleBindings(program).find(
    (binding) => (binding.specifier === 'timers/promises' || binding.specifier === 'node:timers/promises') && (binding.imported === 'setTimeout' || binding.imported === undefined),
  );
}
