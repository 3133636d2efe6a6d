import { availableParallelism } from 'node:os';
import { Command, CommanderError, Option } from 'commander';
import { defaultExtensions } from '../engine/parse';
import { defaultMaxFileSize, formatSize, parseSize } from '../io/file-limits';
import { reportFormats, type ReportFormat } from '../report/format';
import { transforms } from '../transforms';
import type { ApiStyle, ParserName, Severity, Target } from '../types';
import type { CliIo } from './io';
import { readOwnVersion } from './version';

export type CliCommand = 'run' | 'scan';

/** `--jobs` by default: one thread per core (the main thread and a worker thread for each other core). */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** Relative to the working directory, beside other tools' caches. */
export const defaultCacheLocation = 'node_modules/.cache/awaitify';

/** The command line, parsed and checked once. */
export interface CliOptions {
  /** `awaitify [paths]` rewrites (dry run unless --write); `awaitify scan [paths]` only analyses. */
  command: CliCommand;
  paths: string[];
  write: boolean;
  check: boolean;
  force: boolean;
  prettier: boolean;
  /** --helpers-path: the package helper module, relative to the package root. */
  helpersPath?: string;
  transforms: string[];
  allow: string[];
  /** Only proven conversions (see PolicyOptions.strict). */
  strict: boolean;
  /** The oldest Node the output must run on, a semver range (see PolicyOptions.nodeVersion). */
  nodeVersion?: string;
  /** engines.node is the floor: APIs it does not have are refused. */
  respectEngines: boolean;
  ignore: string[];
  extensions?: string[];
  parser: ParserName;
  api: ApiStyle;
  target: Target;
  report?: ReportFormat;
  reportFile?: string;
  /** undefined: decide by terminal and NO_COLOR. */
  color?: boolean;
  /** Exit 1 when a finding of this severity or above is reported. */
  failOn?: Severity;
  /** Only files changed since the merge base with this git revision. */
  changedSince?: string;
  /** A config file to use instead of the one found from cwd. */
  config?: string;
  /**
   * Project mode: a tsconfig.json/jsconfig.json, `true` (--project alone: find one), `false`
   * (--no-project: never on by itself); undefined: on by itself when it can matter.
   */
  project?: string | boolean;
  /** Cross-file conversion through the package model (--no-cross-file turns it off). */
  crossFile: boolean;
  /** A path or pattern that gives no file is an error (exit 2) unless --no-error-on-unmatched-pattern. */
  errorOnUnmatchedPattern: boolean;
  /** Bytes; files above are skipped unread (0: no limit). */
  maxFileSize: number;
  /** Skip files that look minified (--include-minified turns it off). */
  skipMinified: boolean;
  /** Threads that transform the files (--jobs): the main thread and jobs - 1 worker threads. */
  jobs: number;
  /** --cache: reuse earlier results; --cache-location implies it. */
  cache: boolean;
  cacheLocation?: string;
  /** Read the source from stdin, print the result on stdout and the report on stderr. */
  stdin: boolean;
  /** The path the stdin text stands for: parser, engines.node, report. */
  stdinFilename?: string;
  /** Print whole transformed files on stdout; the report goes to stderr. */
  print: boolean;
  /** The settings the command line gave explicitly: these override the config file. */
  given: ReadonlySet<ConfigurableOption>;
}

/** Options a config file may set too (the command line wins). */
export type ConfigurableOption =
  | 'transforms' | 'ignore' | 'allow' | 'strict' | 'nodeVersion' | 'respectEngines' | 'extensions' | 'parser' | 'api' | 'target' | 'failOn' | 'project';

export type ParsedArguments = { options: CliOptions } | { exitCode: number };

/** For options that are repeatable and take comma-separated lists: `-t a,b -t c`. */
function appendList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((part) => part.trim()).filter(Boolean)];
}

