import { callersLeftOf, describeApiCallersLeft, describeCallerLeft } from './callers-left';
import { describePublicChange } from './public-changes';
import { describeNodeFloor } from './node-floor';
import { codeFrameColumns } from '@babel/code-frame';
import type { CrossFileSummary, FileResult, Finding, Report } from '../types';
import { colorizeDiff, createFileDiff } from './diff';
import { describeFileError } from './file-error';
import { describeProjectTotals, describeTotals, listScanItems } from './format-scan';
import { describePackage } from './format-packages';
import { describeProjectMode } from './format-project';
import { listFindingsByRule, plural } from './format-summary';
import { createPalette, type Palette } from './palette';
import { wrapAfterPrefix } from './wrap';

export interface TextFormatOptions {
  color: boolean;
  /** Print the diff of each changed file first. */
  diffs: boolean;
  /** Wrap long messages to this many columns (a terminal's width); undefined: never. */
  width?: number;
}

/**
 * A code frame shows the spot where the diff does not: under every refusal, and under a
 * rewrite's warning or error when no diff is printed.
 */
function wantsFrame(finding: Finding, options: TextFormatOptions): boolean {
  return !finding.applied || (!options.diffs && finding.severity !== 'info');
}

function codeFrame(source: string, finding: Finding, palette: Palette): string[] {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const frame = codeFrameColumns(text, { start: { line: finding.line, column: finding.column } }, { highlightCode: false, linesAbove: 1, linesBelow: 1 });
  return frame.split('\n').map((line) => `    ${line.startsWith('>') ? palette.bold(line) : palette.dim(line)}`);
}

function paintSeverity(severity: Finding['severity'], text: string, palette: Palette): string {
  if (severity === 'error') return palette.red(text);
  if (severity === 'warning') return palette.yellow(text);
  return palette.cyan(text);
}

/** One line a finding, columns aligned within the file (padding before colour, which has no width). */
function formatFindings(file: FileResult, palette: Palette, options: TextFormatOptions): string[] {
  const findings = file.findings;
  // After --write the positions are those of the written file; where the spot was comes after.
  const locations = findings.map((finding) => `${finding.line}:${finding.column}${finding.before && (finding.before.line !== finding.line || finding.before.column !== finding.column) ? ` (was ${finding.before.line}:${finding.before.column})` : ''}`);
  const width = (texts: string[]) => Math.max(...texts.map((text) => text.length));
  const locationWidth = width(locations);
  const severityWidth = width(findings.map((finding) => finding.severity));
  const ruleWidth = width(findings.map((finding) => finding.ruleId));
  return findings.flatMap((finding, index) => {
    const severity = paintSeverity(finding.severity, finding.severity.padEnd(severityWidth), palette);
    const state = finding.applied ? '[rewritten]' : '[left as is]';
    const prefixWidth = 2 + locationWidth + 2 + severityWidth + 2 + ruleWidth + 2;
    const prefix = `  ${locations[index].padEnd(locationWidth)}  ${severity}  ${finding.ruleId.padEnd(ruleWidth)}  `;
    const lines = wrapAfterPrefix(prefix, prefixWidth, `${finding.message} ${state}`, options.width);
    lines[lines.length - 1] = lines[lines.length - 1].replace(/\[(rewritten|left as is)\]$/, (tag) => palette.dim(tag));
    const shown = file.written ? file.output : file.source;
    // Next to the API's own finding: the callers that still pass it a callback, and why.
    const callers = callersLeftOf(file, finding);
    if (callers) {
      const indent = ' '.repeat(prefixWidth);
      lines.push(...wrapAfterPrefix(indent, prefixWidth, `Callers left with a callback: ${callers.map((caller) => describeCallerLeft(caller, file.path)).join(', ')}.`, options.width));
    }
    return shown !== undefined && wantsFrame(finding, options) ? [...lines, ...codeFrame(shown, finding, palette)] : lines;
  });
}

function formatScanDetails(file: FileResult, palette: Palette): string[] {
  if (!file.scan || file.scan.totals.sites + file.scan.timerChains.length + file.scan.pyramids.length === 0) return [];
  return [`  ${palette.bold(describeTotals(file.scan.totals))}`, ...listScanItems(file).map((item) => `  ${item}`)];
}

