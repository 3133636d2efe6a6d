import type { Report } from '../types';
import { createFileDiff } from './diff';
import { describeFileError, formatLocation } from './file-error';
import { listFindingsByRule } from './format-summary';

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

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

function summarySection(report: Report): string[] {
  const s = report.summary;
  const lines = ['## Summary', '', ...table(['Scanned', 'Changed', 'Unchanged', 'Skipped', 'Failed', 'Findings'], [
    [s.scanned, s.changed, s.unchanged, s.skipped, s.failed, s.findings].map(String),
  ])];
  const byRule = listFindingsByRule(s);
  if (byRule.length > 0) lines.push('', ...table(['Rule', 'Findings'], byRule.map(([ruleId, count]) => [code(ruleId), String(count)])));
  return lines;
}

function findingsSection(report: Report): string[] {
  const rows = report.files.flatMap((file) =>
    file.findings.map((f) => [
      code(formatLocation(file.path, f.line, f.column)),
      code(f.ruleId),
      f.severity,
      f.applied ? 'rewritten' : 'left as is',
      cell(f.message),
    ]),
  );
  if (rows.length === 0) return [];
  return ['## Findings', '', ...table(['Location', 'Rule', 'Severity', 'Action', 'Message'], rows)];
}

function problemsSection(report: Report): string[] {
  const failed = report.files.filter((file) => file.status === 'error').map((file) => `- ${cell(describeFileError(file))}`);
  const skipped = report.files.filter((file) => file.status === 'skipped').map((file) => `- ${code(file.path)} skipped: ${cell(file.reason ?? 'left out')}`);
  if (failed.length + skipped.length === 0) return [];
  return ['## Not processed', '', ...failed, ...skipped];
}

function changesSection(report: Report): string[] {
  const blocks = report.files.flatMap((file) => {
    const diff = createFileDiff(file);
    if (!diff) return [];
    const fence = '`'.repeat(Math.max(3, longestBacktickRun(diff) + 1));
    const body = diff.endsWith('\n') ? diff : `${diff}\n`;
    return [`<details>\n<summary><code>${escapeHtml(file.path)}</code></summary>\n\n${fence}diff\n${body}${fence}\n\n</details>`];
  });
  if (blocks.length === 0) return [];
  return ['## Changes', '', blocks.join('\n\n')];
}

/** For pull requests and issues: summary table, findings table, one folded diff per file. */
export function formatMarkdown(report: Report): string {
  const sections = [['# awaitify report'], summarySection(report), findingsSection(report), problemsSection(report), changesSection(report)];
  return `${sections.filter((section) => section.length > 0).map((section) => section.join('\n')).join('\n\n')}\n`;
}
