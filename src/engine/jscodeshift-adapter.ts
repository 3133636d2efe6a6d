import path from 'node:path';
import { findEnginesNodeSync } from '../io/engines';
import { resolveTargetNode } from './policy';
import { transformSource } from './transform-source';
import type { ApiStyle, ParserName, PolicyOptions, Target } from '../types';

// The parts of jscodeshift's FileInfo, API and Options that the entry points use, written out
// here: jscodeshift's own types are a dev dependency, and published declarations must not need them.

export interface JscodeshiftFileInfo {
  path: string;
  source: string;
}

export interface JscodeshiftApi {
  report(message: string): void;
}

/** Command-line options jscodeshift passes on: `--allow`, `--api`, `--target`, `--awaitifyParser`. */
export type JscodeshiftOptions = Record<string, unknown>;

export type JscodeshiftTransform = (file: JscodeshiftFileInfo, api: JscodeshiftApi, options?: JscodeshiftOptions) => string | undefined;

function listOption(value: unknown): string[] | undefined {
  if (value === undefined || value === true || value === false) return undefined;
  return String(value).split(',').map((part) => part.trim()).filter(Boolean);
}

/** jscodeshift hands flags on as written: `--node-version=12` or `--nodeVersion=12`. */
function readOption(options: JscodeshiftOptions, name: string): unknown {
  const dashed = name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return options[name] ?? options[dashed];
}

function flagOption(value: unknown): boolean {
  return value === true || value === 'true';
}

/** The policy as the awaitify command takes it, engines.node read from the file's package as the command does. */
function policyOf(file: JscodeshiftFileInfo, options: JscodeshiftOptions): PolicyOptions & { minNodeMajor?: number } {
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
export function createJscodeshiftTransform(id: string): JscodeshiftTransform {
  return function awaitifyTransform(file, api, options = {}) {
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
