import { callersLeftOf } from './callers-left';
import type { FileResult, Finding, Report } from '../types';

function toJsonFinding(finding: Finding, file?: FileResult) {
  const { ruleId, severity, message, messageId, data, line, column, endLine, endColumn, applied, before } = finding;
  // Next to the finding of a converted API: the callers that still pass it a callback.
  const callersLeft = file && callersLeftOf(file, finding)?.map((caller) => ({ ...caller, path: caller.path ?? file.path }));
  return { ruleId, severity, message, ...(messageId !== undefined && { messageId }), ...(data !== undefined && { data }), line, column, endLine, endColumn, applied, ...(before && { before }), ...(callersLeft && { callersLeft }) };
}

function toJsonFile(file: FileResult) {
  return {
    path: file.path,
    status: file.status,
    ...(file.created && { created: true }),
    findings: file.findings.map((finding) => toJsonFinding(finding, file)),
    ...(file.error && { error: { message: file.error.message, line: file.error.line, column: file.error.column } }),
    ...(file.reason !== undefined && { reason: file.reason }),
    ...(file.suppressed && file.suppressed.length > 0 && { suppressed: file.suppressed.map((finding) => toJsonFinding(finding)) }),
    ...(file.scan && { scan: file.scan }),
  };
}

/**
 * The canonical form: `{ files, summary }`, no sources or outputs, paths relative to cwd.
 * schema/report.schema.json describes it.
 */
export function formatJson(report: Report): string {
  return `${JSON.stringify({ files: report.files.map(toJsonFile), summary: report.summary }, null, 2)}\n`;
}
