import type { FileResult, PublicChange } from '../types';

/**
 * The exported callback APIs the changed files converted, and the methods made async (their
 * owners are exported or reach callers through instances), in report order.
 */
export function summarizePublicChanges(files: readonly FileResult[]): PublicChange[] | undefined {
  const changes: PublicChange[] = [];
  for (const file of files) {
    if (file.status !== 'changed') continue;
    for (const api of file.convertedApis ?? []) {
      if (!api.exported) continue;
      changes.push({
        path: file.path,
        name: api.name,
        ...(api.owner && { owner: api.owner }),
        line: api.line,
        form: api.dual ? 'dual' : 'promise',
        ...(api.lengthBefore !== undefined && { lengthBefore: api.lengthBefore }),
        ...(api.lengthAfter !== undefined && { lengthAfter: api.lengthAfter }),
      });
    }
    for (const finding of file.findings) {
      if (finding.messageId !== 'methodFolded' || !finding.applied) continue;
      const owner = finding.data?.owner;
      changes.push({ path: file.path, name: `${finding.data?.name ?? ''}`, ...(owner !== undefined && { owner: `${owner}` }), line: finding.line, form: 'async' });
    }
  }
  return changes.length > 0 ? changes : undefined;
}

/** One sentence per change, for the text report and the Markdown changelog section. */
export function describePublicChange(change: PublicChange): string {
  const name = `${change.owner ? `${change.owner}.` : ''}${change.name || '(anonymous export)'}`;
  const what = change.form === 'dual'
    ? 'returns a promise when called without a callback; callers that pass one still work (dual API)'
    : change.form === 'async'
      ? 'now returns a promise where it returned undefined (every call of it in the package drops the value)'
      : 'now returns a promise; its callback parameter is gone';
  const length = change.lengthBefore !== undefined && change.lengthAfter !== undefined && change.lengthBefore !== change.lengthAfter
    ? `; fn.length ${change.lengthBefore} → ${change.lengthAfter}`
    : '';
  return `${name} (${change.path}:${change.line}) ${what}${length}.`;
}
