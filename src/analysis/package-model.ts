import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { findConversionGroups } from './groups';
import { readModuleFacts } from './module-facts';
import { groupByPackage, listPackageFiles, maxModelFileBytes, readPackageManifest, type PackageManifest } from './package-files';
import { rememberResolver } from './package-calls';
import { PackageResolver, type Value } from './resolve';
import { classifyPaths, computeSummaries, storesOf, valuesOf } from './summaries';
import type { CallbackApiSummary, ModuleFacts, PackageModel } from './types';

/**
 * The package model: every file of a package read into facts, the module graph resolved, and
 * a callback-API summary for every function whose last parameter is an error-first callback.
 * No configuration file is needed; the package root is the nearest package.json.
 */

export const modelExtensions = ['.js', '.cjs', '.mjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'];

export function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}

/** Reads one file's facts (`file` is its absolute path); the engine hands in a reader that knows the facts its workers read, and the `--cache`'s. */
export type ReadFacts = (source: string, relative: string, file: string) => ModuleFacts;

/** Reads one package (the directory holding its package.json) into its model. */

export async function buildPackageModel(root: string, options: { extensions?: readonly string[]; files?: readonly string[]; readFacts?: ReadFacts } = {}): Promise<PackageModel> {
  const files = options.files ?? (await listPackageFiles(root, options.extensions ?? modelExtensions));
  const modules: Record<string, ModuleFacts> = {};
  const unreadable: PackageModel['unreadable'] = [];
  const tooLarge: string[] = [];
  for (const file of files) {
    const relative = toPosix(path.relative(root, file));
    let source: string;
    try {
      const stat = await fs.stat(file);
      if (stat.size > maxModelFileBytes) {
        tooLarge.push(relative);
        continue;
      }
      source = await fs.readFile(file, 'utf8');
    } catch (error) {
      unreadable.push({ file: relative, message: (error as Error).message });
      continue;
    }
    const facts = options.readFacts ? options.readFacts(source, relative, file) : readModuleFacts(source, relative);
    if (facts.error) unreadable.push({ file: relative, message: facts.error });
    modules[relative] = facts;
  }
  const model = modelFromModules(root, await readPackageManifest(root), modules, unreadable);
  // The same object: package-calls.ts keeps the model's resolver by it.
  if (tooLarge.length > 0) model.tooLarge = tooLarge;
  return model;
}

/** The model over facts already read (tests and caches hand facts in directly). */
export function modelFromModules(root: string, manifest: PackageManifest, modules: Record<string, ModuleFacts>, unreadable: PackageModel['unreadable'] = []): PackageModel {
  const { name } = manifest;
  const resolver = new PackageResolver(modules, manifest);
  const summaries = computeSummaries(modules, resolver);
  const exported = findExported(modules, resolver);
  const escapes = findEscapingFunctions(modules, resolver);
  const apis: CallbackApiSummary[] = [];
  for (const entry of summaries.values()) {
    if (!entry.errorFirst) continue;
    const { fn } = entry;
    const callback = fn.callback!;
    const { calls, timing } = classifyPaths(entry.paths);
    const ownEscapes = [...(escapes.get(fn.id) ?? [])];
    if (fn.readsArgumentsLength) ownEscapes.push({ file: fn.file, line: fn.line, how: 'inspected', detail: 'reads arguments.length' });
    apis.push({
      id: fn.id,
      file: fn.file,
      name: fn.name,
      line: fn.line,
      params: fn.params,
      callback: callback.name,
      optional: callback.optional,
      defaultCallback: callback.defaultCallback,
      errorFirst: true,
      calls,
      timing,
      paths: entry.paths,
      handedOn: entry.handedOn,
      stored: storesOf(callback.effect),
      values: valuesOf(callback.effect),
      unknownBecause: entry.unknownBecause,
      exported: exported.has(fn.id),
      escapes: ownEscapes,
    });
  }
  apis.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  const groups = findConversionGroups(apis, modules, resolver);
  const model: PackageModel = { root, ...(name !== undefined && { name }), filesRead: Object.keys(modules).length, unreadable, modules, apis, inlineCallbackCalls: countInlineCallbackCalls(modules, resolver), groups };
  rememberResolver(model, resolver);
  return model;
}

function functionsOf(value: Value | undefined): string[] {
  if (!value) return [];
  if (value.kind === 'function') return [value.id, ...Object.values(value.members ?? {})];
  if (value.kind === 'object') return Object.values(value.members);
  return [];
}

/** Functions other packages can reach through a file's exports (every file may be required by path). */
function findExported(modules: Record<string, ModuleFacts>, resolver: PackageResolver): Set<string> {
  const exported = new Set<string>();
  for (const [file, facts] of Object.entries(modules)) {
    for (const id of functionsOf(resolver.exportOf(file, undefined))) exported.add(id);
    for (const name of Object.keys(facts.exports)) for (const id of functionsOf(resolver.exportOf(file, name))) exported.add(id);
  }
  // Methods travel with the instances an exported class or object hands out.
  for (const facts of Object.values(modules)) for (const fn of facts.functions) if (fn.methodName !== undefined) exported.add(fn.id);
  return exported;
}

function findEscapingFunctions(modules: Record<string, ModuleFacts>, resolver: PackageResolver): Map<string, CallbackApiSummary['escapes']> {
  const escapes = new Map<string, CallbackApiSummary['escapes']>();
  for (const [file, facts] of Object.entries(modules)) {
    for (const escape of facts.escapes) {
      for (const id of resolver.candidatesOf(file, escape.ref)) {
        escapes.set(id, [...(escapes.get(id) ?? []), { file, line: escape.line, how: escape.how, detail: escape.detail }]);
      }
    }
  }
  return escapes;
}

function countInlineCallbackCalls(modules: Record<string, ModuleFacts>, resolver: PackageResolver): PackageModel['inlineCallbackCalls'] {
  let total = 0;
  let resolved = 0;
  const unresolvedByName: Record<string, number> = {};
  for (const [file, facts] of Object.entries(modules)) {
    for (const call of facts.callbackCalls) {
      if (call.last !== 'error-first-function') continue;
      total += 1;
      const callee = resolver.resolveCallee(file, call.ref);
      if (callee.kind === 'package' || callee.kind === 'node') resolved += 1;
      else unresolvedByName[call.text] = (unresolvedByName[call.text] ?? 0) + 1;
    }
  }
  return { total, resolved, unresolvedByName };
}

/**
 * The models of every package the given files belong to (files with no package.json above them go
 * under `cwd`). With `givenFilesWithoutManifest`, a group with no package.json is only the files
 * given: a run from a home directory must not read everything below it.
 */
export async function buildPackageModels(files: readonly string[], cwd: string, options: { extensions?: readonly string[]; givenFilesWithoutManifest?: boolean; readFacts?: ReadFacts } = {}): Promise<PackageModel[]> {
  const groups = await groupByPackage(files, cwd);
  const models: PackageModel[] = [];
  for (const root of [...groups.keys()].sort()) {
    const hasManifest = await fs.stat(path.join(root, 'package.json')).then((stat) => stat.isFile(), () => false);
    const only = options.givenFilesWithoutManifest && !hasManifest ? { files: groups.get(root)! } : {};
    models.push(await buildPackageModel(root, { extensions: options.extensions, readFacts: options.readFacts, ...only }));
  }
  return models;
}
