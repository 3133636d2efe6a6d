import type { JSCodeshift } from 'jscodeshift';
import { some, uniqueName, walk, type AnyNode } from '../shared/ast';
import { afterImportsIndex, findModuleBindings, type ModuleStyle } from '../shared/module-bindings';
import type { Runtime } from './runtime';

/** The two promise timers a rewrite awaits. */
export type PromiseTimer = 'setTimeout' | 'setImmediate';

/** Names for a local helper, when the file has none. */
const helperNames: Record<PromiseTimer, string> = { setTimeout: 'delay', setImmediate: 'immediate' };

interface Use {
  /** Identifiers made for calls; they get their final name in flush(). */
  callees: AnyNode[];
  /** A call passes a value through the timer, so a helper needs its `value` parameter. */
  needsValue: boolean;
}

/**
 * Hands out the callee for `await setTimeout(ms)` and `await setImmediate()`, and adds what
 * it needs once, after the file's imports: an import of `timers/promises` in the file's module
 * style, or a local helper on the global timer. A fresh import is named `setTimeout` only
 * when nothing else in the file still means the global one.
 */
export class TimerBindings {
  private readonly uses = new Map<PromiseTimer, Use>();
  private readonly existing = new Map<PromiseTimer, () => AnyNode>();
  /** Every callee handed out: until flush() names them, they read `setTimeout` like the global. */
  private readonly made = new WeakSet<AnyNode>();
  /** The name of a replaced delay helper: its calls keep reading as they did. */
  private preferred?: string;

  constructor(
    private readonly j: JSCodeshift,
    private readonly program: AnyNode,
    private readonly style: ModuleStyle,
    private readonly taken: Set<string>,
    private readonly runtime: Runtime,
    /** A delay helper the file already has (`function sleep(ms) { return new Promise(…) }`). */
    private readonly delayHelper: { name: string; passesValue: boolean } | undefined,
  ) {
    if (runtime.api !== 'timers-promises') return;
    for (const binding of findModuleBindings(program)) {
      if (binding.specifier !== 'timers/promises' && binding.specifier !== 'node:timers/promises') continue;
      for (const timer of ['setTimeout', 'setImmediate'] as const) {
        if (this.existing.has(timer)) continue;
        if (binding.imported === timer) this.existing.set(timer, () => j.identifier(binding.local));
        if (binding.imported === undefined) this.existing.set(timer, () => j.memberExpression(j.identifier(binding.local), j.identifier(timer)));
      }
    }
  }

  /** The expression to call; `needsValue` when the call passes a value through. */
  callee(timer: PromiseTimer, needsValue: boolean): AnyNode {
    const existing = this.existing.get(timer);
    if (existing) return existing();
    const helper = this.delayHelper;
    if (timer === 'setTimeout' && helper && (helper.passesValue || !needsValue) && this.runtime.api === 'helpers') return this.j.identifier(helper.name);
    const use = this.uses.get(timer) ?? { callees: [], needsValue: false };
    this.uses.set(timer, use);
    use.needsValue ||= needsValue;
    const callee = this.j.identifier(timer);
    use.callees.push(callee);
    this.made.add(callee);
    return callee;
  }

  /** Names the setTimeout import after a helper it replaces, so that the helper's calls stay as written. */
  preferName(name: string): void {
    this.preferred ??= name;
  }

  /** Is this callee one handed out here (a promise timer, not the global callback timer)? */
  isMadeHere(callee: AnyNode): boolean {
    return this.made.has(callee);
  }

  /** Names the callees and inserts the import or helpers; call once, after every rewrite. */
  flush(): void {
    if (this.uses.size === 0) return;
    const named = new Map<PromiseTimer, string>();
    for (const [timer, use] of this.uses) {
      const preferred = timer === 'setTimeout' ? this.preferred : undefined;
      const name = preferred && !this.isNameUsedElsewhere(preferred, use.callees)
        ? preferred
        : this.runtime.api === 'timers-promises' && !this.isNameUsedElsewhere(timer, use.callees)
          ? timer
          : uniqueName(helperNames[timer], this.taken);
      for (const callee of use.callees) callee.name = name;
      named.set(timer, name);
    }
    const declarations = this.runtime.api === 'timers-promises' ? [this.importOf(named)] : [...named].map(([timer, name]) => this.helperOf(timer, name));
    const index = this.insertIndex();
    const first = this.program.body[index];
    // A file's opening comment stays at the top, above what is added.
    if (index === 0 && first?.comments?.some((comment: AnyNode) => comment.leading)) {
      // Copies without locations: recast cannot place the originals on a node parsed elsewhere.
      const j = this.j;
      declarations[0].comments = first.comments
        .filter((comment: AnyNode) => comment.leading)
        .map((comment: AnyNode) => (comment.type === 'CommentBlock' ? j.commentBlock(comment.value, true, false) : j.commentLine(comment.value, true, false)));
      first.comments = first.comments.filter((comment: AnyNode) => !comment.leading);
    }
    this.program.body.splice(index, 0, ...declarations);
  }

  /**
   * After the imports, but a `require` declaration before the first statement that calls it:
   * a chain between two requires starts its wait at once, and a const is not set until its
   * line runs.
   */
  private insertIndex(): number {
    const index = afterImportsIndex(this.program);
    if (this.style.esm || this.runtime.api !== 'timers-promises') return index;
    const callees = new Set([...this.uses.values()].flatMap((use) => use.callees));
    const firstUse = this.program.body.findIndex((statement: AnyNode) => some(statement, (node) => callees.has(node)));
    return firstUse === -1 ? index : Math.min(index, firstUse);
  }

  /** Does the file use the name other than in the calls made here (the global, a local)? */
  private isNameUsedElsewhere(name: string, callees: AnyNode[]): boolean {
    const ours = new Set(callees);
    let found = false;
    walk(this.program, (node) => {
      if (node.type === 'Identifier' && node.name === name && !ours.has(node)) found = true;
      return !found;
    });
    return found;
  }

  private importOf(named: Map<PromiseTimer, string>): AnyNode {
    const j = this.j;
    const specifier = j.literal(this.style.nodePrefix ? 'node:timers/promises' : 'timers/promises');
    if (this.style.esm) {
      return j.importDeclaration([...named].map(([timer, local]) => j.importSpecifier(j.identifier(timer), j.identifier(local))), specifier);
    }
    // Parsed from text: recast prints patterns it builds itself one property a line.
    const text = [...named].map(([timer, local]) => (timer === local ? timer : `${timer}: ${local}`)).join(', ');
    const pattern = j.template.expression([`({ ${text} } = x)`]).left;
    return j.variableDeclaration('const', [j.variableDeclarator(pattern, j.callExpression(j.identifier('require'), [specifier]))]);
  }

  /** `function delay(ms[, value]) { return new Promise((resolve) => setTimeout(resolve, ms[, value])); }` */
  private helperOf(timer: PromiseTimer, name: string): AnyNode {
    const j = this.j;
    const value = this.uses.get(timer)!.needsValue;
    const params = [...(timer === 'setTimeout' ? ['ms'] : []), ...(value ? ['value'] : [])];
    const start = j.callExpression(j.identifier(timer), [j.identifier('resolve'), ...params.map((param) => j.identifier(param))]);
    const executor = j.arrowFunctionExpression([j.identifier('resolve')], start);
    const promise = j.newExpression(j.identifier('Promise'), [executor]);
    return j.functionDeclaration(j.identifier(name), params.map((param) => j.identifier(param)), j.blockStatement([j.returnStatement(promise)]));
  }
}
