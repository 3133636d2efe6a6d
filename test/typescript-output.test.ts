import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { transformSource } from '../src/engine/transform-source';

const fixturesRoot = resolve(__dirname, '..', '__testfixtures__');

function typeScriptFixtures(kind: 'input' | 'output'): string[] {
  const files: string[] = [];
  for (const transform of readdirSync(fixturesRoot)) {
    for (const name of readdirSync(join(fixturesRoot, transform))) {
      if (new RegExp(`\\.${kind}\\.(ts|tsx|mts|cts)$`).test(name)) files.push(join(fixturesRoot, transform, name));
    }
  }
  return files.sort();
}

/** Each file's diagnostics as `file-stem: TS1234 message`, so inputs and outputs compare. */
function diagnostics(files: string[], kind: 'input' | 'output'): Map<string, Set<string>> {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    jsx: ts.JsxEmit.Preserve,
    types: ['node'],
    typeRoots: [resolve(__dirname, '..', 'node_modules', '@types')],
    skipLibCheck: true,
  });
  const byFile = new Map<string, Set<string>>(files.map((file) => [file.replace(`.${kind}.`, '.'), new Set<string>()]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    if (!diagnostic.file) continue;
    const key = diagnostic.file.fileName.replace(`.${kind}.`, '.');
    byFile.get(resolve(key))?.add(`TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
  }
  return byFile;
}

describe('TypeScript output', () => {
  const inputs = typeScriptFixtures('input');
  const outputs = typeScriptFixtures('output');

  it('has TypeScript fixtures with outputs to check', () => {
    expect(outputs.length).toBeGreaterThanOrEqual(3);
  });

  it('type-checks with no error the input did not already have', () => {
    const before = diagnostics(inputs, 'input');
    const after = diagnostics(outputs, 'output');
    const added: string[] = [];
    for (const [file, errors] of after) {
      for (const error of errors) if (!before.get(file)?.has(error)) added.push(`${file}: ${error}`);
    }
    expect(added).toEqual([]);
  });
});

describe('@ts-expect-error after a rewrite', () => {
  // One directive over a callback whose annotated parameter becomes an annotated const, one over
  // a line inside a callback that comes through unchanged.
  const input = [
    "import * as fs from 'fs';",
    '',
    'export function show(): void {',
    '  // @ts-expect-error the callback says it takes a number',
    "  fs.readFile('a.txt', 'utf8', (err: Error | null, text: number) => {",
    '    if (err) throw err;',
    '    console.log(text);',
    '  });',
    '}',
    '',
    'export function size(path: string, cb: (err: Error | null, size?: number) => void): void {',
    '  fs.stat(path, (err, st) => {',
    '    if (err) return cb(err);',
    '    // @ts-expect-error size is a number, not a string',
    '    const label: string = st.size;',
    '    cb(null, label.length);',
    '  });',
    '}',
    '',
  ].join('\n');

  it('keeps a directive over an unchanged line, moves one to the line that still errors, and tsc agrees', () => {
    // The project's TypeScript is resolved from the file's directory: this repository's.
    const result = transformSource(input, { path: resolve(__dirname, 'expect-error-input.ts') });
    expect(result.status).toBe('changed');
    const output = result.output!;
    expect(output).toContain('  // @ts-expect-error size is a number, not a string\n  const label: string = st.size;');
    expect(output).toMatch(/\(async \(\) => \{\n {4}\/\/ @ts-expect-error the callback says it takes a number\n {4}const text: number = await fsp\.readFile/);
    expect(output.match(/@ts-expect-error/g)).toHaveLength(2);
    const dir = mkdtempSync(join(tmpdir(), 'awaitify-expect-error-'));
    try {
      const [before, after] = [join(dir, 'x.input.ts'), join(dir, 'x.output.ts')];
      writeFileSync(before, input);
      writeFileSync(after, output);
      expect([...diagnostics([before], 'input').values()].flatMap((errors) => [...errors])).toEqual([]);
      expect([...diagnostics([after], 'output').values()].flatMap((errors) => [...errors])).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('removes a directive whose line no longer errors anywhere in its statement', () => {
    const fixed = input.replace('(err: Error | null, text: number)', '(err: Error | null, text: string)');
    const output = transformSource(fixed, { path: resolve(__dirname, 'expect-error-input.ts') }).output!;
    expect(output).not.toContain('the callback says it takes a number');
    expect(output).toContain('// @ts-expect-error size is a number, not a string');
  });
});