function appendOne(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function describeTransforms(): string {
  const width = Math.max(...transforms.map((transform) => transform.meta.id.length));
  const lines = transforms.map((transform) => `  ${transform.meta.id.padEnd(width)}  ${transform.meta.description}`);
  return ['', 'Transforms:', ...lines].join('\n');
}

const exitCodesHelp = `
Exit codes:
  0  done
  1  a file could not be processed or written (read-only), --check found files to change, or
     --fail-on found a finding
  2  bad usage (unknown option or value, a path or pattern that gives no file, bad config,
     --write refused)`;

const examplesHelp = `
Examples:
  awaitify src/ --check                   CI: exit 1 and list the files that would change
  awaitify 'src/**/*.js' 'lib/*.ts'       globs, quoted so that awaitify expands them
  awaitify --stdin --stdin-filename src/a.ts < a.ts > out.ts
  awaitify src/a.js --print > a.async.js  the whole transformed file on stdout`;

const commandsHelp = `
Commands:
  scan [paths...]  analysis without rewriting: callback pyramids, timer chains, what would
                   convert and what needs a person (awaitify scan --help)`;

function createRunCommand(io: CliIo): Command {
  const command = new Command('awaitify')
    .description('Rewrite callback-era Node code into async/await, keeping execution order, and report every timing change.')
    .argument('[paths...]', 'files, directories and quoted glob patterns to process', ['.'])
    .option('--write', 'write the changed files (default: dry run that prints diffs)')
    .addOption(new Option('--check', 'exit 1 and list the files when any file would change; writes nothing').conflicts('write'))
    .option('--force', 'with --write: also write files that have uncommitted git changes')
    .addOption(new Option('--print', 'print whole transformed files on stdout (the report goes to stderr)').conflicts(['write', 'check']))
    .addOption(new Option('--stdin', 'read the source from stdin, print the result on stdout and the report on stderr').conflicts(['write', 'print']))
    .option('--stdin-filename <path>', 'with --stdin: the path the source stands for (parser, engines.node, report; default: stdin.js)');
  addCommonOptions(command)
    .option('--prettier', "format changed files with the project's own prettier and config")
    .option('--helpers-path <path>', "the package's one helper module (fromCallback, settleCallback, mapLimit), relative to the package root (default: awaitify-helpers.js; .ts for TypeScript files)")
    .addHelpText('after', describeTransforms() + '\n' + commandsHelp + '\n' + examplesHelp + '\n' + exitCodesHelp);
  return finishCommand(command, io);
}

function createScanCommand(io: CliIo): Command {
  const command = new Command('awaitify scan')
    .description('Analyse without rewriting: where the callback code is, how deep it nests, what the transforms would convert and what needs a person.')
    .argument('[paths...]', 'files, directories and quoted glob patterns to analyse', ['.']);
  addCommonOptions(command).addHelpText('after', describeTransforms() + '\n' + exitCodesHelp.replace(', --check found files to change', ''));
  return finishCommand(command, io);
}

function addCommonOptions(command: Command): Command {
  return command
    .option('-t, --transform <ids>', 'transforms to run, repeatable or comma-separated (default: all)', appendList)
    .addOption(new Option('--parser <name>', 'parser; auto picks by file extension').choices(['auto', 'babel', 'flow', 'ts', 'tsx']).default('auto'))
    .option('--extensions <list>', `file extensions to look for in directories (default: ${defaultExtensions.join(',')})`, appendList)
    .option('--ignore <glob>', 'skip files and directories matching the glob (relative to cwd), repeatable', appendOne)
    .option('--no-error-on-unmatched-pattern', 'go on when a path or glob gives no file (default: exit 2)')
    .option('--max-file-size <size>', `skip files larger than this (like 500kb, 2mb; 0: no limit; default: ${formatSize(defaultMaxFileSize)})`)
    .option('--include-minified', 'also process files that look minified (very long mean line length)')
    .option('--allow <rule-id>', 'convert even where this rule would refuse (still reported), repeatable or comma-separated', appendList)
    .option('--strict', 'only proven conversions: refuse unknown callees, maybe-synchronous callbacks and nextTick moves instead of converting and flagging them; engines.node is the floor')
    .option('--node-version <range>', 'the oldest Node the output must run on (e.g. 12 gives require(\'fs\').promises; newer APIs are refused)')
    .option('--respect-engines', "refuse APIs that package.json's engines.node does not have (default: convert and report the Node floor the output needs)")
    .addOption(new Option('--api <style>', 'exported functions: keep a callback form too (dual) or return promises only').choices(['dual', 'promise']).default('dual'))
    .addOption(new Option('--target <env>', 'runtime of the code; auto decides per file').choices(['auto', 'node', 'browser']).default('auto'))
    .addOption(new Option('--report <format>', 'report format (default: text, or from the --report-file extension)').choices([...reportFormats]))
    .option('--report-file <path>', 'write the report to this file; the terminal still gets the text report')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding of this severity or above is reported').choices(['info', 'warning', 'error']))
    .option('--changed-since <git-ref>', 'only files changed since the merge base with this revision (pull requests)')
    .option('--project [config]', 'project mode: convert callback APIs with their callers in other files, found by the type checker of this tsconfig.json/jsconfig.json (default: the nearest one)')
    .option('--no-project', 'never turn project mode on by itself')
    .option('--no-cross-file', "convert each file on its own: calls of another file's callback functions are not resolved through the package model")
    .option('--jobs <n>', `threads that transform the files: this one and n - 1 workers (default: the machine's cores, ${defaultJobs()} here; 1: no worker)`)
    .option('--cache', 'reuse the results of earlier runs for files whose text, options and callees did not change')
    .option('--cache-location <dir>', `where --cache keeps its results (default: ${defaultCacheLocation})`)
    .option('--config <file>', `settings file to use (default: ${'awaitify.config.json'} or the "awaitify" key of package.json, from cwd upward)`)
    .option('--color', 'colour even when stdout is not a terminal')
    .option('--no-color', 'no colour (without either flag: FORCE_COLOR, then NO_COLOR, then colour on a terminal)');
}

function finishCommand(command: Command, io: CliIo): Command {
  return command
    .version(readOwnVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .showHelpAfterError(`(${command.name()} --help lists the options)`)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    });
}

