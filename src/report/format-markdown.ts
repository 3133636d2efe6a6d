import { callersLeftOf, describeApiCallersLeft, describeCallerLeft } from './callers-left';
import { describePublicChange } from './public-changes';
import type { FileResult, Report } from '../types';
import { createFileDiff } from './diff';
import { describeFileError, formatLocation } from './file-error';
import { describeNestingOutcome } from './format-scan';
import { describePackage } from './format-packages';
import { describeProjectMode } from './format-project';
import { describeNodeFloor } from './node-floor';
import { listFindingsByRule, plural } from './format-summary';

/** GitHub refuses comments longer than this many characters. */
export const githubCommentLimit = 65_536;

export interface MarkdownFormatOptions {
  /** Each changed file's diff, folded (on by default; off for `scan`). */
  diffs?: boolean;
  /** The longest the text may be; what does not fit is cut, with a note that says so. */
  maxLength?: number;
}

/** Table cells: no pipes or line breaks of their own. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  const ticks = '`'.repeat(longestBacktickRun(text) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}

function tableHead(header: string[]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
}

function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(header: string[], rows: string[][]): string[] {
  return [...tableHead(header), ...rows.map(tableRow)];
}

/** Text that grows only while it stays under its budget. */
class Budget {
  private readonly parts: string[] = [];
  private used = 0;

  constructor(private readonly limit: number) {}

  get left(): number {
    return this.limit - this.used;
  }

  /** Adds the text when it fits (plus `reserve` for what must still come); says whether it did. */
  tryAdd(text: string, reserve = 0): boolean {
    if (this.used + text.length + reserve > this.limit) return false;
    this.parts.push(text);
    this.used += text.length;
    return true;
  }

  toString(): string {
    return this.parts.join('');
  }
}

function summarySection(report: Report): string[] {
  const s = report.summary;
  const lines = ['## Summary', '', ...table(['Scanned', 'Changed', 'Unchanged', 'Skipped', 'Failed', 'Findings', 'Suppressed'], [
    [s.scanned, s.changed, s.unchanged, s.skipped, s.failed, s.findings, s.suppressed].map(String),
  ])];
  const byRule = listFindingsByRule(s);
  if (byRule.length > 0) lines.push('', ...table(['Rule', 'Findings'], byRule.map(([ruleId, count]) => [code(ruleId), String(count)])));
  if (s.project) lines.push('', ...describeProjectMode(s.project).map(escapeHtml));
  if (s.nodeFloor) lines.push('', escapeHtml(describeNodeFloor(s.nodeFloor)));
  return lines;
}

/** A section a maintainer pastes into the changelog: the exported APIs whose contract changed, and the Node floor. */
function publicChangesSection(report: Report): string[] {
  const changes = report.summary.publicChanges ?? [];
  if (changes.length === 0) return [];
  const floor = report.summary.nodeFloor;
  return [
    '## Public changes',
    '',
    ...changes.map((change) => `- ${escapeHtml(describePublicChange(change))}`),
    ...(floor ? [`- Requires Node >= ${floor.major} (${escapeHtml(floor.feature)}).`] : []),
  ];
}

/** Each converted API that keeps callers passing a callback, with each caller and why. */
function callersLeftSection(report: Report): string[] {
  const entries = report.summary.callersLeft ?? [];
  if (entries.length === 0) return [];
  return ['## Callers left with a callback', '', 'They keep working through the dual API.', '', ...entries.map((entry) => `- ${escapeHtml(describeApiCallersLeft(entry))}`)];
}

/** The package model's callback APIs, in words, as far as the comment has room. */
function addPackages(out: Budget, report: Report, reserve: number): void {
  const packages = report.summary.packages ?? [];
  if (packages.length === 0) return;
  out.tryAdd('### Callback APIs by package\n\n', reserve);
  for (const pkg of packages) {
    const [heading, ...rest] = describePackage(pkg);
    if (!out.tryAdd(`${escapeHtml(heading)}\n\n`, reserve)) return;
    for (const line of rest) {
      const depth = line.startsWith('    ') ? '  ' : '';
      if (!out.tryAdd(`${depth}- ${escapeHtml(line.trim())}\n`, reserve)) return;
    }
    out.tryAdd('\n');
  }
}

