import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAwaitify } from './helpers/cli';
import { makeTree, removeTrees } from './temp-trees';

// After --write the findings point into the written file (src/engine/written-positions.ts),
// with the position in the file as it was read kept in `before`.

afterAll(removeTrees);

const source = [
  "const fs = require('fs');",
  '',
  "console.log('start');",
  "fs.readFile(__filename, 'utf8', (err, text) => {",
  '  if (err) throw err;',
  '  // the length',
  '  console.log(text.length > 0);',
  '});',
  "console.log('end');",
  '',
].join('\n');

interface JsonFinding {
  ruleId: string;
  line: number;
  column: number;
  before?: { line: number; column: number };
}

describe('positions after --write', () => {
  it('point into the written file, and say where the spot was before', async () => {
    const root = await makeTree({ 'a.js': source });
    const result = await runAwaitify(root, ['a.js', '--write', '--force', '--report', 'json']);
    expect(result.code, result.stderr).toBeLessThan(2);
    const written = (await fs.readFile(path.join(root, 'a.js'), 'utf8')).split('\n');
    const [file] = (JSON.parse(result.stdout) as { files: Array<{ findings: JsonFinding[] }> }).files;
    const moved = file.findings.find((finding) => finding.ruleId === 'timing/throw-becomes-rejection')!;
    expect(moved.before).toEqual(expect.objectContaining({ line: 5, column: 7 }));
    // `if (err) throw err` is gone: the finding points at the code that took its place.
    expect(written[moved.line - 1].slice(moved.column - 1)).toBe('console.log(text.length > 0);');
    const call = file.findings.find((finding) => finding.ruleId === 'timing/callback-moved-to-microtask')!;
    expect(written[call.line - 1].slice(call.column - 1)).toMatch(/^\(async \(\) => \{$/);
  });

  it('are those of the file as read in a dry run', async () => {
    const root = await makeTree({ 'a.js': source });
    const result = await runAwaitify(root, ['a.js', '--report', 'json']);
    const [file] = (JSON.parse(result.stdout) as { files: Array<{ findings: JsonFinding[] }> }).files;
    const throwing = file.findings.find((finding) => finding.ruleId === 'timing/throw-becomes-rejection')!;
    expect([throwing.line, throwing.column, throwing.before]).toEqual([5, 7, undefined]);
  });
});
