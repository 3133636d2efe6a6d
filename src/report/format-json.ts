import type { FileResult, Finding, Report } from '../types';

function toJsonFinding(finding: Finding) {
  const { ruleId, severity, message, messageId, data, line, column, endLine, endColumn, applied, before } = finding;
  return { ruleId, severity, message, ...(messageId !== undefined && { messageId }), ...(data !== undefined && { data }), line, column, endLine, endColumn, applied, ...(before && { before }) };
}

function toJsonFile(file: FileResult) {
  return {
    path: file.path,
    status: file.status,
    ...(file.created && { created: true }),
    findings: file.findings.map(toJsonFinding),
    ...(file.error && { error: { message: file.error.message, line: file.error.line, column: file.error.column } }),
    ...(file.reason !== undefined && { reason: file.reason }),
    ...(file.suppressed && file.suppressed.length > 0 && { suppressed: file.suppressed.map(toJsonFinding) }),
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
