import { existsSync, readFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { toReportPath } from '../io/paths';
import { localHelpers } from '../transforms/callbacks-to-async/local-helpers';
import type { FileResult } from '../types';
import { packageStyle, styleHelperModule, type PackageStyle } from './package-style';

/**
 * The package helper module: the helpers converted code needs (fromCallback, settleCallback,
 * mapLimit) live in ONE module per package, which the run creates or extends, and each file
 * imports what it uses from there, never a copy per file.
 */
export interface HelperModule {
  /** Absolute path of the module. */
  modulePath: string;
  /** How the file imports it: relative, `./` first, with the extension in JavaScript. */
  specifier: string;
  typescript: boolean;
  /** `export function` (an ES module or TypeScript) rather than `module.exports`. */
  esm: boolean;
}

export const defaultHelpersPath = 'awaitify-helpers.js';

const packageRoots = new Map<string, { root: string; esm: boolean } | null>();

/** The folder of the nearest package.json above `directory`, and whether the package is `"type": "module"`. */
function findPackage(directory: string): { root: string; esm: boolean } | undefined {
  const cached = packageRoots.get(directory);
  if (cached !== undefined) return cached ?? undefined;
  let found: { root: string; esm: boolean } | null = null;
  const manifest = path.join(directory, 'package.json');
  if (existsSync(manifest)) {
    let type: unknown;
    try {
      type = (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: unknown }).type;
    } catch {
      type = undefined;
    }
    found = { root: directory, esm: type === 'module' };
  } else if (path.dirname(directory) !== directory) {
    found = findPackage(path.dirname(directory)) ?? null;
  }
  packageRoots.set(directory, found);
  return found ?? undefined;
}

/** The helper module of the file's package, or undefined when the file belongs to no package (its helpers stay in it). */
export function helperModuleOf(absoluteFile: string, helpersPath = defaultHelpersPath): HelperModule | undefined {
  const pkg = findPackage(path.dirname(absoluteFile));
  if (!pkg) return undefined;
  const typescript = /\.(c|m)?tsx?$/.test(absoluteFile);
  const relative = typescript ? helpersPath.replace(/\.[cm]?js$/, '') + '.ts' : helpersPath;
  const modulePath = path.resolve(pkg.root, relative);
  let specifier = path.relative(path.dirname(absoluteFile), modulePath).split(path.sep).join('/');
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  if (typescript) specifier = specifier.replace(/\.ts$/, '');
  const esm = typescript || /\.mjs$/.test(modulePath) || (pkg.esm && !/\.cjs$/.test(modulePath));
  return { modulePath, specifier, typescript, esm };
}

const header = '// Helpers of the code awaitify converted: one module for the package, imported where needed.';

/** The module's text: each helper with its comment, exported in the package's module style, written in its style (semicolons, quotes, indentation). */
export function helperModuleText(names: readonly string[], module: Pick<HelperModule, 'typescript' | 'esm'>, style?: PackageStyle): string {
  const helpers = [...names].sort().map((name) => localHelpers.get(name)!);
  const declarations = helpers.map((helper) => {
    const source = helper.source(helper.baseName, (text) => (module.typescript ? text : ''));
    return `//${helper.comment}\n${module.esm ? `export ${source}` : source}\n`;
  });
  const prologue = module.esm || style?.useStrict === false ? `${header}\n` : `'use strict';\n${header}\n`;
  const exports = module.esm ? '' : `\nmodule.exports = { ${helpers.map((helper) => helper.baseName).join(', ')} };\n`;
  const text = `${prologue}\n${declarations.join('\n')}${exports}`;
  return style ? styleHelperModule(text, style, module.typescript) : text;
}

/** The helpers a helper module already declares (an earlier run made it). */
function declaredHelpers(text: string): string[] {
  return [...localHelpers.keys()].filter((name) => new RegExp(`function ${name}\\b`).test(text));
}

/**
 * Results for the helper modules the changed files need: a created file, or the module an
 * earlier run made with the helpers it lacked added. `modules` maps a result's path to its
 * package's module.
 */
export async function helperModuleResults(results: readonly FileResult[], modules: ReadonlyMap<string, HelperModule>, cwd: string): Promise<FileResult[]> {
  const wanted = new Map<string, { module: HelperModule; names: Set<string>; sources: string[] }>();
  for (const result of results) {
    const module = modules.get(result.path);
    if (result.status !== 'changed' || !result.helpers || !module) continue;
    const entry = wanted.get(module.modulePath) ?? { module, names: new Set<string>(), sources: [] };
    for (const name of result.helpers) entry.names.add(name);
    if (result.source) entry.sources.push(result.source);
    wanted.set(module.modulePath, entry);
  }
  const created: FileResult[] = [];
  for (const { module, names, sources } of wanted.values()) {
    const existing = await fs.readFile(module.modulePath, 'utf8').catch(() => undefined);
    const declared = existing === undefined ? [] : declaredHelpers(existing);
    if (existing !== undefined && [...names].every((name) => declared.includes(name))) continue;
    // An earlier run's module keeps the style it has; a new one takes that of the files importing it.
    const style = existing === undefined ? packageStyle(sources) : packageStyle([existing]);
    const output = helperModuleText([...new Set([...declared, ...names])], module, style);
    created.push({
      path: toReportPath(cwd, module.modulePath),
      status: 'changed',
      source: existing ?? '',
      output,
      findings: [],
      ...(existing === undefined && { created: true }),
    });
  }
  return created;
}
