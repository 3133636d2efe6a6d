import { transformSource } from '../../src/engine/transform-source';
import { convertAndFlagRuleIds } from '../../src/timing/rules';
import type { FileResult, Finding } from '../../src/types';
import { compareTraces, describeComparison, flaggedSpans, tracedRun, type FlagSpan, type TraceComparison } from '../execution/flagged-difference';
import { runScript, type RunOutcome } from '../execution/harness';

/**
 * The oracle for one generated program: run the original twice in real node (runs that differ
 * mark the program unstable: counted, discarded); rewrite it with the default options; rewrite
 * the output again (it must not change); run the output and compare the traces under the
 * flagged-difference rule. A difference is run once more before it counts, so a machine too
 * loaded to keep a program's timers apart is counted as unstable, not as a failure.
 *
 * Under `strict` (awaitify's --strict: only proven conversions) nothing converts and flags: the
 * rewrite runs with --strict, an applied finding of a convert-and-flag rule fails, and the traces
 * must be exactly equal.
 */

export type Verdict =
  | { kind: 'unchanged'; findings: Finding[] }
  | { kind: 'passed'; findings: Finding[]; flagged: boolean }
  | { kind: 'unstable'; findings: Finding[]; detail: string }
  | { kind: 'failed'; findings: Finding[]; reason: FailureReason; detail: string; output?: string };

export type FailureReason = 'crash' | 'unparsable-output' | 'not-idempotent' | 'unexcused-difference' | 'flagged-under-strict';

/** Runs a script in the sandbox; the oracle's only side effect, swappable for a limiter. */
export type Runner = (source: string) => Promise<RunOutcome>;

export const plainRunner: Runner = (source) => runScript(source, { ext: 'js' });

/** Rewrites like the default run of `awaitify` (or `awaitify --strict`); a thrown error is a crash of awaitify. */
export function rewrite(source: string, strict = false): FileResult | { crash: string } {
  try {
    return transformSource(source, { path: 'fixture.js', strict });
  } catch (error) {
    return { crash: (error as Error).stack ?? String(error) };
  }
}

function compare(before: RunOutcome, after: RunOutcome, spans: readonly FlagSpan[]): { comparison: TraceComparison; detail: string } {
  const comparison = compareTraces(tracedRun(before), tracedRun(after), spans);
  return { comparison, detail: describeComparison(tracedRun(before), tracedRun(after), comparison) };
}

/**
 * Judges `source`. `output` replaces awaitify's output (the mutation self-check hands in a
 * wrong rewrite); the findings still come from awaitify's run.
 */
export async function judge(source: string, run: Runner = plainRunner, outputOverride?: (output: string) => string, strict = false): Promise<Verdict> {
  const result = rewrite(source, strict);
  if ('crash' in result) return { kind: 'failed', findings: [], reason: 'crash', detail: result.crash };
  const findings = result.findings;
  if (result.status === 'error') {
    const message = result.error?.message ?? 'unknown error';
    return { kind: 'failed', findings, reason: message.includes('does not parse') ? 'unparsable-output' : 'crash', detail: message };
  }
  if (result.status !== 'changed' || result.output === undefined) return { kind: 'unchanged', findings };
  const output = outputOverride ? outputOverride(result.output) : result.output;
  const flaggedUnderStrict = strict ? findings.filter((finding) => finding.applied && convertAndFlagRuleIds().includes(finding.ruleId)) : [];
  if (flaggedUnderStrict.length > 0) {
    const listed = flaggedUnderStrict.map((finding) => `${finding.ruleId} at line ${finding.line}`).join('\n');
    return { kind: 'failed', findings, reason: 'flagged-under-strict', detail: `--strict converted and flagged:\n${listed}`, output };
  }
  // Under --strict no difference is excused.
  const excusing = strict ? [] : findings;

  const again = rewrite(result.output, strict);
  if ('crash' in again) return { kind: 'failed', findings, reason: 'crash', detail: `on the second run: ${again.crash}`, output };
  if (again.status === 'changed') {
    return { kind: 'failed', findings, reason: 'not-idempotent', detail: `a second run changes the output again:\n${again.output}`, output };
  }

  return judgeRuns(() => run(source), () => run(output), flaggedSpans(excusing), findings, output);
}

/**
 * The runs of a rewrite that was made: the original twice (runs that differ: unstable), the
 * output once, compared under the flagged-difference rule with `spans` excusing; a difference
 * is run once more before it counts.
 */
export async function judgeRuns(
  runSource: () => Promise<RunOutcome>,
  runOutput: () => Promise<RunOutcome>,
  spans: readonly FlagSpan[],
  findings: Finding[],
  output: string,
): Promise<Verdict> {
  const [first, second, after] = await Promise.all([runSource(), runSource(), runOutput()]);
  const stability = compare(first, second, []);
  if (!stability.comparison.passes) return { kind: 'unstable', findings, detail: stability.detail };
  const verdict = compare(first, after, spans);
  if (verdict.comparison.passes) return { kind: 'passed', findings, flagged: verdict.comparison.excused.length > 0 };

  const [third, afterAgain] = await Promise.all([runSource(), runOutput()]);
  const recheck = compare(third, afterAgain, spans);
  if (recheck.comparison.passes) return { kind: 'unstable', findings, detail: `a difference that did not repeat:\n${verdict.detail}` };
  return { kind: 'failed', findings, reason: 'unexcused-difference', detail: verdict.detail, output };
}
