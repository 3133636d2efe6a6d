import type { PackageResolver } from './resolve';
import type { CallbackApiSummary, ConversionGroup, ModuleFacts } from './types';

/**
 * Conversion groups: an API that hands its callback to another API of the package (or runs a
 * function using it inside one) must await it once both are async, so the two convert together;
 * the files of their callers change with them. Connected components of "depends on", as data.
 */

class UnionFind {
  private readonly parent = new Map<string, string>();

  find(item: string): string {
    let root = item;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    // Path compression keeps later finds short.
    for (let node = item; node !== root; ) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  union(a: string, b: string): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent.set(rootB < rootA ? rootA : rootB, rootB < rootA ? rootB : rootA);
  }
}

export function findConversionGroups(apis: readonly CallbackApiSummary[], modules: Readonly<Record<string, ModuleFacts>>, resolver: PackageResolver): ConversionGroup[] {
  const apiIds = new Set(apis.map((api) => api.id));
  const sets = new UnionFind();
  for (const api of apis) {
    for (const handoff of api.handedOn) if (handoff.callee.kind === 'package' && apiIds.has(handoff.callee.id)) sets.union(api.id, handoff.callee.id);
  }
  const calls: Array<{ file: string; callee: string }> = [];
  for (const [file, facts] of Object.entries(modules)) {
    const apisOfFile = facts.functions.filter((fn) => apiIds.has(fn.id));
    for (const call of facts.callbackCalls) {
      const callee = resolver.resolveCallee(file, call.ref);
      if (callee.kind !== 'package' || !apiIds.has(callee.id)) continue;
      calls.push({ file, callee: callee.id });
      // A call from inside another API (an inline function that uses its own callback) ties the two.
      const caller = apisOfFile.find((fn) => fn.line <= call.line && call.line <= fn.endLine);
      if (caller && caller.id !== callee.id) sets.union(caller.id, callee.id);
    }
  }
  const groups = new Map<string, ConversionGroup>();
  for (const api of apis) {
    const root = sets.find(api.id);
    const group = groups.get(root) ?? { apis: [], files: [], callSites: 0 };
    group.apis.push(api.id);
    if (!group.files.includes(api.file)) group.files.push(api.file);
    groups.set(root, group);
  }
  for (const call of calls) {
    const group = groups.get(sets.find(call.callee))!;
    group.callSites += 1;
    if (!group.files.includes(call.file)) group.files.push(call.file);
  }
  return [...groups.values()]
    .map((group) => ({ apis: group.apis.sort(), files: group.files.sort(), callSites: group.callSites }))
    .sort((a, b) => (a.apis[0] < b.apis[0] ? -1 : 1));
}
