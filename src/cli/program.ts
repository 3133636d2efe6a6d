import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { run, RunOptionsError } from '../engine/run';
import { formatChangedWithPrettier } from '../io/format-with-prettier';
import { findChangedFiles, GitChangesError } from '../io/git-changes';
import { findUncommittedFiles } from '../io/git-status';
import { writeResults } from '../io/write-results';
import { describeFileError } from '../report/file-error';
import { formatReport, type ReportFormat } from '../report/format';
import { plural } from '../report/format-summary';
import type { Report, Severity } from '../types';
import { ConfigError, findConfig, loadConfigFile, type FileConfig } from './config';
import { shouldUseColor, type CliIo } from './io';
import { parseArguments, type CliOptions, type ConfigurableOption } from './options';
import { createProgress } from './progress';

export type { CliIo } from './io';

/** `awaitify [paths...]` and `awaitify scan [paths...]`: returns the exit code; only bin/ sets it on the process. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(argv, io);
  if ('exitCode' in parsed) return parsed.exitCode;
  try {
    return await execute(await applyConfig(parsed.options, io.cwd), io);
  } catch (error) {
    if (error instanceof RunOptionsError || error instanceof ConfigError) {
      io.stderr.write(`awaitify: ${error.message}\n`);
      return 2;
    }
    if (error instanceof GitChangesError) {
      io.stderr.write(`awaitify: --changed-since: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`awaitify: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

/** The config file's settings, except those the command line gave. */
async function applyConfig(options: CliOptions, cwd: string): Promise<CliOptions> {
  const loaded = options.config !== undefined ? await loadConfigFile(options.config, cwd) : await findConfig(cwd);
  if (!loaded) return options;
  const merged: CliOptions = { ...options };
  const take = <K extends ConfigurableOption>(key: K, value: FileConfig[K] | undefined) => {
    if (value !== undefined && !options.given.has(key)) (merged as Record<K, unknown>)[key] = value;
  };
  const config = loaded.config;
  take('transforms', config.transforms);
  take('ignore', config.ignore);
  take('allow', config.allow);
  take('extensions', config.extensions);
  take('parser', config.parser);
  take('api', config.api);
  take('target', config.target);
  take('failOn', config.failOn);
  take('project', config.project);
  return merged;
}

async function execute(options: CliOptions, io: CliIo): Promise<number> {
  const reportFileProblem = await checkReportFile(options.reportFile, io.cwd);
  if (reportFileProblem) return usageError(io, reportFileProblem);
  const only = options.changedSince === undefined ? undefined : await findChangedFiles(options.changedSince, io.cwd);

  const progress = createProgress(io);
  let report = await run({
    paths: options.paths,
    cwd: io.cwd,
    transforms: options.transforms,
    parser: options.parser,
    extensions: options.extensions,
    ignore: options.ignore,
    allow: options.allow,
    api: options.api,
    target: options.target,
    only,
    analyze: options.command === 'scan',
    project: options.project,
    onFile: progress.update,
  }).finally(() => progress.finish());

  if (options.prettier) report = await formatChangedWithPrettier(report);
  if (options.write) {
    const refusal = options.force ? undefined : await explainWriteRefusal(report, io.cwd);
    if (refusal) return usageError(io, refusal);
    report = await writeResults(report);
  }
  await emitReport(report, options, io);
  return chooseExitCode(report, options);
}

function usageError(io: CliIo, message: string): number {
  io.stderr.write(`awaitify: ${message}\n`);
  return 2;
}

/** Found before the run, so that a typo does not cost a whole run. */
async function checkReportFile(reportFile: string | undefined, cwd: string): Promise<string | undefined> {
  if (reportFile === undefined) return undefined;
  const directory = path.dirname(path.resolve(cwd, reportFile));
  const stat = await fs.stat(directory).catch(() => undefined);
  return stat?.isDirectory() ? undefined : `--report-file ${reportFile}: directory ${directory} does not exist`;
}

/** --write must not mix its changes into uncommitted work: git could not tell them apart. */
async function explainWriteRefusal(report: Report, cwd: string): Promise<string | undefined> {
  const targets = report.files.filter((file) => file.status === 'changed').map((file) => path.resolve(cwd, file.path));
  const { dirty, unknown } = await findUncommittedFiles(targets);
  if (dirty.length === 0 && unknown.length === 0) return undefined;
  const list = (files: string[]) => files.map((file) => `  ${path.relative(cwd, file) || file}`).join('\n');
  const parts = [];
  if (dirty.length > 0) parts.push(`these files have uncommitted changes:\n${list(dirty)}`);
  if (unknown.length > 0) parts.push(`git could not tell whether these files have uncommitted changes:\n${list(unknown)}`);
  return `--write refused, nothing was written; ${parts.join('\n')}\nCommit or stash them first, or pass --force.`;
}

function formatFromFileName(file: string): ReportFormat {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.sarif') return 'sarif';
  if (extension === '.json') return file.toLowerCase().endsWith('.sarif.json') ? 'sarif' : 'json';
  if (extension === '.md' || extension === '.markdown') return 'markdown';
  return 'text';
}

/**
 * stdout gets the chosen format, or the text report when the chosen one goes to a file.
 * Diffs are shown for a dry run; after --write git shows them.
 */
async function emitReport(report: Report, options: CliOptions, io: CliIo): Promise<void> {
  const format = options.report ?? (options.reportFile ? formatFromFileName(options.reportFile) : 'text');
  // A scan rewrites nothing, so it shows no diffs.
  const diffs = !options.write && options.command === 'run';
  const markdownDiffs = options.command === 'run';
  if (options.reportFile !== undefined) {
    await fs.writeFile(path.resolve(io.cwd, options.reportFile), formatReport(report, format, { diffs, markdownDiffs }));
  }
  const stdoutFormat = options.reportFile === undefined ? format : 'text';
  io.stdout.write(formatReport(report, stdoutFormat, { color: shouldUseColor(options.color, io), diffs, markdownDiffs }));
  // JSON or markdown on stdout is for a program; a person still sees the problems on stderr.
  if (stdoutFormat !== 'text') {
    for (const file of report.files) if (file.status === 'error') io.stderr.write(`awaitify: ${describeFileError(file)}\n`);
  }
  for (const notice of report.notices ?? []) io.stderr.write(`awaitify: ${notice}\n`);
  io.stderr.write(describeOutcome(report, options));
}

function describeOutcome(report: Report, options: CliOptions): string {
  const changed = report.summary.changed;
  const failing = options.failOn === undefined ? [] : findingsAtOrAbove(report, options.failOn);
  const failNote = failing.length > 0 ? `--fail-on ${options.failOn}: ${failing.length} finding${failing.length === 1 ? '' : 's'} of that severity or above.\n` : '';
  if (options.command === 'scan') return failNote;
  if (changed === 0 || options.check) return failNote;
  if (options.write) return `Wrote ${plural(changed, 'file')}.\n${failNote}`;
  return `Dry run: nothing was written; --write would change ${plural(changed, 'file')}.\n${failNote}`;
}

const severityRank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function findingsAtOrAbove(report: Report, threshold: Severity) {
  return report.files.flatMap((file) => file.findings).filter((finding) => severityRank[finding.severity] >= severityRank[threshold]);
}

function chooseExitCode(report: Report, options: CliOptions): number {
  if (report.summary.failed > 0) return 1;
  if (options.check && report.summary.changed > 0) return 1;
  if (options.failOn !== undefined && findingsAtOrAbove(report, options.failOn).length > 0) return 1;
  return 0;
}
