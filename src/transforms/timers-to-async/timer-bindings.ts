import type { JSCodeshift } from 'jscodeshift';
import { uniqueName, walk, type AnyNode } from '../shared/ast';
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

  constructor(
    private readonly j: JSCodeshift,
    private readonly program: AnyNode,
    private readonly style: ModuleStyle,
    private readonly taken: Set<string>,
    private readonly runtime: Runtime,
    /** A delay helper the file already has (`ms => new Promise(r => setTimeout(r, ms))`). */
    private readonly delayHelper: string | undefined,
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
    if (timer === 'setTimeout' && this.delayHelper && !needsValue && this.runtime.api === 'helpers') return this.j.identifier(this.delayHelper);
    const use = this.uses.get(timer) ?? { callees: [], needsValue: false };
    this.uses.set(timer, use);
    use.needsValue ||= needsValue;
    const callee = this.j.identifier(timer);
    use.callees.push(callee);
    return callee;
  }

  /** Names the callees and inserts the import or helpers; call once, after every rewrite. */
  flush(): void {
    if (this.uses.size === 0) return;
    const named = new Map<PromiseTimer, string>();
    for (const [timer, use] of this.uses) {
      const name = this.runtime.api === 'timers-promises' && !this.isNameUsedElsewhere(timer, use.callees)
        ? timer
        : uniqueName(helperNames[timer], this.taken);
      for (const callee of use.callees) callee.name = name;
      named.set(timer, name);
    }
    const declarations = this.runtime.api === 'timers-promises' ? [this.importOf(named)] : [...named].map(([timer, name]) => this.helperOf(timer, name));
    this.program.body.splice(afterImportsIndex(this.program), 0, ...declarations);
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
    const properties = [...named].map(([timer, local]) => {
      const property = j.objectProperty(j.identifier(timer), j.identifier(local));
      property.shorthand = timer === local;
      return property;
    });
    return j.variableDeclaration('const', [j.variableDeclarator(j.objectPattern(properties), j.callExpression(j.identifier('require'), [specifier]))]);
  }

  /** `function delay(ms[, value]) { return new Promise((resolve) => setTimeout(resolve, ms[, value])); }` */
  private helperOf(timer: PromiseTimer, name: string): AnyNode {
    const value = this.uses.get(timer)!.needsValue;
    const params = [...(timer === 'setTimeout' ? ['ms'] : []), ...(value ? ['value'] : [])];
    const text = `function ${name}(${params.join(', ')}) {\n  return new Promise((resolve) => ${timer}(resolve${params.map((param) => `, ${param}`).join('')}));\n}`;
    return this.j.template.statement([text]);
  }
}
