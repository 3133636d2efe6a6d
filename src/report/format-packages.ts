import type { CallbackApiSummary, Callee, CallbackPath, PackageReport } from '../types';
import { plural } from './format-summary';

/** The package model of `awaitify scan` in words, shared by the text and Markdown formats. */

const mechanismWords: Record<string, string> = {
  'node-api': 'a Node API',
  timer: 'a timer',
  'next-tick': 'process.nextTick',
  'set-immediate': 'setImmediate',
  promise: 'a promise',
  unknown: 'something unknown',
};

function describeCallee(callee: Callee, text: string): string {
  switch (callee.kind) {
    case 'package':
      return `${text} (${callee.id})`;
    case 'node':
      return `${callee.module}.${callee.name}`;
    default:
      return text;
  }
}

function describeCalls(api: CallbackApiSummary): string {
  switch (api.calls) {
    case 'once':
      return 'calls back once on every path';
    case 'maybe-never':
      return 'may never call back';
    case 'maybe-twice':
      return 'may call back twice';
    case 'unknown':
      return 'calls back an unknown number of times';
  }
}

function describeTiming(api: CallbackApiSummary): string {
  const via = [...new Set(api.paths.flatMap((path: CallbackPath) => path.via))].map((mechanism) => mechanismWords[mechanism] ?? mechanism);
  const through = via.length > 0 ? ` (through ${via.join(', ')})` : '';
  switch (api.timing) {
    case 'deferred':
      return `always later${through}`;
    case 'sync':
      return 'synchronously, before it returns';
    case 'sync-on-some-path':
      return `synchronously on some path, later on others${through}`;
    case 'unknown':
      return 'at a time that cannot be told';
  }
}

/** `readJson(file, [opts], cb)`: optional parameters in brackets. */
function describeSignature(api: CallbackApiSummary): string {
  const params = api.params.map((param) => (api.optional.includes(param) || (param === api.callback && api.defaultCallback) ? `[${param}]` : param));
  return `${api.name}(${params.join(', ')})`;
}

/** One line for an API, then indented details. */
export function describeApi(api: CallbackApiSummary): string[] {
  const lines = [`${api.file}:${api.line} ${describeSignature(api)}: ${describeCalls(api)}, ${describeTiming(api)}.`];
  const details: string[] = [];
  if (api.handedOn.length > 0) details.push(`hands the callback to ${api.handedOn.map((h) => describeCallee(h.callee, h.text)).join(', ')}`);
  if (api.stored.length > 0) details.push(`stores it in ${api.stored.map((s) => `${s.where} (line ${s.line})`).join(', ')}`);
  if (api.values.errorCalls + api.values.successArities.length > 0) {
    const success = api.values.successArities.length > 0 ? `on success ${api.values.successArities.map((n) => plural(n, 'value')).join(' or ')}` : '';
    const errors = api.values.errorCalls > 0 ? `${plural(api.values.errorCalls, 'error call')}` : '';
    details.push(`passes ${[errors, success].filter(Boolean).join(', ')}`);
  }
  if (api.unknownBecause.length > 0) details.push(`not proven: ${api.unknownBecause.join('; ')}`);
  if (api.escapes.length > 0) details.push(`escapes: ${api.escapes.map((e) => `${e.detail} (${e.file}:${e.line})`).join('; ')}`);
  if (!api.exported) details.push('not exported');
  return [...lines, ...details.map((detail) => `  ${detail}`)];
}

export function describePackage(pkg: PackageReport): string[] {
  const name = pkg.name ? `${pkg.name} (${pkg.root})` : pkg.root;
  const share = pkg.inlineCallbackCalls.total > 0
    ? `; ${pkg.inlineCallbackCalls.resolved} of ${plural(pkg.inlineCallbackCalls.total, 'call')} with an inline error-first callback have a known callee`
    : '';
  const lines = [`Package ${name}: ${plural(pkg.filesRead, 'file')} read, ${plural(pkg.apis.length, 'callback API')} found${share}.`];
  if (pkg.inlineCallbackCalls.topUnresolved.length > 0) {
    lines.push(`  unresolved callees: ${pkg.inlineCallbackCalls.topUnresolved.map((entry) => `${entry.callee} ×${entry.calls}`).join(', ')}`);
  }
  for (const entry of pkg.unreadable) lines.push(`  not read: ${entry.file}: ${entry.message}`);
  for (const api of pkg.apis) lines.push(...describeApi(api).map((line) => `  ${line}`));
  const names = new Map(pkg.apis.map((api) => [api.id, api.name]));
  for (const group of pkg.groups) {
    const outside = group.filesOutsideRun.length > 0 ? `; outside the run: ${group.filesOutsideRun.join(', ')}` : '';
    lines.push(`  converts together: ${group.apis.map((id) => names.get(id) ?? id).join(', ')} (${plural(group.callSites, 'call')} in ${group.files.join(', ')}${outside})`);
  }
  return lines;
}
