import jscodeshift from 'jscodeshift';
import type { ConvertedApi, FileResult, Finding, NodeRequirement, TransformOptions, TransformSourceOptions } from '../types';
import { selectTransforms } from '../transforms';
import { mayApply } from '../transforms/triggers';
import { setOptionalCatchBindings } from '../transforms/shared/ast';
import { createParser, resolveParserName, type SourceParser } from './parse';
import { compareFindings, toFinding } from './findings';
import { FileAnalysis } from '../timing/scan';
import { asyncAwaitRequirement, highestRequirement, resolveAllow, resolveTargetNode } from './policy';
import { printRoot } from './print';
import { restoreFileStyleChecked } from './restore-style';
import { settleExpectErrors } from './expect-errors';
import { importedHelpers } from '../transforms/callbacks-to-async/local-helpers';
import { joinSource, splitSource } from './source-text';
import { applySuppressions, findSkipLines, findSuppressions } from './suppressions';

export const defaultTransformOptions: TransformOptions = {
  allow: [],
  api: 'dual',
  target: 'auto',
};

interface ParseErrorLike {
  message: string;
  loc?: { line: number; column: number };
}

/**
 * Runs the chosen transforms over one file's text. Pure: no files, no printing.
 * Output that does not parse again is never returned as a change.
 */
export function transformSource(source: string, options: TransformSourceOptions = {}): FileResult {
  const path = options.path ?? 'input.js';
  const transformOptions: TransformOptions = {
    allow: resolveAllow(options.allow ?? defaultTransformOptions.allow, options.strict),
    allowedByName: options.allow ?? defaultTransformOptions.allow,
    api: options.api ?? defaultTransformOptions.api,
    target: options.target ?? defaultTransformOptions.target,
    minNodeMajor: resolveTargetNode(options, undefined),
    externalApis: options.externalApis,
    resolvedCalls: options.resolvedCalls,
    packageCallees: options.packageCallees,
    promiseOnly: options.promiseOnly,
    droppedMethods: options.droppedMethods,
    helperModule: options.helperModule,
    dependencies: options.dependencies,
    gracefulFs: options.gracefulFs,
    moduleAliases: options.moduleAliases,
    memberAliases: options.memberAliases,
    sourceSummaries: options.sourceSummaries,
  };
  const frame = splitSource(source);
  const parserName = resolveParserName(options.parser, path);
  const parser = createParser(parserName);
  // The parse recast needs anyway decides first whether any transform may find something here.
  const bare = parseOrUndefined(parser, frame.body);
  const selected = selectTransforms(options.transforms);
  if (bare && options.firstPass !== false && !options.analyze && !mayApply(bare.program, selected.map((transform) => transform.meta.id), transformOptions)) {
    return { path, status: 'unchanged', source, findings: [] };
  }
  const j = jscodeshift.withParser(reusing(parser, frame.body, bare));

  let root;
  try {
    root = j(frame.body);
  } catch (error) {
    const parseError = error as ParseErrorLike;
    return {
      path,
      status: 'error',
      source,
      findings: [],
      error: {
        message: `${path}: cannot parse: ${parseError.message}`,
        line: parseError.loc?.line,
        column: parseError.loc ? parseError.loc.column + 1 : undefined,
      },
    };
  }

  const suppressions = findSuppressions(frame.body);
  const skipLines = findSkipLines(suppressions);
  if (skipLines.size > 0) transformOptions.skipLines = skipLines;
  const analysis = options.analyze ? new FileAnalysis(root.get().value) : undefined;
  const program = root.get().value.program;
  setOptionalCatchBindings(program, true);
  const findings: Finding[] = [];
  let changed = false;
  const ownAsyncFunctions = new WeakSet<object>();
  const convertedApis: ConvertedApi[] = [];
  const requirements: NodeRequirement[] = [asyncAwaitRequirement];
  for (const transform of selected) {
    const ran = transform.run({
      j,
      root,
      path,
      source: frame.body,
      options: transformOptions,
      ownAsyncFunctions,
      convertedApis,
      requireNode: (major, feature) => requirements.push({ major, feature }),
      report: (input) => {
        const finding = toFinding(input, path, transform.meta.id);
        findings.push(finding);
        analysis?.record(finding, input);
      },
    });
    changed = changed || ran;
    // The next transform starts from fresh paths: paths under code a transform moved keep the
    // scopes read before the move (a clearInterval could go unseen until a second run).
    if (ran) root = j(root.get().value);
  }
  setOptionalCatchBindings(program, false);
  findings.sort(compareFindings);

  const kept = applySuppressions(findings, suppressions);
  /** What every result after the transforms carries: the findings kept, the silenced ones, the analysis. */
  const finish = (result: Omit<FileResult, 'findings'>): FileResult => ({
    ...result,
    findings: kept.findings,
    ...(kept.suppressed.length > 0 && { suppressed: kept.suppressed }),
    ...(convertedApis.length > 0 && result.status === 'changed' && { convertedApis }),
    ...(analysis && { scan: analysis.finish(root.get().value, kept.findings, result.status === 'changed') }),
  });
  if (kept.fallback) return finish({ path, status: 'skipped', source, reason: kept.fallback });
  if (!changed) return finish({ path, status: 'unchanged', source });
  const restored = restoreFileStyleChecked(frame.body, printRoot(root, frame), parser);
  const printed = settleExpectErrors(frame.body, restored.text, path);
  const output = joinSource(frame, printed);
  if (output === source) return finish({ path, status: 'unchanged', source });
  // The style pass parsed what it returns, as a rule: a parse more is needed only when it could not.
  // settleExpectErrors only moves or drops comments, but a text it changed was not parsed.
  if (!restored.parses || printed !== restored.text) {
    try {
      createParser(parserName, { tokens: false }).parse(printed);
    } catch (error) {
      return finish({
        path,
        status: 'error',
        source,
        error: { message: `${path}: the rewrite produced code that does not parse, so nothing was changed (${(error as Error).message})` },
      });
    }
  }
  const helpers = options.helperModule ? importedHelpers(program, options.helperModule) : [];
  return finish({ path, status: 'changed', source, output, nodeFloor: highestRequirement(requirements), ...(helpers.length > 0 && { helpers }) });
}

/** The parse, or undefined when it fails: recast's own parse then fails the same way and the error result is made as always. */
function parseOrUndefined(parser: SourceParser, text: string): any {
  try {
    return parser.parse(text);
  } catch {
    return undefined;
  }
}

/** A parser that hands recast the tree already parsed from `text` once, and parses anything else. */
function reusing(parser: SourceParser, text: string, tree: any): SourceParser {
  let pending = tree;
  return {
    parse(source: string) {
      if (pending === undefined || source !== text) return parser.parse(source);
      const reused = pending;
      pending = undefined;
      return reused;
    },
  };
}
