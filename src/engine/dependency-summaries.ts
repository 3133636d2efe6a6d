import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { buildPackageModel, modelExtensions } from '../analysis/package-model';
import { listPackageFiles, readPackageManifest } from '../analysis/package-files';
import { PackageResolver } from '../analysis/resolve';
import type { CallbackApiSummary } from '../analysis/types';
import { entriesOf } from '../transforms/callbacks-to-async/ecosystem/table';
import type { SourceSummary } from '../types';
import { requiredDependencies, type PackageFacts } from '../io/package-facts';

/** A dependency with more files than this is not read: the summary would cost more than it helps. */
export const maxDependencyFiles = 60;

/**
 * A dependency's callback functions summarised from its source in node_modules with the package
 * model (src/analysis/, read-only): for the module itself (`''`) and its exported members, the
 * summary of those that call back exactly once, later. Only dependencies the ecosystem table
 * does not list, at most `maxDependencyFiles` files, and cached by name and version: the
 * same dependency is read once per run.
 */
export type DependencySummaries = (packageRoot: string, name: string) => Promise<Record<string, SourceSummary> | undefined>;

export function createDependencySummaries(): DependencySummaries {
  const cache = new Map<string, Promise<Record<string, SourceSummary> | undefined>>();
  return async (packageRoot, name) => {
    if (entriesOf(name).length > 0 || name.startsWith('.') || name.startsWith('node:')) return undefined;
    const root = await installedRoot(packageRoot, name);
    if (!root) return undefined;
    const manifest = await readPackageManifest(root);
    const version = await readVersion(root);
    const key = `${name}@${version ?? '?'}`;
    if (!cache.has(key)) cache.set(key, summarise(root, key, manifest).catch(() => undefined));
    return cache.get(key);
  };
}

async function installedRoot(packageRoot: string, name: string): Promise<string | undefined> {
  for (let directory = packageRoot; ; directory = path.dirname(directory)) {
    const candidate = path.join(directory, 'node_modules', name);
    if (await fs.stat(path.join(candidate, 'package.json')).then(() => true, () => false)) return candidate;
    if (path.dirname(directory) === directory) return undefined;
  }
}

async function readVersion(root: string): Promise<string | undefined> {
  try {
    const version = (JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

function usable(api: CallbackApiSummary | undefined): api is CallbackApiSummary {
  return !!api && api.calls === 'once' && api.timing === 'deferred' && api.stored.length === 0 && api.unknownBecause.length === 0;
}

async function summarise(root: string, label: string, manifest: Awaited<ReturnType<typeof readPackageManifest>>): Promise<Record<string, SourceSummary> | undefined> {
  const files = await listPackageFiles(root, modelExtensions);
  if (files.length === 0 || files.length > maxDependencyFiles) return undefined;
  const model = await buildPackageModel(root);
  const resolver = new PackageResolver(model.modules, manifest);
  const main = resolver.resolveSpecifier('index.js', '.');
  if (!main) return undefined;
  const byId = new Map(model.apis.map((api) => [api.id, api]));
  const summaries: Record<string, SourceSummary> = {};
  const add = (member: string, id: string | undefined) => {
    const api = id === undefined ? undefined : byId.get(id);
    if (!usable(api)) return;
    const values = Math.max(0, ...api.values.successArities);
    // What goes along with an error is not read: any value may, so an error path that reads one is refused.
    summaries[member] = { label, values, valuesOnError: values > 0 };
  };
  const whole = resolver.exportOf(main, undefined);
  if (whole?.kind === 'function') add('', whole.id);
  const members = { ...(whole && whole.kind !== 'node' && whole.kind !== 'module' ? whole.members : {}) };
  for (const name of Object.keys(model.modules[main]?.exports ?? {})) {
    const value = resolver.exportOf(main, name);
    if (value?.kind === 'function') members[name] = value.id;
  }
  for (const [member, id] of Object.entries(members)) add(member, id);
  return Object.keys(summaries).length > 0 ? summaries : undefined;
}

/** The summaries of the dependencies a file requires, by specifier; undefined when none. */
export async function summariesFor(text: string, facts: PackageFacts, summarise: DependencySummaries): Promise<Record<string, Record<string, SourceSummary>> | undefined> {
  const found: Record<string, Record<string, SourceSummary>> = {};
  for (const name of requiredDependencies(text, facts.dependencies)) {
    const summaries = await summarise(facts.root, name);
    if (summaries) found[name] = summaries;
  }
  return Object.keys(found).length > 0 ? found : undefined;
}
