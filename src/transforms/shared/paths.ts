import type { ASTPath } from 'jscodeshift';
import { childNodes, walk, type AnyNode } from './ast';

/**
 * Paths (with parents and scopes) to every node below `rootPath` that passes the test, in
 * source order. A plain walk finds the nodes first; paths are then built only along the way
 * down to them, which costs far less than a path-building traversal of the whole tree.
 */
export function findPaths(rootPath: ASTPath<AnyNode>, test: (node: AnyNode) => boolean): ASTPath<AnyNode>[] {
  const parents = new Map<AnyNode, AnyNode | null>();
  const wanted: AnyNode[] = [];
  walk(rootPath.value, (node, parent) => {
    parents.set(node, parent);
    if (test(node)) wanted.push(node);
  });
  if (wanted.length === 0) return [];
  const onTheWay = new Set<AnyNode>();
  for (const node of wanted) {
    for (let current = node; current && !onTheWay.has(current); current = parents.get(current)) onTheWay.add(current);
  }
  const found: ASTPath<AnyNode>[] = [];
  const wantedSet = new Set(wanted);
  const descend = (path: ASTPath<AnyNode>): void => {
    if (wantedSet.has(path.value)) found.push(path);
    const node = path.value;
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (Array.isArray(value)) {
        value.forEach((item, index) => {
          if (onTheWay.has(item)) descend(path.get(key, index));
        });
      } else if (onTheWay.has(value) && childNodes(node).includes(value)) {
        descend(path.get(key));
      }
    }
  };
  descend(rootPath);
  return found;
}
