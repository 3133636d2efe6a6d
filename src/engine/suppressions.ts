import type { Finding } from '../types';

/**
 * Inline control over findings, one comment line at a time:
 *
 *   // awaitify-ignore-next-line timing/throw-becomes-rejection -- the crash was a bug anyway
 *   // awaitify-ignore-next-line
 *
 * With rule ids (space- or comma-separated), findings of those rules that start on the next
 * line are silenced: the rewrite still happens, the finding is not reported but counted in
 * summary.suppressed. Without rule ids the spot on the next line is skipped: every finding
 * there is silenced, and a rewrite may not start there. Transforms that read
 * TransformOptions.skipLines leave such a spot alone and convert the rest of the file; for any
 * that do not, the engine falls back to leaving the whole file as it was (see
 * applySuppressions). Text after ` -- ` is a reason for readers and is ignored.
 */
export interface Suppression {
  /** The line of the comment (1-based). */
  line: number;
  /** The line it covers. */
  target: number;
  /** Rule ids it silences; empty: the whole spot is skipped. */
  ruleIds: string[];
}

const directive = /^\s*(?:\/\/|\/\*+)\s*awaitify-ignore-next-line\b(.*)$/;

/** The comment must be alone on its line, so that code or strings never count. */
export function findSuppressions(source: string): Suppression[] {
  const found: Suppression[] = [];
  if (!source.includes('awaitify-ignore-next-line')) return found;
  source.split(/\r\n|\n|\r/).forEach((text, index) => {
    const match = directive.exec(text);
    if (!match) return;
    const rest = match[1].replace(/\*+\/\s*$/, '').split(/\s--\s|\s--$/)[0];
    const ruleIds = rest.split(/[\s,]+/).filter(Boolean);
    found.push({ line: index + 1, target: index + 2, ruleIds });
  });
  return found;
}

/** Lines whose whole spot is skipped (comments without rule ids). */
export function findSkipLines(suppressions: readonly Suppression[]): Set<number> {
  return new Set(suppressions.filter((suppression) => suppression.ruleIds.length === 0).map((suppression) => suppression.target));
}

function silences(suppression: Suppression, finding: Finding): boolean {
  return suppression.target === finding.line && (suppression.ruleIds.length === 0 || suppression.ruleIds.includes(finding.ruleId));
}

export interface SuppressionOutcome {
  findings: Finding[];
  suppressed: Finding[];
  /**
   * Set when a rewrite started on a line whose spot is to be skipped: the file must be left
   * as it was. Says where, for the report.
   */
  fallback?: string;
}

/** Splits a file's findings into those reported and those silenced. */
export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[]): SuppressionOutcome {
  if (suppressions.length === 0) return { findings: [...findings], suppressed: [] };
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    if (suppressions.some((suppression) => silences(suppression, finding))) suppressed.push(finding);
    else kept.push(finding);
  }
  const skipped = findSkipLines(suppressions);
  const rewritten = suppressed.find((finding) => finding.applied && skipped.has(finding.line));
  if (!rewritten) return { findings: kept, suppressed };
  const fallback =
    `line ${rewritten.line - 1} says awaitify-ignore-next-line, but the rewrite would change the spot below it ` +
    `(${rewritten.ruleId}), so the file was left as it was`;
  // Nothing was applied after all: only the refusals stay true, and what the comment skipped.
  return {
    findings: kept.filter((finding) => !finding.applied),
    suppressed: suppressed.filter((finding) => !finding.applied || skipped.has(finding.line)),
    fallback,
  };
}