function scanSection(report: Report): string[] {
  const totals = report.summary.scan;
  if (!totals) return [];
  return [
    '## Callback code',
    '',
    ...table(['', 'Spots', 'Lines'], [
      ['All callback code', String(totals.sites), String(totals.callbackLines)],
      ['Converts automatically', String(totals.converted), String(totals.convertedLines)],
      ['Needs a person', String(totals.needsPerson), String(totals.needsPersonLines)],
    ]),
    '',
    `${plural(totals.filesWithCallbacks, 'file')} with callback code; a rewrite would change ${plural(totals.filesToChange, 'file')}. ` +
      `Pyramids: ${totals.pyramids}${totals.pyramids > 0 ? ` (deepest ${totals.deepestPyramid})` : ''}, timer chains: ${totals.timerChains}, ` +
      `callbacks called synchronously on some path: ${totals.syncCallbacks}, callbacks that can be called twice: ${totals.multipleCalls}.`,
  ];
}

function scanFileRows(file: FileResult): string[][] {
  const scan = file.scan;
  if (!scan || scan.totals.sites === 0) return [];
  const t = scan.totals;
  return [[code(file.path), String(t.sites), String(t.converted), String(t.needsPerson), String(t.pyramids), String(t.deepestPyramid), String(t.timerChains)]];
}

function nestingRows(file: FileResult): string[][] {
  const scan = file.scan;
  if (!scan) return [];
  const row = (kind: string, nesting: (typeof scan.pyramids)[number]) => [
    code(formatLocation(file.path, nesting.line, nesting.column)),
    kind,
    nesting.recursive ? 'reschedules itself' : String(nesting.depth),
    cell(describeNestingOutcome(nesting)),
  ];
  return [...scan.pyramids.map((nesting) => row('pyramid', nesting)), ...scan.timerChains.map((nesting) => row('timer chain', nesting))];
}

function findingRows(report: Report): string[][] {
  return report.files.flatMap((file) =>
    file.findings.map((f) => {
      const callers = callersLeftOf(file, f);
      const left = callers ? ` Callers left with a callback: ${callers.map((caller) => describeCallerLeft(caller, file.path)).join(', ')}.` : '';
      return [code(formatLocation(file.path, f.line, f.column)), code(f.ruleId), f.severity, f.applied ? 'rewritten' : 'left as is', cell(`${f.message}${left}`)];
    }),
  );
}

function problemLines(report: Report): string[] {
  const failed = report.files.filter((file) => file.status === 'error').map((file) => `- ${cell(describeFileError(file))}`);
  const skipped = report.files.filter((file) => file.status === 'skipped').map((file) => `- ${code(file.path)} skipped: ${cell(file.reason ?? 'left out')}`);
  return [...failed, ...skipped];
}

function fenceFor(text: string): string {
  return '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
}

function detailsBlock(path: string, diff: string, note = ''): string {
  const fence = fenceFor(diff);
  const body = diff.endsWith('\n') ? diff : `${diff}\n`;
  return `<details>\n<summary><code>${escapeHtml(path)}</code></summary>\n\n${fence}diff\n${body}${fence}\n${note ? `\n${note}\n` : ''}\n</details>\n\n`;
}

/** Whole lines of the diff that fit in `room` characters of block. */
function cutDiff(path: string, diff: string, room: number): string | undefined {
  const lines = diff.split('\n');
  const note = (shown: number) => `_Diff cut after ${shown} of ${lines.length} lines to fit the comment._`;
  let low = 0;
  let high = lines.length;
  // The longest prefix whose block fits: the block grows with the prefix.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (detailsBlock(path, lines.slice(0, middle).join('\n'), note(middle)).length <= room) low = middle;
    else high = middle - 1;
  }
  return low >= 3 ? detailsBlock(path, lines.slice(0, low).join('\n'), note(low)) : undefined;
}

