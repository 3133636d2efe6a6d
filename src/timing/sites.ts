import type { Finding, Site, SiteKind } from '../types';

/**
 * The analysis API behind `awaitify scan`: which spots a run converted and which it refused,
 * from the transforms' own findings (never from a second pattern matcher).
 *
 * A transform says it outright by setting `site` on the one finding that stands for a spot
 * (FindingInput.site). Until a transform does, the spot is inferred from what the run did:
 * - every refusal (`applied: false`) is a spot left for a person;
 * - a conversion finding (one of `conversionRules`, applied) is a converted spot when the
 *   node it names is no longer in the rewritten tree: the rewrite replaced it. A conversion
 *   finding whose node is still there describes an effect on code left in place (a call of a
 *   converted function that still passes a callback), not a spot that was rewritten.
 */

/** The rules a transform reports once per converted spot. */
export const conversionRules: ReadonlySet<string> = new Set([
  'timing/callback-moved-to-microtask',
  'timing/interval-to-loop',
  'timing/delay-helper-replaced',
  'timing/chain-to-await',
  'timing/promise-wrapper-replaced',
]);

/**
 * Messages of a conversion rule that explain a spot already counted, never a spot of their own:
 * why an async IIFE stayed inside its function (callbacks-to-async iife-roots.ts).
 */
export const conversionNotes: ReadonlySet<string> = new Set(['iifeNotAtTail', 'iifeHostKind', 'iifeThrowBefore', 'iifeNamesClash', 'iifeValueUsed']);

/** A finding with the node the transform named, kept by the engine while analysing. */
export interface ReportedFinding {
  finding: Finding;
  node: unknown;
  site?: SiteKind;
}

const functionTypes = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod']);

function nodeType(node: unknown): string | undefined {
  return typeof node === 'object' && node !== null ? (node as { type?: string }).type : undefined;
}

function inferKind(reported: ReportedFinding): SiteKind {
  if (reported.finding.transform === 'timers-to-async') return 'timer';
  const type = nodeType(reported.node);
  if (type === 'CallExpression' || type === 'NewExpression') return 'callback-call';
  // A function, or a statement inside one that its refusal points at.
  return type !== undefined && (functionTypes.has(type) || !type.endsWith('Expression')) ? 'callback-function' : 'callback-call';
}

function toSite(finding: Finding, kind: SiteKind): Site {
  const { line, column, endLine, endColumn, transform, ruleId, message, applied } = finding;
  return { kind, line, column, endLine, endColumn, transform, ruleId, message, converted: applied };
}

/**
 * The spots of one file. `isInTree` says whether a node is still in the rewritten tree.
 * Sorted by position; one spot per transform, rule and position.
 */
export function findSites(reported: readonly ReportedFinding[], isInTree: (node: unknown) => boolean): Site[] {
  const explicit = new Set(reported.filter((item) => item.site !== undefined).map((item) => item.finding.transform));
  const sites = new Map<string, Site>();
  for (const item of reported) {
    const { finding } = item;
    let kind: SiteKind | undefined;
    if (explicit.has(finding.transform)) kind = item.site;
    else if (!finding.applied) kind = inferKind(item);
    else if (conversionRules.has(finding.ruleId) && !conversionNotes.has(finding.messageId ?? '') && !isInTree(item.node)) kind = inferKind(item);
    if (kind === undefined) continue;
    const site = toSite(finding, kind);
    sites.set(`${site.transform}\0${site.ruleId}\0${site.line}:${site.column}\0${site.converted}`, site);
  }
  return [...sites.values()].sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}
