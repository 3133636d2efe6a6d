import { findPromisableApi, findRefusedApi, type PromisableApi } from '../node-api-table';
import type { SourceSummary } from '../../../types';
import { entriesOf, type CalleeFacts, type EcosystemEntry, type OptionCondition, type PromiseForm } from './table';
import { majorSpan, spanWithin } from './versions';

/** What the table says of one callee: a promise form, or why it stays. */
export type PackageCallee =
  | { kind: 'api'; api: PromisableApi; unlessOption?: OptionCondition }
  | { kind: 'refused'; reason: string };

/** Installed versions or dependency ranges of the user's package, by npm name. */
export type DependencyVersions = Readonly<Record<string, string>>;

/** `mz/fs` is the package `mz`; `@scope/name/sub` is `@scope/name`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The entry for the version the user's package has of it; none when unknown or spanning two entries. */
export function findEntry(specifier: string, dependencies: DependencyVersions | undefined): EcosystemEntry | undefined {
  const entries = entriesOf(specifier);
  if (entries.length === 0) return undefined;
  const range = dependencies?.[packageNameOf(specifier)];
  const span = range === undefined ? undefined : majorSpan(range);
  if (!span) return undefined;
  return entries.find((entry) => spanWithin(span, entry.majors));
}

/** `mkdirp 0.x`, `fs-extra 3+`: the majors an entry holds for, for messages. */
export function entryLabel(entry: EcosystemEntry): string {
  const { min, max } = entry.majors;
  const majors = max === Infinity ? `${min}+` : min === max ? `${min}.x` : `${min}.x–${max}.x`;
  return `${entry.specifier} ${majors}`;
}

function accessOf(form: PromiseForm): PromisableApi['access'] {
  return form === 'promisify' ? 'promisify' : form === 'same-call' ? 'direct' : 'wrapper';
}

function apiOf(entry: EcosystemEntry, name: string, facts: Extract<CalleeFacts, { kind: 'callback' }>): PromisableApi {
  const several = facts.values.length > 1;
  return {
    module: 'package',
    name,
    access: accessOf(several ? 'array' : facts.form),
    result: several ? { kind: 'array', count: facts.values.length } : { kind: 'value' },
    minNode: facts.form === 'promisify' ? 8 : 0,
    returnsUndefined: facts.form === 'promisify',
    voidResult: facts.values.length === 0 || undefined,
    valuesOnError: facts.valuesOnError || several || undefined,
    known: { source: 'table', label: entryLabel(entry), alwaysAsync: facts.alwaysAsync },
  };
}

/** One of Node's fs callback functions, reached through a drop-in's member of the same name. */
function fsMemberCallee(entry: EcosystemEntry, name: string, form: PromiseForm): PackageCallee | undefined {
  const refused = findRefusedApi('fs', name);
  if (refused) return { kind: 'refused', reason: refused.reason };
  const fsApi = findPromisableApi('fs', name);
  // Several values (read, write) stay: what a drop-in's promise resolves with differs between them.
  if (!fsApi || fsApi.result.kind !== 'value') return undefined;
  // exists keeps Node's util.promisify.custom only where the drop-in hands on Node's own function.
  if (fsApi.noError && form !== 'promisify') return { kind: 'refused', reason: `${entryLabel(entry)} may give its own ${name}, not Node's` };
  return {
    kind: 'api',
    api: {
      module: 'package',
      name,
      access: accessOf(form),
      result: fsApi.result,
      minNode: form === 'promisify' ? 8 : 0,
      returnsUndefined: true,
      voidResult: fsApi.voidResult,
      noError: fsApi.noError,
      known: { source: 'table', label: entryLabel(entry), alwaysAsync: true },
    },
  };
}

/**
 * The table's answer for `member` of the module `specifier` (`''`: the module itself called),
 * at the version the user's package has. Undefined: not in the table; the callee stays unknown.
 */
export function findPackageCallee(specifier: string, member: string, dependencies: DependencyVersions | undefined): PackageCallee | undefined {
  const entry = findEntry(specifier, dependencies);
  if (!entry) return undefined;
  const facts = entry.functions[member];
  if (!facts) return entry.fsMembers && member !== '' ? fsMemberCallee(entry, member, entry.fsMembers) : undefined;
  switch (facts.kind) {
    case 'callback':
      if (!facts.exactlyOnce) return { kind: 'refused', reason: `${entryLabel(entry)} does not call back exactly once` };
      return { kind: 'api', api: apiOf(entry, member === '' ? packageNameOf(specifier) : member, facts), unlessOption: facts.unlessOption };
    case 'promise-api':
      return { kind: 'refused', reason: `${entryLabel(entry)} returns a promise and takes no callback: this callback is never called` };
    case 'refuse':
      return { kind: 'refused', reason: facts.reason };
    default:
      return undefined; // callback wrappers and control flow are not call sites here
  }
}

/**
 * May calls through this `async` import be written as native control flow (async-library.ts)?
 * Yes for the majors the table's `async` entry holds for; a version outside them (async 0.x
 * or 1.x, whose functions differ) says no. With no version known, the API is assumed as today.
 */
export function isKnownControlFlowVersion(specifier: string, dependencies: DependencyVersions | undefined): boolean {
  const name = packageNameOf(specifier) === 'async-es' ? 'async' : packageNameOf(specifier);
  const range = dependencies?.[packageNameOf(specifier)];
  if (range === undefined) return true;
  const entry = findEntry(name, { [name]: range });
  return entry?.functions['']?.kind === 'control-flow';
}

/** A dependency's function summarised from its source (TransformOptions.sourceSummaries): once, later. */
export function findSourceCallee(summaries: Readonly<Record<string, Readonly<Record<string, SourceSummary>>>> | undefined, specifier: string, member: string): PackageCallee | undefined {
  const summary = summaries?.[specifier]?.[member];
  if (!summary) return undefined;
  const several = summary.values > 1;
  return {
    kind: 'api',
    api: {
      module: 'package',
      name: member === '' ? specifier : member,
      access: several ? 'wrapper' : 'promisify',
      result: several ? { kind: 'array', count: summary.values } : { kind: 'value' },
      minNode: 8,
      returnsUndefined: false,
      voidResult: summary.values === 0 || undefined,
      valuesOnError: summary.valuesOnError || undefined,
      known: { source: 'source', label: summary.label, alwaysAsync: true },
    },
  };
}
