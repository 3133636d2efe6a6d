import type { AnyNode } from './ast';

/**
 * A deep copy of a node that recast still prints as the original where it is unchanged:
 * recast finds the source text of a node through its non-enumerable `original` link, which a
 * plain copy would drop. Used to try a rewrite and throw it away when it cannot be proven.
 * `copiedFrom`, when given, maps each copy to the node it was copied from.
 */
export function cloneNode<T extends AnyNode>(node: T, copiedFrom?: WeakMap<AnyNode, AnyNode>): T {
  if (Array.isArray(node)) return node.map((item) => cloneNode(item, copiedFrom)) as unknown as T;
  if (typeof node !== 'object' || node === null) return node;
  const copy: AnyNode = {};
  for (const key of Object.keys(node)) {
    const value = (node as AnyNode)[key];
    // Locations and token lists are read, never changed: share them.
    copy[key] = key === 'loc' || key === 'tokens' ? value : cloneNode(value, copiedFrom);
  }
  copiedFrom?.set(copy, node);
  const original = (node as AnyNode).original;
  if (original !== undefined) {
    Object.defineProperty(copy, 'original', { value: original, configurable: true, enumerable: false, writable: true });
  }
  return copy;
}
