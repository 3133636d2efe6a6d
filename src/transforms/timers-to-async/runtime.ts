import { isBuiltin } from 'node:module';
import type { Target } from '../../types';
import { isIdentifierNamed, isReferenceIdentifier, requireSpecifier, some, type AnyNode } from '../shared/ast';

/**
 * What the awaited timers are built on:
 * - `timers-promises`: `setTimeout`/`setImmediate` from `timers/promises` (Node 16 and later);
 * - `helpers`: small local functions on the global timers (browsers, and Node before 16).
 */
export type TimerApi = 'timers-promises' | 'helpers';

export interface Runtime {
  node: boolean;
  api: TimerApi;
}

/** timers/promises is stable from Node 16 (experimental in 15). */
export const timersPromisesSince = 16;

function isNodeSpecifier(specifier: string): boolean {
  return specifier.startsWith('node:') || isBuiltin(specifier);
}

/** Names that only Node code uses: `setImmediate` and `.unref()` exist in no browser. */
const nodeNames = new Set(['require', 'process', 'setImmediate']);

/**
 * Does the file show it runs in Node: `require`, `process`, an import of a core module, or
 * Node-only timer API (`setImmediate`, `.unref()`)?
 */
export function looksLikeNode(program: AnyNode): boolean {
  return some(program, (node, parent) => {
    if (node.type === 'ImportDeclaration') return isNodeSpecifier(String(node.source.value));
    if (requireSpecifier(node) !== undefined) return isNodeSpecifier(requireSpecifier(node)!);
    if (isIdentifierNamed(node, 'unref') && parent?.type === 'MemberExpression' && parent.property === node) return true;
    return node.type === 'Identifier' && nodeNames.has(node.name) && isReferenceIdentifier(node, parent);
  });
}

export function detectRuntime(program: AnyNode, target: Target, minNodeMajor: number | undefined): Runtime {
  const node = target === 'node' || (target === 'auto' && looksLikeNode(program));
  const modern = minNodeMajor === undefined || minNodeMajor >= timersPromisesSince;
  return { node, api: node && modern ? 'timers-promises' : 'helpers' };
}
