import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jscodeshift from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import { transformSource } from '../src/engine/transform-source';
import type { AnyNode } from '../src/transforms/shared/ast';
import { compareTraces, describeComparison, flaggedSpans, tracedRun } from './execution/flagged-difference';
import { runScript } from './execution/harness';

// What fixtures cannot say: a default run (every transform) over a file that mixes callbacks,
// promise wrappers and chains leaves no .then/.catch/.finally without a finding at its line,
// and runs as the input did.

const mixedPath = join(__dirname, 'then-to-await', 'mixed-callbacks-wrappers-chains.js');
const mixed = readFileSync(mixedPath, 'utf8');
const j = jscodeshift.withParser('babel');

interface LinkCall {
  method: string;
  line: number;
  /** The call's source from its method name on (`then((text) => …)`): kept byte for byte when the call is left. */
  text: string;
}

function linkCalls(source: string): LinkCall[] {
  const calls: LinkCall[] = [];
  j(source).find(j.CallExpression).forEach((path: AnyNode) => {
    const callee = path.value.callee;
    if (callee.type !== 'MemberExpression' || callee.computed || !['then', 'catch', 'finally'].includes(callee.property.name)) return;
    calls.push({ method: callee.property.name, line: callee.property.loc.start.line, text: source.slice(callee.property.start, path.value.end) });
  });
  return calls;
}

describe('then-to-await in a default run over a mixed file', () => {
  const result = transformSource(mixed, { path: 'mixed.js' });

  it('converts the wrappers, the promisify and the returned or awaited chains', () => {
    expect(result.status).toBe('changed');
    const output = result.output!;
    expect(output).not.toContain('new Promise');
    expect(output).not.toContain('util.promisify(');
    expect(output).toContain('async function lineCount(file)');
    expect(output).toContain('async function firstWord(file)');
    expect(linkCalls(output).length).toBeLessThan(linkCalls(mixed).length);
  });

  it('leaves no .then/.catch/.finally without a finding whose lines cover it', () => {
    const output = result.output!;
    const left = linkCalls(mixed).filter((call) => output.includes(call.text));
    // Every call in the output is one of the input's, left as it was (nothing new was written).
    expect(left.length, 'chain calls in the output').toBe(linkCalls(output).length);
    expect(left.length).toBeGreaterThan(0);
    const unexplained = left.filter((call) => !result.findings.some((finding) => finding.line <= call.line && call.line <= finding.endLine));
    expect(unexplained.map((call) => `${call.line}: .${call.method}`)).toEqual([]);
  });

  it('runs in node as the input did (the flagged-difference rule)', async () => {
    const [before, after] = await Promise.all([runScript(mixed, { ext: 'js' }), runScript(result.output!, { ext: 'js' })]);
    expect(before.exitCode).toBe(0);
    expect(before.stdout).toContain('report done');
    const comparison = compareTraces(tracedRun(before), tracedRun(after), flaggedSpans(result.findings));
    if (!comparison.passes) expect.fail(describeComparison(tracedRun(before), tracedRun(after), comparison));
  });
});