/** Adds table rows while they fit, then a line saying how many were left out. */
function addTable(out: Budget, title: string, header: string[], rows: string[][], what: string, reserve: number): void {
  if (rows.length === 0) return;
  const omittedNote = (count: number) => `\n_${plural(count, what)} not shown, to keep the comment under GitHub's limit; the JSON and SARIF reports have them all._\n\n`;
  const head = `${title}\n\n${tableHead(header).join('\n')}\n`;
  if (!out.tryAdd(head, reserve + omittedNote(rows.length).length)) {
    out.tryAdd(`${title}\n${omittedNote(rows.length)}`, reserve);
    return;
  }
  let shown = 0;
  for (const row of rows) {
    if (!out.tryAdd(`${tableRow(row)}\n`, reserve + omittedNote(rows.length - shown - 1).length)) break;
    shown++;
  }
  out.tryAdd(shown < rows.length ? omittedNote(rows.length - shown) : '\n');
}

/**
 * For pull requests: summary, findings table, one folded diff per changed file (unchanged
 * files are not mentioned). Kept under `maxLength` (GitHub's comment limit by default): rows
 * and diffs that do not fit are left out with a note, and every fence and `<details>` that is
 * opened is closed.
 */
export function formatMarkdown(report: Report, options: MarkdownFormatOptions = {}): string {
  const out = new Budget((options.maxLength ?? githubCommentLimit) - 1);
  const withDiffs = options.diffs ?? true;
  const diffs = withDiffs ? report.files.map((file) => ({ path: file.path, diff: createFileDiff(file) })).filter((entry) => entry.diff) : [];
  // Room kept for the closing note of each later section.
  const reserve = 400;

  out.tryAdd(`# awaitify ${report.summary.scan ? 'scan' : 'report'}\n\n${summarySection(report).join('\n')}\n\n`);
  const publicChanges = publicChangesSection(report);
  if (publicChanges.length > 0) out.tryAdd(`${publicChanges.join('\n')}\n\n`, reserve);
  const callersLeft = callersLeftSection(report);
  if (callersLeft.length > 0) out.tryAdd(`${callersLeft.join('\n')}\n\n`, reserve);
  const scan = scanSection(report);
  if (scan.length > 0) out.tryAdd(`${scan.join('\n')}\n\n`, reserve);
  addTable(out, '### Callback code by file', ['File', 'Spots', 'Convert', 'Need a person', 'Pyramids', 'Deepest', 'Timer chains'], report.files.flatMap(scanFileRows), 'file', reserve * 3);
  addPackages(out, report, reserve * 2);
  addTable(out, '### Pyramids and timer chains', ['Location', 'Kind', 'Depth', 'What the transforms do'], report.files.flatMap(nestingRows), 'pyramid or chain', reserve * 2);
  addTable(out, '## Findings', ['Location', 'Rule', 'Severity', 'Action', 'Message'], findingRows(report), 'finding', reserve);

  const problems = problemLines(report);
  if (problems.length > 0) {
    out.tryAdd('## Not processed\n\n', reserve);
    let shown = 0;
    for (const line of problems) {
      if (!out.tryAdd(`${line}\n`, reserve)) break;
      shown++;
    }
    out.tryAdd(shown < problems.length ? `- … and ${problems.length - shown} more\n\n` : '\n');
  }

  if (diffs.length > 0) {
    out.tryAdd('## Changes\n\n', reserve);
    let shown = 0;
    for (const { path, diff } of diffs) {
      const block = detailsBlock(path, diff);
      const noteRoom = 200 + diffs.slice(shown + 1).reduce((sum, entry) => sum + entry.path.length + 4, 0);
      const fits = out.tryAdd(block, Math.min(noteRoom, reserve));
      if (!fits) {
        const cut = cutDiff(path, diff, out.left - reserve);
        if (!cut || !out.tryAdd(cut, reserve)) break;
      }
      shown++;
    }
    if (shown < diffs.length) {
      const names = diffs.slice(shown).map((entry) => code(entry.path));
      let note = `_${plural(diffs.length - shown, 'more changed file')} not shown, to keep the comment under GitHub's limit: `;
      let listed = 0;
      for (const name of names) {
        if (note.length + name.length + 60 > out.left) break;
        note += `${listed > 0 ? ', ' : ''}${name}`;
        listed++;
      }
      out.tryAdd(`${note}${listed < names.length ? `${listed > 0 ? ', ' : ''}…` : ''}._\n`);
    }
  }
  return `${out.toString().replace(/\n+$/, '')}\n`;
}
