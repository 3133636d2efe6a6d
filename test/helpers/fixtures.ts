import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Finding } from '../../src/types';

/**
 * Fixture layout: `__testfixtures__/<transformId>/<name>.input.<ext>` with an optional
 * `<name>.output.<ext>` (the expected rewrite, byte for byte) and an optional
 * `<name>.findings.json` (the expected findings as a set of `{ ruleId, messageId, line, column,
 * applied }`; every fixture has one, `[]` when there are none).
 * A `no-transform-<reason>` fixture has no output file: the transform must leave it unchanged.
 */
export const fixturesRoot = resolve(__dirname, '../../__testfixtures__');

export const fixtureExtensions = ['js', 'cjs', 'mjs', 'ts', 'tsx'] as const;
export type FixtureExtension = (typeof fixtureExtensions)[number];

/**
 * Extensions test/execution runs: js, cjs, mjs as they are (module type from the extension:
 * .mjs is ESM), ts and tsx through a transpile step (test/execution/transpile.ts).
 */
export const runnableExtensions: readonly FixtureExtension[] = ['js', 'cjs', 'mjs', 'ts', 'tsx'];

export const noTransformPrefix = 'no-transform-';

/** A fixture containing this comment is not executed by test/execution. */
export const noRunMarker = '// awaitify-fixture: no-run';

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const inputPattern = new RegExp(`^(.+)\\.input\\.(${fixtureExtensions.join('|')})$`);
const outputPattern = new RegExp(`^(.+)\\.output\\.(${fixtureExtensions.join('|')})$`);
const findingsPattern = /^(.+)\.findings\.json$/;

export interface Fixture {
  transformId: string;
  /** The behaviour name: the file name before `.input.`. */
  name: string;
  ext: FixtureExtension;
  /** `<transformId>/<name>.input.<ext>`, for test titles. */
  id: string;
  inputPath: string;
  outputPath: string;
  findingsPath: string;
  /** The path transformSource is given: `<name>.input.<ext>`. */
  inputFileName: string;
  outputFileName: string;
  hasOutput: boolean;
  hasFindings: boolean;
  isNoTransform: boolean;
}

/**
 * The projection of a finding that fixtures pin down. `messageId` pins the reason, not only the
 * rule; a message that wraps another (`asyncTaskRefused`) reads `<id>:<reasonId>`.
 */
export interface ExpectedFinding {
  ruleId: string;
  messageId: string;
  line: number;
  column: number;
  applied: boolean;
}

export function isKebabCase(name: string): boolean {
  return kebabCase.test(name);
}

export function isNoTransformName(name: string): boolean {
  return name.startsWith(noTransformPrefix);
}

/** The transform ids that have a fixture folder. */
export function listFixtureTransformIds(root: string = fixturesRoot): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((entry) => statSync(join(root, entry)).isDirectory())
    .sort();
}

/** Every fixture (one per input file), sorted by transform id, then file name. */
export function discoverFixtures(root: string = fixturesRoot): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const transformId of listFixtureTransformIds(root)) {
    const dir = join(root, transformId);
    for (const file of readdirSync(dir).sort()) {
      const match = inputPattern.exec(file);
      if (!match) continue;
      const name = match[1]!;
      const ext = match[2] as FixtureExtension;
      const outputFileName = `${name}.output.${ext}`;
      const outputPath = join(dir, outputFileName);
      const findingsPath = join(dir, `${name}.findings.json`);
      fixtures.push({
        transformId,
        name,
        ext,
        id: `${transformId}/${file}`,
        inputPath: join(dir, file),
        outputPath,
        findingsPath,
        inputFileName: file,
        outputFileName,
        hasOutput: existsSync(outputPath),
        hasFindings: existsSync(findingsPath),
        isNoTransform: isNoTransformName(name),
      });
    }
  }
  return fixtures;
}

/**
 * Problems with the layout of one transform's fixture folder: files that belong to no input,
 * and names used by two inputs (their findings.json would be shared). Empty when all is well.
 */
