import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { run, RunOptionsError } from '../engine/run';
import { formatChangedWithPrettier } from '../io/format-with-prettier';
import { findChangedFiles, GitChangesError } from '../io/git-changes';
import { findUncommittedFiles } from '../io/git-status';
import { writeResults } from '../io/write-results';
import { runSource } from '../engine/run-source';
import { pointIntoWrittenFiles } from '../engine/written-positions';
import type { Report, RunOptions } from '../types';
import { ConfigError, findConfig, loadConfigFile, type FileConfig } from './config';
import { wrapWidth, type CliIo } from './io';
import { wrapAfterPrefix } from '../report/wrap';
import { chooseExitCode, emitReport, resultText } from './output';
import { defaultCacheLocation, parseArguments, type CliOptions, type ConfigurableOption } from './options';
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
      return usageError(io, error.message);
    }
    if (error instanceof GitChangesError) {
      return usageError(io, `--changed-since: ${error.message}`);
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
  take('strict', config.strict);
  take('nodeVersion', config.nodeVersion);
  take('respectEngines', config.respectEngines);
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
  if (options.stdin) return executeStdin(options, io);
  const only = options.changedSince === undefined ? undefined : await findChangedFiles(options.changedSince, io.cwd);

  const progress = createProgress(io);
  let report = await run({
    ...fileOptionsOf(options, io),
    paths: options.paths,
    extensions: options.extensions,
    ignore: options.ignore,
    only,
    analyze: options.command === 'scan',
    project: options.project,
    crossFile: options.crossFile,
    forWrite: options.write,
    errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
    onFile: progress.update,
    helpersPath: options.helpersPath,
    jobs: options.jobs,
    cache: options.cache ? cacheOf(options, io) : undefined,
  }).finally(() => progress.finish());

  if (options.prettier) report = await formatChangedWithPrettier(report);
  if (options.write) {
    const refusal = options.force ? undefined : await explainWriteRefusal(report, io.cwd);
    if (refusal) return usageError(io, refusal);
    report = pointIntoWrittenFiles(await writeResults(report));
  }
  await emitReport(report, options, io);
  return chooseExitCode(report, options);
}

/** --cache: the folder, and a line on stderr afterwards saying how much came from it. */
function cacheOf(options: CliOptions, io: CliIo): RunOptions['cache'] {
  const location = path.resolve(io.cwd, options.cacheLocation ?? defaultCacheLocation);
  return {
    location,
    onStats: (stats) => {
      const failed = stats.writeFailures > 0 ? `; ${stats.writeFailures} could not be stored` : '';
      io.stderr.write(`awaitify: cache: ${stats.hits} of ${stats.hits + stats.misses} results from ${path.relative(io.cwd, location) || '.'}${failed}\n`);
    },
  };
}

/** What every file is transformed with, from the command line: the same for paths and --stdin. */
function fileOptionsOf(options: CliOptions, io: CliIo) {
  return {
    cwd: io.cwd,
    transforms: options.transforms,
    parser: options.parser,
    allow: options.allow,
    strict: options.strict,
    nodeVersion: options.nodeVersion,
    respectEngines: options.respectEngines,
    api: options.api,
    target: options.target,
    maxFileSize: options.maxFileSize,
    skipMinified: options.skipMinified,
  };
}

/**
 * --stdin: the result on stdout (the source as it was when nothing changed or the file was
 * skipped; nothing when it failed), the report on stderr.
 */
async function executeStdin(options: CliOptions, io: CliIo): Promise<number> {
  if (!io.readStdin) return usageError(io, '--stdin: no standard input here');
  const text = await io.readStdin();
  let report = await runSource(text, { ...fileOptionsOf(options, io), path: options.stdinFilename ?? 'stdin.js' });
  if (options.prettier) report = await formatChangedWithPrettier(report);
  const [file] = report.files;
  if (file.status !== 'error') io.stdout.write(resultText(file));
  await emitReport(report, options, io);
  return chooseExitCode(report, options);
}

function usageError(io: CliIo, message: string): number {
  // On a terminal each long line wraps to its width, under a short indent.
  const columns = wrapWidth(io.stderr);
  const width = columns === undefined ? undefined : columns - 2;
  const lines = `awaitify: ${message}`.split('\n').flatMap((line) => wrapAfterPrefix('', 0, line, width).map((part, index) => (index === 0 ? part : `  ${part}`)));
  io.stderr.write(`${lines.join('\n')}\n`);
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
