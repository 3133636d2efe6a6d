import { summarizeCallersLeft } from './callers-left';
import { sumScanTotals } from '../timing/scan';
import type { FileResult, Report, Summary } from '../types';
import { summarizeNodeFloor } from './node-floor';
import { summarizePublicChanges } from './public-changes';

export function summarize(files: readonly FileResult[]): Summary {
  const summary: Summary = {
    scanned: files.length,
    changed: 0,
    unchanged: 0,
    skipped: 0,
    failed: 0,
    findings: 0,
    findingsByRule: {},
    suppressed: 0,
  };
  for (const file of files) {
    if (file.status === 'changed') summary.changed += 1;
    else if (file.status === 'unchanged') summary.unchanged += 1;
    else if (file.status === 'skipped') summary.skipped += 1;
    else summary.failed += 1;
    summary.suppressed += file.suppressed?.length ?? 0;
    for (const finding of file.findings) {
      summary.findings += 1;
      summary.findingsByRule[finding.ruleId] = (summary.findingsByRule[finding.ruleId] ?? 0) + 1;
    }
  }
  const scan = sumScanTotals(files);
  if (scan) summary.scan = scan;
  const nodeFloor = summarizeNodeFloor(files);
  if (nodeFloor) summary.nodeFloor = nodeFloor;
  const publicChanges = summarizePublicChanges(files);
  if (publicChanges) summary.publicChanges = publicChanges;
  const callersLeft = summarizeCallersLeft(files);
  if (callersLeft) summary.callersLeft = callersLeft;
  return summary;
}

function comparePaths(a: FileResult, b: FileResult): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** A report over the given results, sorted by path so that output does not depend on timing. */
export function buildReport(files: readonly FileResult[], cwd: string): Report {
  const sorted = [...files].sort(comparePaths);
  return { files: sorted, summary: summarize(sorted), cwd };
}

/**
 * The report over new results for the same files (after writing, after formatting): what the run
 * itself added to the summary (project mode) stays.
 */
export function rebuildReport(report: Report, files: readonly FileResult[], cwd: string): Report {
  const rebuilt = buildReport(files, cwd);
  if (report.summary.project) rebuilt.summary.project = report.summary.project;
  if (report.notices) rebuilt.notices = [...report.notices];
  if (report.summary.packages) rebuilt.summary.packages = report.summary.packages;
  if (report.summary.crossFile) rebuilt.summary.crossFile = report.summary.crossFile;
  return rebuilt;
}
