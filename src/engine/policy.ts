import { parseMinNodeMajor } from '../io/engines';
import { convertAndFlagRuleIds } from '../timing/rules';
import type { NodeRequirement, PolicyOptions } from '../types';

/** Async functions and await came with Node 7.6; awaitify counts 8, the first LTS line that has them. */
export const asyncAwaitRequirement: NodeRequirement = { major: 8, feature: 'async functions and await' };

/**
 * The rules whose refusals are lifted. By default every convert-and-flag rule converts (and is
 * reported where it applies); `strict` keeps only what the user allowed by name.
 */
export function resolveAllow(allow: readonly string[] = [], strict = false): string[] {
  return strict ? [...allow] : [...new Set([...allow, ...convertAndFlagRuleIds()])];
}

export class NodeVersionError extends Error {}

/** `--node-version 12`, `>=14.18`, `^16 || >=18`: the lowest major it allows. */
export function parseNodeVersion(range: string): number {
  const major = parseMinNodeMajor(range);
  if (major === undefined) throw new NodeVersionError(`Invalid Node version range "${range}" (expected a semver range such as 12 or >=14.18)`);
  return major;
}

/**
 * The oldest Node the output must run on, as a hard limit that refuses newer APIs and picks
 * older promise forms; undefined means "write today's forms and report the floor". An
 * explicit number (library) or `nodeVersion` wins; `strict` and `respectEngines` take
 * engines.node's minimum; by default engines.node only feeds the report.
 */
export function resolveTargetNode(options: PolicyOptions & { minNodeMajor?: number }, enginesMinMajor: number | undefined): number | undefined {
  if (options.minNodeMajor !== undefined) return options.minNodeMajor;
  if (options.nodeVersion !== undefined) return parseNodeVersion(options.nodeVersion);
  if (options.strict || options.respectEngines) return enginesMinMajor;
  return undefined;
}

/** The highest requirement; on a tie the first one said. */
export function highestRequirement(requirements: readonly NodeRequirement[]): NodeRequirement | undefined {
  let highest: NodeRequirement | undefined;
  for (const requirement of requirements) if (!highest || requirement.major > highest.major) highest = requirement;
  return highest;
}