export function findLayoutProblems(root: string = fixturesRoot): string[] {
  const problems: string[] = [];
  for (const transformId of listFixtureTransformIds(root)) {
    const dir = join(root, transformId);
    const files = readdirSync(dir).sort();
    const inputs = new Map<string, string[]>();
    for (const file of files) {
      const match = inputPattern.exec(file);
      if (match) inputs.set(match[1]!, [...(inputs.get(match[1]!) ?? []), match[2]!]);
    }
    for (const [name, exts] of inputs) {
      if (exts.length > 1) problems.push(`${transformId}/${name}: one name, several inputs (${exts.join(', ')})`);
    }
    for (const file of files) {
      if (inputPattern.test(file)) continue;
      const output = outputPattern.exec(file);
      if (output) {
        if (!inputs.get(output[1]!)?.includes(output[2]!)) {
          problems.push(`${transformId}/${file}: output without ${output[1]}.input.${output[2]}`);
        }
        continue;
      }
      const findings = findingsPattern.exec(file);
      if (findings) {
        if (!inputs.has(findings[1]!)) problems.push(`${transformId}/${file}: findings without an input`);
        continue;
      }
      problems.push(`${transformId}/${file}: not <name>.input|output.<${fixtureExtensions.join('|')}> or <name>.findings.json`);
    }
  }
  return problems;
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

function compareExpected(a: ExpectedFinding, b: ExpectedFinding): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.messageId.localeCompare(b.messageId) ||
    Number(a.applied) - Number(b.applied)
  );
}

/** Findings as a set: projected to the pinned keys, without duplicates, in a fixed order. */
export function toFindingSet(findings: readonly ExpectedFinding[]): ExpectedFinding[] {
  const seen = new Map<string, ExpectedFinding>();
  for (const { ruleId, messageId, line, column, applied } of findings) {
    const projected = { ruleId, messageId, line, column, applied };
    seen.set(JSON.stringify(projected), projected);
  }
  return [...seen.values()].sort(compareExpected);
}

/** A finding's message id as fixtures pin it; `(none)` for a finding made without one. */
export function pinnedMessageId(finding: Finding): string {
  if (finding.messageId === undefined) return '(none)';
  const reasonId = finding.data?.reasonId;
  return typeof reasonId === 'string' ? `${finding.messageId}:${reasonId}` : finding.messageId;
}

export function projectFindings(findings: readonly Finding[]): ExpectedFinding[] {
  return toFindingSet(findings.map((finding) => ({ ...finding, messageId: pinnedMessageId(finding) })));
}

/** Reads and checks a findings.json file; throws with the file name when it is malformed. */
export function readExpectedFindings(path: string): ExpectedFinding[] {
  const data: unknown = JSON.parse(readText(path));
  if (!Array.isArray(data)) throw new Error(`${path}: expected an array of findings`);
  return toFindingSet(
    data.map((entry: unknown, index) => {
      const item = entry as Partial<ExpectedFinding> | null;
      if (
        !item ||
        typeof item.ruleId !== 'string' ||
        typeof item.messageId !== 'string' ||
        typeof item.line !== 'number' ||
        typeof item.column !== 'number' ||
        typeof item.applied !== 'boolean'
      ) {
        throw new Error(`${path}[${index}]: expected { ruleId: string, messageId: string, line: number, column: number, applied: boolean }`);
      }
      return { ruleId: item.ruleId, messageId: item.messageId, line: item.line, column: item.column, applied: item.applied };
    }),
  );
}

export function formatFindings(findings: readonly ExpectedFinding[]): string {
  return JSON.stringify(toFindingSet(findings), null, 2) + '\n';
}

/** `UPDATE=1` rewrites expected outputs and findings from the current transform, on purpose. */
export function isUpdateMode(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.UPDATE;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

export function hasNoRunMarker(source: string): boolean {
  return source.includes(noRunMarker);
}

/**
 * The exit code a runnable fixture's input must end with: 0, unless the fixture says
 * `// awaitify-fixture: expect-exit <n>` (for example a throw-style error path that crashes).
 */
export function expectedExitCode(source: string): number {
  const match = /\/\/ awaitify-fixture: expect-exit (\d+)/.exec(source);
  return match ? Number(match[1]) : 0;
}

/**
 * Transform options a fixture asks for with `// awaitify-fixture: options {"allow": [...]}`
 * (JSON on the rest of the line), for behaviour that only an option turns on.
 */
export function fixtureOptions(source: string): {
  allow?: string[];
  api?: 'dual' | 'promise';
  target?: 'auto' | 'node' | 'browser';
  strict?: boolean;
  nodeVersion?: string;
  dependencies?: Record<string, string>;
  gracefulFs?: boolean;
} {
  const match = /\/\/ awaitify-fixture: options (.+)$/m.exec(source);
  return match ? JSON.parse(match[1]) : {};
}

/**
 * `// awaitify-fixture: output-differs <rule-id>`: the fixture converts with an --allow, and
 * its output runs differently from the input in the way the named (applied) finding reports:
 * the same lines and exit, in another order. The execution test requires exactly that.
 */
export function expectedOutputDifference(source: string): string | undefined {
  return /\/\/ awaitify-fixture: output-differs (\S+)/.exec(source)?.[1];
}
