import type { ApiCallersLeft, CallerLeft, FileResult, Finding } from '../types';

/**
 * The callers each converted API keeps that still pass a callback (they work through the dual
 * API), for every report format: listed per API in the summary, and shown next to the API's
 * own finding (`functionNowAsync…`, at the function's line).
 */
export function summarizeCallersLeft(files: readonly FileResult[]): ApiCallersLeft[] | undefined {
  const entries: ApiCallersLeft[] = [];
  for (const file of files) {
    if (file.status !== 'changed') continue;
    for (const api of file.convertedApis ?? []) {
      if (!api.callersLeft || api.callersLeft.length === 0) continue;
      entries.push({
        path: file.path,
        name: api.name,
        ...(api.owner && { owner: api.owner }),
        line: api.line,
        callers: api.callersLeft.map((caller) => ({ ...caller, path: caller.path ?? file.path })),
      });
    }
  }
  return entries.length > 0 ? entries : undefined;
}

const perApiMessages = new Set(['functionNowAsync', 'functionNowAsyncAwaiting']);

/** The callers left of the API whose own finding this is, or undefined for any other finding. */
export function callersLeftOf(file: FileResult, finding: Finding): CallerLeft[] | undefined {
  if (!perApiMessages.has(finding.messageId ?? '')) return undefined;
  const line = finding.before?.line ?? finding.line;
  const api = (file.convertedApis ?? []).find((candidate) => candidate.line === line && (candidate.callersLeft?.length ?? 0) > 0);
  return api?.callersLeft;
}

const reasons: Record<CallerLeft['reason'], string> = {
  'not-converted': 'still passes a callback',
  'used-as-value': 'used as a value',
  'outside-run': 'outside the run',
};

/** `lib/a.js:12:3 (still passes a callback)`; the API's own file is named too, for a reader who copies it. */
export function describeCallerLeft(caller: CallerLeft, apiPath: string): string {
  return `${caller.path ?? apiPath}:${caller.line}:${caller.column} (${reasons[caller.reason]})`;
}

/** `readNote (lib/store.js:11): lib/store.js:46:5 (still passes a callback), …` */
export function describeApiCallersLeft(entry: ApiCallersLeft): string {
  const name = `${entry.owner ? `${entry.owner}.` : ''}${entry.name || '(anonymous export)'}`;
  return `${name} (${entry.path}:${entry.line}): ${entry.callers.map((caller) => describeCallerLeft(caller, entry.path)).join(', ')}`;
}
