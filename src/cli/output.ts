import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describeFileError } from '../report/file-error';
import { formatReport, type ReportFormat } from '../report/format';
import { plural } from '../report/format-summary';
import type { FileResult, Report, Severity } from '../types';
import { shouldUseColor, wrapWidth, type CliIo, type CliStream } from './io';
import type { CliOptions } from './options';

function formatFromFileName(file: string): ReportFormat {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.sarif') return 'sarif';
  if (extension === '.json') return file.toLowerCase().endsWith('.sarif.json') ? 'sarif' : 'json';
  if (extension === '.md' || extension === '.markdown') return 'markdown';
  return 'text';
}

/** --print and --stdin keep stdout for source text: the report goes to stderr then. */
function reportStreamOf(options: CliOptions, io: CliIo): CliStream {
  return options.print || options.stdin ? io.stderr : io.stdout;
}

/**
 * The report stream gets the chosen format, or the text report when the chosen one goes to a
 * file. Diffs are shown for a dry run; after --write git shows them, and --print shows the files.
 */
export async function emitReport(report: Report, options: CliOptions, io: CliIo): Promise<void> {
  const format = options.report ?? (options.reportFile ? formatFromFileName(options.reportFile) : 'text');
  // A scan rewrites nothing, so it shows no diffs.
  const diffs = !options.write && !options.print && !options.stdin && options.command === 'run';
  const markdownDiffs = options.command === 'run';
  if (options.reportFile !== undefined) {
    await fs.writeFile(path.resolve(io.cwd, options.reportFile), formatReport(report, format, { diffs, markdownDiffs }));
  }
  if (options.print) io.stdout.write(formatPrintedFiles(report));
  const stream = reportStreamOf(options, io);
  const streamFormat = options.reportFile === undefined ? format : 'text';
  const color = shouldUseColor(options.color, io, stream);
  stream.write(formatReport(report, streamFormat, { color, diffs, markdownDiffs, width: wrapWidth(stream) }));
  // JSON or markdown on stdout is for a program; a person still sees the problems on stderr.
  if (streamFormat !== 'text' && stream === io.stdout) {
    for (const file of report.files) if (file.status === 'error') io.stderr.write(`awaitify: ${describeFileError(file)}\n`);
  }
  for (const notice of report.notices ?? []) io.stderr.write(`awaitify: ${notice}\n`);
  io.stderr.write(describeOutcome(report, options));
}

/**
 * --print: one file's text (changed or not) when the run had one file to process; otherwise each
 * changed file after a `==> path <==` line, as head and tail show several files.
 */
export function formatPrintedFiles(report: Report): string {
  const processed = report.files.filter((file) => file.status === 'changed' || file.status === 'unchanged');
  if (processed.length === 1 && report.files.length === 1) return resultText(processed[0]);
  const changed = processed.filter((file) => file.status === 'changed');
  return changed.map((file) => `==> ${file.path} <==\n${withFinalNewline(resultText(file))}`).join('\n');
}

/** The text a file has after the run: the rewrite, or the source as it was. */
export function resultText(file: FileResult): string {
  return file.output ?? file.source ?? '';
}

function withFinalNewline(text: string): string {
  return text.endsWith('\n') || text === '' ? text : `${text}\n`;
}

function describeOutcome(report: Report, options: CliOptions): string {
  const changed = report.files.filter((file) => file.status === 'changed');
  const failing = options.failOn === undefined ? [] : findingsAtOrAbove(report, options.failOn);
  const failNote = failing.length > 0 ? `--fail-on ${options.failOn}: ${plural(failing.length, 'finding')} of that severity or above.\n` : '';
  if (options.command === 'scan' || options.stdin) return failNote;
  if (options.check) {
    if (changed.length === 0) return failNote;
    const list = changed.map((file) => `  ${file.path}\n`).join('');
    return `--check: ${plural(changed.length, 'file')} would change:\n${list}Run awaitify --write to change ${changed.length === 1 ? 'it' : 'them'}.\n${failNote}`;
  }
  if (changed.length === 0) return failNote;
  if (options.write) return `Wrote ${plural(changed.length, 'file')}.\n${failNote}`;
  return `Dry run: nothing was written; --write would change ${plural(changed.length, 'file')}.\n${failNote}`;
}

const severityRank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function findingsAtOrAbove(report: Report, threshold: Severity) {
  return report.files.flatMap((file) => file.findings).filter((finding) => severityRank[finding.severity] >= severityRank[threshold]);
}

export function chooseExitCode(report: Report, options: CliOptions): number {
  if (report.summary.failed > 0) return 1;
  if (options.check && report.summary.changed > 0) return 1;
  if (options.failOn !== undefined && findingsAtOrAbove(report, options.failOn).length > 0) return 1;
  return 0;
}
