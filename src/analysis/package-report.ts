import * as path from 'node:path';
import type { PackageModel, PackageReport } from './types';

/**
 * The part of a package model that goes into the report: no per-file facts (those are for
 * the planner), paths relative to the run's directory.
 */
export function toPackageReport(model: PackageModel, cwd: string): PackageReport {
  const root = path.relative(cwd, model.root).split(path.sep).join('/') || '.';
  const unresolved = Object.entries(model.inlineCallbackCalls.unresolvedByName)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 10)
    .map(([callee, calls]) => ({ callee, calls }));
  return {
    root,
    ...(model.name !== undefined && { name: model.name }),
    filesRead: model.filesRead,
    unreadable: model.unreadable,
    apis: model.apis,
    inlineCallbackCalls: { total: model.inlineCallbackCalls.total, resolved: model.inlineCallbackCalls.resolved, topUnresolved: unresolved },
  };
}
