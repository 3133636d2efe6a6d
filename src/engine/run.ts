import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { collectFiles, type CollectedFiles } from '../io/collect-files';
import { createEnginesLookup, type EnginesLookup, type EnginesNode } from '../io/engines';
import { createMemberExportsLookup, type MemberExportsLookup } from './member-exports';
import { createPackageFactsLookup, moduleAliasesOf, type PackageFacts, type PackageFactsLookup } from '../io/package-facts';
import { createDependencySummaries, summariesFor, type DependencySummaries } from './dependency-summaries';
import { defaultFileLimits, explainMinified, explainTooBig, type FileLimits } from '../io/file-limits';
import { NodeVersionError, parseNodeVersion, resolveTargetNode } from './policy';
import { toReportPath } from '../io/paths';
import { readSourceFile } from '../io/read-file';
import { buildPackageModels, toPosix } from '../analysis/package-model';
import { createPackageRootFinder, maxModelFileBytes, packageRootFor } from '../analysis/package-files';
import type { PackageModel } from '../analysis/types';
import { explainWriteProblem } from '../io/atomic-write';
import { toPackageReport } from '../analysis/package-report';
import { buildReport } from '../report/build-report';
import { convertProject } from '../project/convert-project';
import { ProjectConfigError } from '../project/config';
import { getRule, listRules } from '../timing/rules';
import { getTransform, transforms } from '../transforms';
import type { FileResult, Report, RunOptions, TransformSourceOptions } from '../types';
import { defaultExtensions } from './parse';
import { transformSafely } from './transform-safely';
import { helperModuleOf, helperModuleResults, type HelperModule } from './helper-module';
import { convertWithPackageModel, type CrossFileInput } from './cross-file';
import { createFileTransformer, type FileTransformer } from './file-transformer';
import { workersFor } from './transform-pool';

export { transformSafely };

/** Options that cannot work (unknown transform, missing path, ...): nothing was processed. */
export class RunOptionsError extends Error {
  override name = 'RunOptionsError';
}

const choices = {
  parser: ['auto', 'babel', 'flow', 'ts', 'tsx'],
  api: ['dual', 'promise'],
  target: ['auto', 'node', 'browser'],
} as const;

function checkChoice(name: keyof typeof choices, value: string | undefined): void {
  const allowed: readonly string[] = choices[name];
  if (value !== undefined && !allowed.includes(value)) {
    throw new RunOptionsError(`Invalid ${name} "${value}" (expected one of: ${allowed.join(', ')})`);
  }
}

function checkIds(ids: string[] | undefined, isKnown: (id: string) => boolean, kind: string, known: string[]): void {
  const unknown = (ids ?? []).filter((id) => !isKnown(id));
  if (unknown.length > 0) {
    const names = unknown.map((id) => `"${id}"`).join(', ');
    throw new RunOptionsError(`Unknown ${kind} ${names} (known: ${known.join(', ')})`);
  }
}

/** '.JS', 'js' -> '.js'. */
export function normalizeExtensions(extensions: string[]): string[] {
  const normalized = extensions.map((extension) => extension.trim().toLowerCase()).map((e) => (e.startsWith('.') ? e : `.${e}`));
  const bad = normalized.filter((extension) => !/^\.[a-z0-9][a-z0-9._-]*$/.test(extension));
  if (normalized.length === 0 || bad.length > 0) {
    throw new RunOptionsError(`Invalid extensions "${extensions.join(',')}" (expected a list like .js,.ts)`);
  }
  return normalized;
}

/** Everything wrong with the options at once would be nicer, but the first problem is clear. */
export function checkRunOptions(options: RunOptions): void {
  checkIds(options.transforms, (id) => getTransform(id) !== undefined, 'transform', transforms.map((t) => t.meta.id));
  checkIds(options.allow, (id) => getRule(id) !== undefined, 'rule id', listRules().map((rule) => rule.id));
  checkChoice('parser', options.parser);
  checkChoice('api', options.api);
  checkChoice('target', options.target);
  if (options.nodeVersion !== undefined) {
    try {
      parseNodeVersion(options.nodeVersion);
    } catch (error) {
      if (error instanceof NodeVersionError) throw new RunOptionsError(error.message);
      throw error;
    }
  }
}

function notProcessed(collected: CollectedFiles, cwd: string): FileResult[] {
  const skipped = collected.skipped.map(
    (entry): FileResult => ({ path: toReportPath(cwd, entry.path), status: 'skipped', findings: [], reason: entry.reason }),
  );
  const unreadable = collected.unreadable.map((entry): FileResult => {
    const reportPath = toReportPath(cwd, entry.path);
    return { path: reportPath, status: 'error', findings: [], error: { message: `${reportPath}: ${entry.message}` } };
  });
  return [...skipped, ...unreadable];
}

