import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ApiStyle, ParserName, Severity, Target } from '../types';

/**
 * The project's settings: `awaitify.config.json`, or an `awaitify` key in package.json, found
 * in the directory awaitify runs in or the nearest one above it (up to the top of the git work
 * tree). The command line overrides each setting it gives. Unknown keys are an error, by name.
 */
export interface FileConfig {
  transforms?: string[];
  ignore?: string[];
  allow?: string[];
  strict?: boolean;
  nodeVersion?: string;
  respectEngines?: boolean;
  extensions?: string[];
  parser?: ParserName;
  api?: ApiStyle;
  target?: Target;
  failOn?: Severity;
  /** Project mode: a tsconfig.json/jsconfig.json (relative to cwd), true to find one, false never on by itself. */
  project?: string | boolean;
}

export interface LoadedConfig {
  /** Where it came from, for messages: `awaitify.config.json` or `package.json#awaitify`. */
  source: string;
  config: FileConfig;
}

/** A config that cannot be used; the CLI exits 2 with this message. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const configFileName = 'awaitify.config.json';

type KeyCheck = { kind: 'list' } | { kind: 'choice'; choices: readonly string[] } | { kind: 'string-or-boolean' } | { kind: 'boolean' } | { kind: 'string' };

const keys: Record<keyof FileConfig, KeyCheck> = {
  transforms: { kind: 'list' },
  ignore: { kind: 'list' },
  allow: { kind: 'list' },
  strict: { kind: 'boolean' },
  nodeVersion: { kind: 'string' },
  respectEngines: { kind: 'boolean' },
  extensions: { kind: 'list' },
  parser: { kind: 'choice', choices: ['auto', 'babel', 'flow', 'ts', 'tsx'] },
  api: { kind: 'choice', choices: ['dual', 'promise'] },
  target: { kind: 'choice', choices: ['auto', 'node', 'browser'] },
  failOn: { kind: 'choice', choices: ['info', 'warning', 'error'] },
  project: { kind: 'string-or-boolean' },
};

export const configKeys = Object.keys(keys) as Array<keyof FileConfig>;

/** Checks a parsed config object: known keys, each of the right type. */
export function checkConfig(value: unknown, source: string): FileConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`${source}: expected an object of settings`);
  }
  const config: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(value)) {
    if (key === '$schema') continue;
    const check = keys[key as keyof FileConfig];
    if (!check) throw new ConfigError(`${source}: unknown key "${key}" (known: ${configKeys.join(', ')})`);
    if (check.kind === 'list') {
      const list = typeof setting === 'string' ? [setting] : setting;
      if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) {
        throw new ConfigError(`${source}: "${key}" must be a string or a list of strings`);
      }
      config[key] = list;
    } else if (check.kind === 'boolean') {
      if (typeof setting !== 'boolean') throw new ConfigError(`${source}: "${key}" must be true or false (got ${JSON.stringify(setting)})`);
      config[key] = setting;
    } else if (check.kind === 'string') {
      if (typeof setting !== 'string' || setting === '') throw new ConfigError(`${source}: "${key}" must be a non-empty string (got ${JSON.stringify(setting)})`);
      config[key] = setting;
    } else if (check.kind === 'string-or-boolean') {
      if (typeof setting !== 'boolean' && (typeof setting !== 'string' || setting === '')) {
        throw new ConfigError(`${source}: "${key}" must be a file name or true or false (got ${JSON.stringify(setting)})`);
      }
      config[key] = setting;
    } else {
      if (typeof setting !== 'string' || !check.choices.includes(setting)) {
        throw new ConfigError(`${source}: "${key}" must be one of ${check.choices.join(', ')} (got ${JSON.stringify(setting)})`);
      }
      config[key] = setting;
    }
  }
  return config as FileConfig;
}

async function readJson(file: string, source: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(`${source}: cannot read (${(error as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${source}: not valid JSON (${(error as Error).message})`);
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** Reads the config named with --config (a JSON file of settings, or a package.json with an `awaitify` key). */
export async function loadConfigFile(file: string, cwd: string): Promise<LoadedConfig> {
  const absolute = path.resolve(cwd, file);
  const display = path.relative(cwd, absolute) || file;
  const data = await readJson(absolute, display);
  if (data === undefined) throw new ConfigError(`--config ${file}: no such file`);
  if (path.basename(absolute) === 'package.json') {
    const settings = (data as { awaitify?: unknown }).awaitify;
    if (settings === undefined) throw new ConfigError(`${display}: has no "awaitify" key`);
    return { source: `${display}#awaitify`, config: checkConfig(settings, `${display}#awaitify`) };
  }
  return { source: display, config: checkConfig(data, display) };
}

/** Finds the project's config from `cwd` upward; undefined when there is none. */
export async function findConfig(cwd: string): Promise<LoadedConfig | undefined> {
  for (let directory = path.resolve(cwd); ; directory = path.dirname(directory)) {
    const configFile = path.join(directory, configFileName);
    const manifest = path.join(directory, 'package.json');
    const display = (file: string) => path.relative(cwd, file) || path.basename(file);
    const fromFile = await readJson(configFile, display(configFile));
    const packageData = await readJson(manifest, display(manifest));
    const fromPackage = packageData && typeof packageData === 'object' ? (packageData as { awaitify?: unknown }).awaitify : undefined;
    if (fromFile !== undefined && fromPackage !== undefined) {
      throw new ConfigError(`${display(configFile)} and ${display(manifest)} both configure awaitify; keep one`);
    }
    if (fromFile !== undefined) return { source: display(configFile), config: checkConfig(fromFile, display(configFile)) };
    if (fromPackage !== undefined) {
      const source = `${display(manifest)}#awaitify`;
      return { source, config: checkConfig(fromPackage, source) };
    }
    const atTop = (await exists(path.join(directory, '.git'))) || path.dirname(directory) === directory;
    if (atTop) return undefined;
  }
}
