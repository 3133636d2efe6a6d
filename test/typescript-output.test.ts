import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

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
