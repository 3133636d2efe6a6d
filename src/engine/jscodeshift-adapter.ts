import path from 'node:path';
import type { API, FileInfo, Options } from 'jscodeshift';
import { findEnginesNodeSync } from '../io/engines';
import { resolveTargetNode } from './policy';
import { transformSource } from './transform-source';
import type { ApiStyle, ParserName, PolicyOptions, Target } from '../types';

function listOption(value: unknown): string[] | undefined {
  if (value === undefined || value === true || value === false) return undefined;
  return String(value).split(',').map((part) => part.trim()).filter(Boolean);
}

/** jscodeshift hands flags on as written: `--node-version=12` or `--nodeVersion=12`. */
function readOption(options: Options, name: string): unknown {
  const dashed = name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return options[name] ?? options[dashed];
}

function flagOption(value: unknown): boolean {
  return value === true || value === 'true';
}

/** The policy as the awaitify command takes it, engines.node read from the file's package as the command does. */
function policyOf(file: FileInfo, options: Options): PolicyOptions & { minNodeMajor?: number } {
  const nodeVersion = readOption(options, 'nodeVersion');
  const policy: PolicyOptions = {
    strict: flagOption(readOption(options, 'strict')),
    respectEngines: flagOption(readOption(options, 'respectEngines')),
    ...(nodeVersion !== undefined && nodeVersion !== true && { nodeVersion: String(nodeVersion) }),
  };
  const needsEngines = policy.nodeVersion === undefined && (policy.strict || policy.respectEngines);
  const engines = needsEngines ? findEnginesNodeSync(path.dirname(path.resolve(file.path))) : undefined;
  return { ...policy, minNodeMajor: resolveTargetNode(policy, engines?.minMajor) };
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
      ...policyOf(file, options),
    });
    for (const finding of result.findings) {
      const state = finding.applied ? 'changed' : 'left as is';
      api.report(`${finding.path}:${finding.line}:${finding.column} ${finding.ruleId} (${state}): ${finding.message}`);
    }
    if (result.status === 'error') throw new Error(result.error?.message ?? `${file.path}: awaitify failed`);
    return result.status === 'changed' ? result.output : undefined;
  };
}