/** A file's result, and what it was transformed with (project mode transforms it again). */
interface Processed {
  result: FileResult;
  sourceOptions?: TransformSourceOptions;
  /** The package helper module the file imports its helpers from. */
  helperModule?: HelperModule;
}

export function fileLimitsOf(options: RunOptions): FileLimits {
  return {
    maxFileSize: options.maxFileSize ?? defaultFileLimits.maxFileSize,
    skipMinified: options.skipMinified ?? defaultFileLimits.skipMinified,
  };
}

/** A file left out before parsing; its text is not kept, so that it costs no memory. */
function skippedResult(path: string, reason: string): FileResult {
  return { path, status: 'skipped', findings: [], reason };
}

/** A file read and ready for the transforms, or its result already (skipped, unreadable). */
type Prepared = Processed | { text: string; sourceOptions: TransformSourceOptions; helperModule?: HelperModule; engines?: EnginesNode };

/** A file's size, and its text or why it could not be read; no text for a file too big to read. */
interface FileRead {
  size: number;
  read?: Awaited<ReturnType<typeof readSourceFile>>;
}

async function readFileEarly(absolutePath: string, options: RunOptions, cwd: string): Promise<FileRead> {
  const size = (await fs.stat(absolutePath).catch(() => undefined))?.size ?? 0;
  if (explainTooBig(size, fileLimitsOf(options))) return { size };
  return { size, read: await readSourceFile(absolutePath, toReportPath(cwd, absolutePath)) };
}

/**
 * How many files ahead of the one being prepared are read: while this thread transforms a file
 * (`--jobs 1`, or its share beside the workers) the disk answers for the next ones, where each
 * stat and read in turn would leave it waiting.
 */
const readAheadFiles = 8;

/** Works out a file's options (package facts, dependency summaries) once it is read: the main thread's share of a file. */
async function prepareFile(
  absolutePath: string,
  early: Promise<FileRead>,
  options: RunOptions,
  cwd: string,
  lookupEngines: EnginesLookup,
  lookupFacts: PackageFactsLookup,
  summarise: DependencySummaries,
  lookupMemberExports: MemberExportsLookup,
): Promise<Prepared> {
  const reportPath = toReportPath(cwd, absolutePath);
  const limits = fileLimitsOf(options);
  const { size, read: readEarly } = await early;
  const tooBig = explainTooBig(size, limits);
  if (tooBig) return { result: skippedResult(reportPath, tooBig) };
  const read = readEarly!;
  if ('error' in read) return { result: { path: reportPath, status: 'error', findings: [], error: read.error } };
  const minified = explainMinified(read.text, limits);
  if (minified) return { result: skippedResult(reportPath, minified) };
  const engines = await lookupEngines(path.dirname(absolutePath));
  const facts = await lookupFacts(path.dirname(absolutePath));
  const sourceSummaries = facts && (await summariesFor(read.text, facts, summarise));
  const helperModule = helperModuleOf(absolutePath, options.helpersPath);
  const memberAliases = facts && (await lookupMemberExports(absolutePath, read.text));
  const baseOptions = sourceOptionsOf(options, reportPath, engines, facts && { ...facts, moduleAliases: moduleAliasesOf(absolutePath, read.text, facts.reExports), memberAliases, sourceSummaries });
  const sourceOptions = { ...baseOptions, ...(helperModule && { helperModule: helperModule.specifier }) };
  return { text: read.text, sourceOptions, helperModule, engines };
}

/**
 * Every file through the transforms: read and prepared in this thread one after the other, each
 * handed to the transformer (worker threads, the cache) as soon as it is ready, the results
 * taken in the files' order whatever order they finish in.
 */
async function processFiles(files: string[], options: RunOptions, cwd: string, transformer: FileTransformer, onResult: (result: FileResult) => void): Promise<Processed[]> {
  const lookupEngines = createEnginesLookup();
  const lookupFacts = createPackageFactsLookup(files);
  const summarise = createDependencySummaries();
  const lookupMemberExports = createMemberExportsLookup();
  const factsOf = factsTargets(options, cwd);
  const done: Array<Processed | undefined> = [];
  const pending: Promise<Processed>[] = [];
  const processed: Processed[] = [];
  // Results are handed on in the files' order as soon as every file before them is done (progress).
  const handOn = () => {
    while (processed.length < done.length && done[processed.length]) {
      processed.push(done[processed.length]!);
      onResult(processed[processed.length - 1].result);
    }
  };
  const reads: Array<Promise<FileRead>> = [];
  for (const [index, file] of files.entries()) {
    for (let ahead = reads.length; ahead < Math.min(files.length, index + 1 + readAheadFiles); ahead++) {
      reads.push(readFileEarly(files[ahead], options, cwd));
      reads[ahead].catch(() => undefined);
    }
    const early = reads[index];
    delete reads[index]; // the text lives on in the file's result, not here
    const prepared = await prepareFile(file, early, options, cwd, lookupEngines, lookupFacts, summarise, lookupMemberExports);
    let entry: Promise<Processed>;
    if ('result' in prepared) {
      entry = Promise.resolve(prepared);
    } else {
      const { text, sourceOptions, helperModule, engines } = prepared;
      entry = transformer.transform(text, sourceOptions, await factsOf(file, text)).then((result) => ({ result: withEngines(result, engines), sourceOptions, helperModule }));
    }
    done.push(undefined);
    // A rejection (a worker died) is thrown below, when its turn comes.
    pending.push(entry.then((value) => (done[index] = value)));
    pending[index].catch(() => undefined);
    handOn();
  }
  for (const entry of pending) await entry;
  handOn();
  return processed;
}

