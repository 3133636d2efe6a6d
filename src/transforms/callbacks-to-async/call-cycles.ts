/**
 * Callback functions that call one another in a cycle (lockfile's `lock`, which polls through
 * `notStale`, which locks again): each waits for the others in the callees-first fixed point,
 * so none is ever tried with the others converted. Their cycles are tried as one group
 * (FileConversion.tryConvertCycle). `calls(a)` lists the items `a` calls; returns each set of
 * two or more items that reach each other, members in their given order, groups in the order of
 * their first member. A plain reachability walk: the items of one file are few.
 */
export function callCycles<T>(items: readonly T[], calls: (item: T) => readonly T[]): T[][] {
  const reach = new Map<T, Set<T>>();
  for (const item of items) {
    const seen = new Set<T>();
    const work = [...calls(item)];
    while (work.length > 0) {
      const next = work.pop()!;
      if (seen.has(next) || !items.includes(next)) continue;
      seen.add(next);
      work.push(...calls(next));
    }
    reach.set(item, seen);
  }
  const grouped = new Set<T>();
  const groups: T[][] = [];
  for (const item of items) {
    if (grouped.has(item)) continue;
    const group = items.filter((other) => other === item || (reach.get(item)!.has(other) && reach.get(other)!.has(item)));
    if (group.length < 2) continue;
    for (const member of group) grouped.add(member);
    groups.push(group);
  }
  return groups;
}
