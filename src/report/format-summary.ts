import type { Summary } from '../types';

/** Rule ids with their counts, by id: `[['timing/a', 2], ...]`. */
export function listFindingsByRule(summary: Summary): [string, number][] {
  return Object.entries(summary.findingsByRule).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