function formatFileDetails(file: FileResult, palette: Palette, options: TextFormatOptions): string[] {
  const lines: string[] = [];
  if (file.status === 'error') lines.push(...wrapAfterPrefix(`${palette.red('error')} `, 6, describeFileError(file), options.width));
  if (file.status === 'skipped') {
    lines.push(...wrapAfterPrefix('skipped ', 8, `${file.path}: ${file.reason ?? 'left out'}`, options.width).map(palette.dim));
  }
  const scan = formatScanDetails(file, palette);
  if (file.findings.length > 0 || scan.length > 0) {
    lines.push(palette.bold(file.path), ...scan, ...formatFindings(file, palette, options));
  }
  return lines;
}

/** One rule: one line. More: a small table, counts aligned, so that the eye finds the big ones. */
function describeFindings(report: Report): string[] {
  const { summary } = report;
  const suppressed = summary.suppressed > 0 ? ` Suppressed by awaitify-ignore-next-line: ${summary.suppressed}.` : '';
  const byRule = listFindingsByRule(summary);
  if (byRule.length === 0) return [`Findings: none.${suppressed}`];
  if (byRule.length === 1) return [`Findings: ${summary.findings} (${byRule[0][0]} ${byRule[0][1]}).${suppressed}`];
  const ruleWidth = Math.max(...byRule.map(([ruleId]) => ruleId.length));
  const countWidth = String(summary.findings).length;
  return [
    `Findings: ${summary.findings}.${suppressed}`,
    ...byRule.map(([ruleId, count]) => `  ${ruleId.padEnd(ruleWidth)}  ${String(count).padStart(countWidth)}`),
  ];
}

/** Cross-file conversion: said only when calls awaited another file's functions, or a file fell back. */
function describeCrossFile(crossFile: CrossFileSummary): string[] {
  const lines: string[] = [];
  if (crossFile.calleesAwaited > 0) {
    lines.push(`Across files (package model): ${plural(crossFile.calleesAwaited, 'callee')} of other files awaited, ${crossFile.callsResolved} calls of other files' functions resolved.`);
  }
  for (const entry of crossFile.fellBack) lines.push(`Not awaited across files: the functions of ${entry.path}, which cannot be written (${entry.reason}); their callers keep their callbacks.`);
  return lines;
}

function formatSummaryLines(report: Report): string[] {
  const { summary } = report;
  const counts = `${summary.changed} changed, ${summary.unchanged} unchanged, ${summary.skipped} skipped, ${summary.failed} failed`;
  return [
    `Scanned ${plural(summary.scanned, 'file')}: ${counts}.`,
    ...(summary.scan ? describeProjectTotals(summary.scan) : []),
    ...(summary.project ? describeProjectMode(summary.project) : []),
    ...(summary.crossFile ? describeCrossFile(summary.crossFile) : []),
    ...(summary.nodeFloor ? [describeNodeFloor(summary.nodeFloor)] : []),
    ...(summary.publicChanges ? ['Public changes (exported callback APIs):', ...summary.publicChanges.map((change) => `  ${describePublicChange(change)}`)] : []),
    ...(summary.callersLeft ? ['Callers left with a callback (they keep working through the dual API):', ...summary.callersLeft.map((entry) => `  ${describeApiCallersLeft(entry)}`)] : []),
    ...describeFindings(report),
  ];
}

/** For people: diffs, then findings and problems per file, then the summary. */
export function formatText(report: Report, options: TextFormatOptions): string {
  const palette = createPalette(options.color);
  const diffs = options.diffs ? report.files.map(createFileDiff).filter(Boolean).map((diff) => colorizeDiff(diff, palette)) : [];
  const details = report.files.flatMap((file) => formatFileDetails(file, palette, options));
  const summary = formatSummaryLines(report).flatMap((line) => {
    const indent = /^ */.exec(line)![0];
    return wrapAfterPrefix(indent, indent.length, line.slice(indent.length), options.width);
  });
  const packages = (report.summary.packages ?? []).flatMap(describePackage);
  const blocks = [...diffs, details.join('\n'), packages.join('\n'), summary.join('\n')].filter(Boolean);
  return blocks.map((block) => (block.endsWith('\n') ? block : `${block}\n`)).join('\n');
}
