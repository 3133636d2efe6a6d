import { diffArrays } from 'diff';
import { convertAndFlagRuleIds } from '../../src/timing/rules';
import type { Finding } from '../../src/types';
import { describeExit, type RunOutcome } from './harness';
import { formatTraceLine, type TraceLine } from './trace';

/**
 * The rule for a flagged difference, the one definition the execution harness and the fuzzer
 * use. The traces before and after a rewrite (every printed line with the source line of the
 * statement that printed it) are compared by an LCS diff on stream and text. A line the diff
 * removes and one it adds with the same stream and text are the same line, moved; a moved line
 * passes only if the statement that printed it in the original lies within [line, endLine] of a
 * finding that was applied under a rule that converts and flags. Everything else that differs
 * fails: a line that is missing or extra (content differs), a line no statement printed (Node's
 * report of an uncaught error), the exit, the files left in the sandbox, a trace that could not
 * be merged. With no rule that converts and flags, this is exact comparison.
 */

export interface TracedRun {
  /** The merged stream (harness RunOutcome.merged); undefined when the order of the streams is unknown. */
  trace: TraceLine[] | undefined;
  /** The files left in the sandbox (harness RunOutcome.files). */
  files: string[];
  /** How the run ended, e.g. `exit code 0`, `killed: timed out`. */
  exit: string;
}

/** The parts of a harness run the rule reads. */
export function tracedRun(run: RunOutcome): TracedRun {
  return { trace: run.merged, files: run.files, exit: describeExit(run) };
}

export interface FlagSpan {
  ruleId: string;
  line: number;
  endLine: number;
}

export interface TraceComparison {
  /** True when nothing differs, or every difference is excused. */
  passes: boolean;
  /** Lines that moved within a flagged span: the flagged differences. */
  excused: TraceLine[];
  /** One readable entry per difference that fails. */
  failures: string[];
}

/** Spans of the applied findings whose rule converts and flags. */
export function flaggedSpans(findings: readonly Finding[], flagging: readonly string[] = convertAndFlagRuleIds()): FlagSpan[] {
  const ids = new Set(flagging);
  return findings
    .filter((finding) => finding.applied && ids.has(finding.ruleId))
    .map(({ ruleId, line, endLine }) => ({ ruleId, line, endLine }));
}

const keyOf = (line: TraceLine) => `${line.stream}\u0000${line.text}`;

export function compareTraces(before: TracedRun, after: TracedRun, spans: readonly FlagSpan[]): TraceComparison {
  const failures: string[] = [];
  const excused: TraceLine[] = [];
  if (before.exit !== after.exit) failures.push(`exit differs: before: ${before.exit}; after: ${after.exit}`);

  if (!before.trace || !after.trace) {
    failures.push('the merged stream of stdout and stderr is unknown (something wrote to the file descriptors directly)');
    return { passes: false, excused, failures };
  }
  const removed: TraceLine[] = [];
  const added: TraceLine[] = [];
  let beforeIndex = 0;
  let afterIndex = 0;
  for (const change of diffArrays(before.trace.map(keyOf), after.trace.map(keyOf))) {
    const count = change.value.length;
    if (change.removed) removed.push(...before.trace.slice(beforeIndex, (beforeIndex += count)));
    else if (change.added) added.push(...after.trace.slice(afterIndex, (afterIndex += count)));
    else {
      beforeIndex += count;
      afterIndex += count;
    }
  }

  const unmatchedAdded = new Map<string, TraceLine[]>();
  for (const line of added) unmatchedAdded.set(keyOf(line), [...(unmatchedAdded.get(keyOf(line)) ?? []), line]);
  for (const line of removed) {
    const partner = unmatchedAdded.get(keyOf(line))?.shift();
    if (!partner) {
      failures.push(`missing after the rewrite: ${formatTraceLine(line, true)}`);
    } else if (line.line !== null && spans.some((span) => line.line! >= span.line && line.line! <= span.endLine)) {
      excused.push(line);
    } else {
      failures.push(`moved outside any flagged span: ${formatTraceLine(line, true)} (now ${formatTraceLine(partner, true)})`);
    }
  }
  for (const lines of unmatchedAdded.values()) for (const line of lines) failures.push(`extra after the rewrite: ${formatTraceLine(line, true)}`);

  if (before.files.join('\n') !== after.files.join('\n')) {
    failures.push(`files left in the sandbox differ:\n${before.files.map((l) => `  - ${l}`).join('\n')}\n${after.files.map((l) => `  + ${l}`).join('\n')}`);
  }
  return { passes: failures.length === 0, excused, failures };
}

/** A readable account of both traces and what fails, for failure messages and saved cases. */
export function describeComparison(before: TracedRun, after: TracedRun, comparison: TraceComparison): string {
  const show = (run: TracedRun) =>
    [`  ${run.exit}`, ...(run.trace ?? []).map((line) => `  | ${formatTraceLine(line, true)}`)].join('\n');
  return [`before:\n${show(before)}`, `after:\n${show(after)}`, ...comparison.failures].join('\n');
}
