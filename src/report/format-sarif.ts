import { callersLeftOf, describeCallerLeft } from './callers-left';
import { describeNodeFloor } from './node-floor';
import { findOwnPackage } from '../io/package-root';
import { loadRuleDocs, markdownToText } from '../timing/rule-docs';
import { listRules } from '../timing/rules';
import type { FileResult, Finding, Report, Severity } from '../types';

/**
 * SARIF 2.1.0 for code scanning (GitHub's upload-sarif and others): one run, every rule of the
 * table with its help from docs/rules.md, one result per finding. Findings silenced in the
 * source are results too, marked with an in-source suppression, as SARIF intends.
 */

const levels: Record<Severity, 'note' | 'warning' | 'error'> = { info: 'note', warning: 'warning', error: 'error' };

function ruleName(id: string): string {
  // SARIF names are PascalCase identifiers: timing/callback-moved-to-microtask -> CallbackMovedToMicrotask.
  return id.replace(/^timing\//, '').split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

function describeRules() {
  const docs = loadRuleDocs();
  return listRules().map((rule) => {
    const doc = docs.get(rule.id);
    return {
      id: rule.id,
      name: ruleName(rule.id),
      shortDescription: { text: rule.message },
      fullDescription: { text: rule.message },
      defaultConfiguration: { level: levels[rule.severity] },
      ...(doc && { help: { text: markdownToText(doc.markdown), markdown: doc.markdown } }),
      properties: { tags: ['timing', 'async'] },
    };
  });
}

/** The callers a converted API keeps that still pass a callback, as related locations of its own finding. */
function relatedCallers(file: FileResult, finding: Finding) {
  const callers = callersLeftOf(file, finding);
  if (!callers) return undefined;
  return callers.map((caller, index) => ({
    id: index + 1,
    message: { text: `Caller left with a callback: ${describeCallerLeft(caller, file.path)}` },
    physicalLocation: {
      artifactLocation: { uri: encodeURI(caller.path ?? file.path), uriBaseId: '%SRCROOT%' },
      region: { startLine: caller.line, startColumn: caller.column },
    },
    properties: { reason: caller.reason },
  }));
}

function toResult(finding: Finding, path: string, ruleIndex: Map<string, number>, suppressed: boolean, file?: FileResult) {
  const related = file && relatedCallers(file, finding);
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex.has(finding.ruleId) && { ruleIndex: ruleIndex.get(finding.ruleId) }),
    level: levels[finding.severity],
    message: { text: `${finding.message} (${finding.applied ? 'rewritten' : 'left as is'})` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(path), uriBaseId: '%SRCROOT%' },
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        },
      },
    ],
    ...(related && { relatedLocations: related }),
    ...(suppressed && { suppressions: [{ kind: 'inSource', justification: 'awaitify-ignore-next-line' }] }),
    properties: { transform: finding.transform, applied: finding.applied },
  };
}

export function formatSarif(report: Report): string {
  const rules = describeRules();
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = report.files.flatMap((file) => [
    ...file.findings.map((finding) => toResult(finding, file.path, ruleIndex, false, file)),
    ...(file.suppressed ?? []).map((finding) => toResult(finding, file.path, ruleIndex, true)),
  ]);
  const notifications = report.files
    .filter((file) => file.status === 'error')
    .map((file) => ({
      level: 'error',
      message: { text: file.error?.message ?? `${file.path}: failed` },
      locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(file.path), uriBaseId: '%SRCROOT%' } } }],
    }));
  const floor = report.summary.nodeFloor;
  // The Node floor is about the run, not a line: a notification people see, and data for tools.
  if (floor) notifications.push({ level: floor.outdated ? 'warning' : 'note', message: { text: describeNodeFloor(floor) }, locations: [] });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'awaitify', semanticVersion: findOwnPackage()?.version ?? '0.0.0', rules } },
        invocations: [{ executionSuccessful: report.summary.failed === 0, toolExecutionNotifications: notifications }],
        results,
        columnKind: 'utf16CodeUnits',
        ...((floor || report.summary.publicChanges || report.summary.callersLeft) && {
          properties: {
            ...(floor && { nodeFloor: floor }),
            ...(report.summary.publicChanges && { publicChanges: report.summary.publicChanges }),
            ...(report.summary.callersLeft && { callersLeft: report.summary.callersLeft }),
          },
        }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