/**
 * Where a file's facts go in the package model (its absolute path, its path in its package), when
 * the run builds the model: the worker that transforms the file reads them too, from the same text.
 */
function factsTargets(options: RunOptions, cwd: string): (file: string, text: string) => Promise<{ file: string; relative: string } | undefined> {
  if (!options.analyze && options.crossFile === false) return async () => undefined;
  const findRoot = createPackageRootFinder();
  return async (file, text) => {
    if (Buffer.byteLength(text) > maxModelFileBytes) return undefined;
    const root = await packageRootFor(file, cwd, findRoot);
    return { file: path.resolve(file), relative: toPosix(path.relative(root, path.resolve(file))) };
  };
}

/** What one file is transformed with: the run's options, the policy's Node target from its engines.node. */
export function sourceOptionsOf(
  options: Omit<RunOptions, 'paths'>,
  reportPath: string,
  engines: EnginesNode | undefined,
  facts?: PackageFacts & { moduleAliases?: Record<string, string>; memberAliases?: TransformSourceOptions['memberAliases']; sourceSummaries?: TransformSourceOptions['sourceSummaries'] },
): TransformSourceOptions {
  return {
    path: reportPath,
    transforms: options.transforms,
    parser: options.parser,
    allow: options.allow,
    strict: options.strict,
    api: options.api,
    target: options.target,
    minNodeMajor: resolveTargetNode(options, engines?.minMajor),
    analyze: options.analyze,
    ...(options.firstPass === false && { firstPass: false }),
    dependencies: facts?.dependencies,
    gracefulFs: facts?.gracefulFs,
    moduleAliases: facts?.moduleAliases,
    ...(facts?.memberAliases && { memberAliases: facts.memberAliases }),
    sourceSummaries: facts?.sourceSummaries,
  };
}

/** The result with its package's engines.node, for the report's Node floor. */
export function withEngines(result: FileResult, engines: EnginesNode | undefined): FileResult {
  return engines ? { ...result, enginesNode: engines.range } : result;
}

/** A typo or an empty directory must not pass as "nothing to change": exit 2 says so. */
function checkEveryPathMatched(collected: CollectedFiles): void {
  const problems = [
    ...(collected.missing.length > 0 ? [`No such file or directory: ${collected.missing.join(', ')}`] : []),
    ...collected.unmatched.map((entry) => `Nothing to process: ${entry.reason}`),
  ];
  if (problems.length > 0) {
    throw new RunOptionsError(`${problems.join('\n')}\n(--no-error-on-unmatched-pattern goes on without them)`);
  }
}

/** The files that are also in `only`, compared as real paths (git names them through no links). */
async function keepOnly(files: string[], only: string[], cwd: string): Promise<string[]> {
  const real = (file: string) => fs.realpath(file).catch(() => file);
  const wanted = new Set(await Promise.all(only.map((file) => real(path.resolve(cwd, file)))));
  const kept: string[] = [];
  for (const file of files) if (wanted.has(await real(file))) kept.push(file);
  return kept;
}

/**
 * Finds the files, runs the transforms over each and returns the report. Writes nothing,
 * prints nothing: see writeResults and formatReport. Throws RunOptionsError for options
 * that cannot work; a file that cannot be processed is an error result and the run goes on.
 */
