import * as path from 'node:path';
import type { PackageModel, PackageReport } from './types';

/**
 * The part of a package model that goes into the report: no per-file facts (those are for
 * the planner), paths relative to the run's directory.
 */
export function toPackageReport(model: PackageModel, cwd: string, runFiles: readonly string[]): PackageReport {
  const root = path.relative(cwd, model.root).split(path.sep).join('/') || '.';
  const inRun = new Set(runFiles.map((file) => path.relative(model.root, path.resolve(cwd, file)).split(path.sep).join('/')));
  // Only groups that tie something together: more than one API, or callers in other files.
  const groups = model.groups
    .filter((group) => group.apis.length > 1 || group.files.length > 1)
    .map((group) => ({ ...group, filesOutsideRun: group.files.filter((file) => !inRun.has(file)) }));
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
    groups,
    inlineCallbackCalls: { total: model.inlineCallbackCalls.total, resolved: model.inlineCallbackCalls.resolved, topUnresolved: unresolved },
  };
}