const configurable: Record<ConfigurableOption, string> = {
  transforms: 'transform',
  ignore: 'ignore',
  allow: 'allow',
  strict: 'strict',
  nodeVersion: 'nodeVersion',
  respectEngines: 'respectEngines',
  extensions: 'extensions',
  parser: 'parser',
  api: 'api',
  target: 'target',
  failOn: 'failOn',
  project: 'project',
};

/**
 * `--project` takes an optional value, so `awaitify --project src` would swallow the path: a value
 * that does not end in `.json` is taken as a path to process, and the config is looked for.
 */
function projectOption(value: string | boolean | undefined, paths: string[], noPathsGiven: boolean): string | boolean | undefined {
  if (typeof value !== 'string' || /\.json$/i.test(value)) return value;
  if (noPathsGiven) paths.splice(0, paths.length, value);
  else paths.unshift(value);
  return true;
}

/**
 * Parses argv (user arguments, no node or script path); `scan` as the first argument picks
 * the scan command. Help, version and usage errors end here.
 */
export function parseArguments(argv: string[], io: CliIo): ParsedArguments {
  const scan = argv[0] === 'scan';
  const command = scan ? createScanCommand(io) : createRunCommand(io);
  try {
    command.parse(scan ? argv.slice(1) : argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return { exitCode: error.exitCode === 0 ? 0 : 2 };
    throw error;
  }
  const raw = command.opts();
  const paths = [...(command.processedArgs[0] as string[])];
  const problem = checkInputOptions(raw, command.args.length > 0);
  if (problem) {
    io.stderr.write(`awaitify: ${problem}\n`);
    return { exitCode: 2 };
  }
  const project = projectOption(raw.project as string | boolean | undefined, paths, command.args.length === 0);
  const given = new Set(
    (Object.keys(configurable) as ConfigurableOption[]).filter((key) => {
      const source = command.getOptionValueSource(configurable[key]);
      return source !== undefined && source !== 'default';
    }),
  );
  return {
    options: {
      command: scan ? 'scan' : 'run',
      paths,
      write: raw.write === true,
      check: raw.check === true,
      force: raw.force === true,
      prettier: raw.prettier === true,
      helpersPath: raw.helpersPath as string | undefined,
      transforms: (raw.transform as string[] | undefined) ?? [],
      allow: (raw.allow as string[] | undefined) ?? [],
      strict: raw.strict === true,
      nodeVersion: raw.nodeVersion as string | undefined,
      respectEngines: raw.respectEngines === true,
      ignore: (raw.ignore as string[] | undefined) ?? [],
      extensions: raw.extensions as string[] | undefined,
      parser: raw.parser as ParserName,
      api: raw.api as ApiStyle,
      target: raw.target as Target,
      report: raw.report as ReportFormat | undefined,
      reportFile: raw.reportFile as string | undefined,
      color: raw.color as boolean | undefined,
      failOn: raw.failOn as Severity | undefined,
      changedSince: raw.changedSince as string | undefined,
      config: raw.config as string | undefined,
      project,
      crossFile: raw.crossFile !== false,
      errorOnUnmatchedPattern: raw.errorOnUnmatchedPattern !== false,
      maxFileSize: raw.maxFileSize === undefined ? defaultMaxFileSize : (parseSize(raw.maxFileSize as string) as number),
      skipMinified: raw.includeMinified !== true,
      stdin: raw.stdin === true,
      stdinFilename: raw.stdinFilename as string | undefined,
      print: raw.print === true,
      jobs: raw.jobs === undefined ? defaultJobs() : Number(raw.jobs),
      cache: raw.cache === true || raw.cacheLocation !== undefined,
      cacheLocation: raw.cacheLocation as string | undefined,
      given,
    },
  };
}

/** What commander cannot check by itself. */
function checkInputOptions(raw: Record<string, unknown>, pathsGiven: boolean): string | undefined {
  if (raw.maxFileSize !== undefined && parseSize(raw.maxFileSize as string) === undefined) {
    return `--max-file-size ${String(raw.maxFileSize)}: expected a size like 1048576, 500kb or 2mb`;
  }
  if (raw.jobs !== undefined && !/^[1-9][0-9]*$/.test(String(raw.jobs))) return `--jobs ${String(raw.jobs)}: expected a whole number of 1 or more`;
  if (raw.stdinFilename !== undefined && raw.stdin !== true) return '--stdin-filename needs --stdin';
  if (raw.stdin === true && pathsGiven) return '--stdin reads one source from stdin; give no paths (name it with --stdin-filename)';
  return undefined;
}
