import { childNodes, type AnyNode } from '../transforms/shared/ast';
import type { FileResult, FileScan, FileScanTotals, Finding, FindingInput, Nesting, ScanTotals, Site, Span } from '../types';
import { measureNestings, type MeasuredNesting, type Nestings } from './nesting';
import { findSites, type ReportedFinding } from './sites';

/**
 * The analysis of one file for `awaitify scan`, fed by the engine while the transforms run:
 * nestings are measured before the rewrite, spots are read from the findings after it.
 */
export class FileAnalysis {
  private readonly nestings: Nestings;
  private readonly reported: ReportedFinding[] = [];

  constructor(file: AnyNode) {
    this.nestings = measureNestings(file);
  }

  record(finding: Finding, input: FindingInput): void {
    this.reported.push({ finding, node: input.node, site: input.site });
  }

  /**
   * `file` is the tree after the transforms ran; `reported` the findings the result keeps
   * (suppressed ones are left out); `changed` whether the rewrite is kept.
   */
  finish(file: AnyNode, reported: readonly Finding[], changed: boolean): FileScan {
    const inTree = collectNodes(file);
    const kept = new Set(reported);
    const sites = findSites(this.reported.filter((item) => kept.has(item.finding)), (node) => inTree.has(node))
      .filter((site) => changed || !site.converted);
    const pyramids = this.nestings.pyramids.map((nesting) => describeNesting(nesting, sites));
    const timerChains = this.nestings.timerChains.map((nesting) => describeNesting(nesting, sites));
    const syncCallbacks = sites.filter((site) => site.ruleId === 'timing/sync-callback-now-async');
    const multipleCalls = sites.filter((site) => site.ruleId === 'timing/multiple-callback-calls');
    // An allowed (converted anyway) sync or double call is an effect finding, not a spot: list it too.
    for (const finding of reported) {
      if (!finding.applied) continue;
      if (finding.ruleId === 'timing/sync-callback-now-async') syncCallbacks.push(findingAsSite(finding));
      if (finding.ruleId === 'timing/multiple-callback-calls') multipleCalls.push(findingAsSite(finding));
    }
    return { sites, pyramids, timerChains, syncCallbacks, multipleCalls, totals: totalsOf(sites, pyramids, timerChains, syncCallbacks.length, multipleCalls.length) };
  }
}

function collectNodes(root: AnyNode): Set<unknown> {
  const nodes = new Set<unknown>();
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    nodes.add(node);
    stack.push(...childNodes(node));
  }
  return nodes;
}

function findingAsSite(finding: Finding): Site {
  const { line, column, endLine, endColumn, transform, ruleId, message, applied } = finding;
  return { kind: 'callback-function', line, column, endLine, endColumn, transform, ruleId, message, converted: applied };
}

function contains(outer: Span, inner: Span): boolean {
  const startsAfter = inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column);
  const endsBefore = inner.line < outer.endLine || (inner.line === outer.endLine && inner.column <= outer.endColumn);
  return startsAfter && endsBefore;
}

function describeNesting(nesting: MeasuredNesting, sites: readonly Site[]): Nesting {
  const inside = sites.filter((site) => contains(nesting, site));
  const refused = inside.filter((site) => !site.converted);
  return {
    line: nesting.line,
    column: nesting.column,
    endLine: nesting.endLine,
    endColumn: nesting.endColumn,
    depth: nesting.depth,
    ...(nesting.recursive && { recursive: true }),
    converted: inside.length - refused.length,
    refused: refused.length,
    refusedRules: [...new Set(refused.map((site) => site.ruleId))].sort(),
  };
}

/** Source lines covered by the spans. */
function linesOf(spans: readonly Span[]): Set<number> {
  const lines = new Set<number>();
  for (const span of spans) for (let line = span.line; line <= span.endLine; line++) lines.add(line);
  return lines;
}

function totalsOf(sites: readonly Site[], pyramids: readonly Nesting[], timerChains: readonly Nesting[], syncCallbacks: number, multipleCalls: number): FileScanTotals {
  const converted = sites.filter((site) => site.converted);
  const refused = sites.filter((site) => !site.converted);
  const convertedLines = linesOf(converted);
  const needsPersonLines = [...linesOf(refused)].filter((line) => !convertedLines.has(line));
  return {
    sites: sites.length,
    converted: converted.length,
    needsPerson: refused.length,
    callbackLines: linesOf(sites).size,
    convertedLines: convertedLines.size,
    needsPersonLines: needsPersonLines.length,
    pyramids: pyramids.length,
    deepestPyramid: Math.max(0, ...pyramids.map((pyramid) => pyramid.depth)),
    timerChains: timerChains.length,
    syncCallbacks,
    multipleCalls,
  };
}

const emptyTotals: FileScanTotals = totalsOf([], [], [], 0, 0);

/** Project totals over the files that were analysed; undefined when none was. */
export function sumScanTotals(files: readonly FileResult[]): ScanTotals | undefined {
  const scanned = files.filter((file) => file.scan);
  if (scanned.length === 0) return undefined;
  const totals: ScanTotals = { ...emptyTotals, filesWithCallbacks: 0, filesToChange: 0 };
  for (const file of scanned) {
    const own = file.scan!.totals;
    for (const key of Object.keys(emptyTotals) as Array<keyof FileScanTotals>) {
      totals[key] = key === 'deepestPyramid' ? Math.max(totals[key], own[key]) : totals[key] + own[key];
    }
    if (own.sites > 0) totals.filesWithCallbacks += 1;
    if (file.status === 'changed') totals.filesToChange += 1;
  }
  return totals;
}
