import * as path from 'node:path';
import { createEnginesLookup } from '../io/engines';
import { createPackageFactsLookup } from '../io/package-facts';
import { explainMinified, explainTooBig } from '../io/file-limits';
import { toReportPath } from '../io/paths';
import { buildReport } from '../report/build-report';
import type { FileResult, Report, RunOptions } from '../types';
import { checkRunOptions, fileLimitsOf, sourceOptionsOf, transformSafely, withEngines } from './run';

export interface SourceRunOptions extends Omit<RunOptions, 'paths' | 'only' | 'onFile' | 'project'> {
  /**
   * Where the text would live (relative to cwd or absolute; the file need not exist): it picks
   * the parser and the package.json whose engines.node applies, and names the file in the report.
   */
  path: string;
}

/**
 * One text that is not read from disk (`--stdin`): the same limits, engines.node lookup and
 * transforms as a file of the run, and a report of that one file. Writes nothing.
 */
export async function runSource(text: string, options: SourceRunOptions): Promise<Report> {
  checkRunOptions({ ...options, paths: [] });
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const absolute = path.resolve(cwd, options.path);
  const reportPath = toReportPath(cwd, absolute);
  const limits = fileLimitsOf({ ...options, paths: [] });
  const skip = explainTooBig(Buffer.byteLength(text), limits) ?? explainMinified(text, limits);
  let result: FileResult;
  if (skip) {
    result = { path: reportPath, status: 'skipped', source: text, findings: [], reason: skip };
  } else {
    const engines = await createEnginesLookup()(path.dirname(absolute));
    const facts = await createPackageFactsLookup([])(path.dirname(absolute));
    result = withEngines(transformSafely(text, sourceOptionsOf(options, reportPath, engines, facts)), engines);
  }
  return buildReport([result], cwd);
}