export async function run(options: RunOptions): Promise<Report> {
  checkRunOptions(options);
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const extensions = normalizeExtensions(options.extensions ?? defaultExtensions);
  const paths = options.paths.length > 0 ? options.paths : ['.'];
  const collected = await collectFiles({ paths, cwd, extensions, ignore: options.ignore ?? [] });
  if (options.errorOnUnmatchedPattern !== false) checkEveryPathMatched(collected);

  if (options.only) collected.files = await keepOnly(collected.files, options.only, cwd);
  const results = notProcessed(collected, cwd);
  const total = results.length + collected.files.length;
  results.forEach((result, index) => options.onFile?.(result, index + 1, total));
  const transformer = createFileTransformer(workersFor(options.jobs ?? 1, collected.files.length), options.cache?.location);
  try {
    const processed = await processFiles(collected.files, options, cwd, transformer, (result) => {
      results.push(result);
      options.onFile?.(result, results.length, total);
    });
    return await finishRun(collected, processed, results, options, cwd, extensions, transformer);
  } finally {
    await transformer.close();
    if (transformer.cacheStats) options.cache?.onStats?.({ ...transformer.cacheStats });
  }
}

/** After each file's own pass: project mode or cross-file conversion, helper modules, the report. */
async function finishRun(
  collected: CollectedFiles,
  processed: Processed[],
  results: FileResult[],
  options: RunOptions,
  cwd: string,
  extensions: string[],
  transformer: FileTransformer,
): Promise<Report> {
  const notProcessedCount = results.length - processed.length;
  const project = await convertAcrossFiles(collected.files, processed, options, cwd, transformer);
  const projectRan = project !== undefined && !('notice' in project);
  // The package model of every package the files belong to (read-only, src/analysis/): for `awaitify scan`, and cross-file conversion.
  const crossFile = !projectRan && options.crossFile !== false;
  const models = options.analyze || crossFile ? await buildPackageModels(collected.files, cwd, { extensions, givenFilesWithoutManifest: !options.analyze, readFacts: transformer.readFacts }) : [];
  const crossed = crossFile ? await convertWithPackageModel(crossFileInput(collected.files, processed, models, options, cwd, transformer)) : undefined;
  const fileResults = projectRan ? project.results : crossed ? crossed.results : processed.map((entry) => entry.result);
  const modules = new Map(processed.filter((entry) => entry.helperModule).map((entry) => [entry.result.path, entry.helperModule!]));
  // `awaitify scan` rewrites nothing, so it creates no helper module either.
  const helperModules = options.analyze ? [] : await helperModuleResults(fileResults, modules, cwd);
  const report = buildReport([...results.slice(0, notProcessedCount), ...fileResults, ...helperModules], cwd);
  if (project && 'notice' in project) report.notices = [project.notice];
  else if (project) report.summary.project = project.summary;
  if (crossed) report.summary.crossFile = crossed.summary;
  if (options.analyze) report.summary.packages = models.map((model) => toPackageReport(model, cwd, collected.files));
  return report;
}

/** What cross-file conversion through the package model works with: the files as converted on their own. */
function crossFileInput(files: string[], processed: Processed[], models: PackageModel[], options: RunOptions, cwd: string, transformer: FileTransformer): CrossFileInput {
  return {
    cwd,
    files,
    results: processed.map((entry) => entry.result),
    models,
    retransform: (index, extra) => retransformLater(processed[index], extra, transformer),
    ...(options.forWrite && { writeProblem: (file: string) => explainWriteProblem(file, toReportPath(cwd, file)) }),
  };
}

/** A file transformed again from its text as read, with more options (project mode, cross-file). */
function retransform(entry: Processed, extra: Partial<TransformSourceOptions>, transformer: FileTransformer): FileResult {
  const { result, sourceOptions } = entry;
  if (!sourceOptions || result.source === undefined) return result;
  const next = transformer.transformNow(result.source, { ...sourceOptions, ...extra });
  return result.enginesNode ? { ...next, enginesNode: result.enginesNode } : next;
}

/** retransform, on the worker threads (cross-file conversion hands over a round's files at once). */
async function retransformLater(entry: Processed, extra: Partial<TransformSourceOptions>, transformer: FileTransformer): Promise<FileResult> {
  const { result, sourceOptions } = entry;
  if (!sourceOptions || result.source === undefined) return result;
  const next = await transformer.transform(result.source, { ...sourceOptions, ...extra });
  return result.enginesNode ? { ...next, enginesNode: result.enginesNode } : next;
}

/**
 * Project mode (src/project/): when asked, or when a config file is in scope and a converted
 * callback API is used by another file, callers in other files convert together with it.
 * ts-morph is loaded only then.
 */
async function convertAcrossFiles(files: string[], processed: Processed[], options: RunOptions, cwd: string, transformer: FileTransformer) {
  if (options.project === false) return undefined;
  try {
    return await convertProject({
      cwd,
      files,
      results: processed.map((entry) => entry.result),
      options,
      retransform: (index, extra) => retransform(processed[index], extra, transformer),
    });
  } catch (error) {
    if (error instanceof ProjectConfigError) throw new RunOptionsError(error.message);
    throw error;
  }
}
