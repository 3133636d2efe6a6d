import type { API, FileInfo, Options } from 'jscodeshift';
import { transformSource } from './transform-source';
import type { ApiStyle, ParserName, Target } from '../types';

function listOption(value: unknown): string[] | undefined {
  if (value === undefined || value === true || value === false) return undefined;
  return String(value).split(',').map((part) => part.trim()).filter(Boolean);
}

/**
 * Builds a jscodeshift transform for one awaitify transform. It parses by itself (the parser
 * follows the file's extension) so that results match the awaitify command exactly.
 */
export function createJscodeshiftTransform(id: string) {
  return function awaitifyTransform(file: FileInfo, api: API, options: Options = {}): string | undefined {
    const result = transformSource(file.source, {
      path: file.path,
      transforms: [id],
      parser: (options.awaitifyParser as ParserName | undefined) ?? 'auto',
      allow: listOption(options.allow),
      api: options.api as ApiStyle | undefined,
      target: options.target as Target | undefined,
    });
    for (const finding of result.findings) {
      const state = finding.applied ? 'changed' : 'left as is';
      api.report(`${finding.path}:${finding.line}:${finding.column} ${finding.ruleId} (${state}): ${finding.message}`);
    }
    if (result.status === 'error') throw new Error(result.error?.message ?? `${file.path}: awaitify failed`);
    return result.status === 'changed' ? result.output : undefined;
  };
}
