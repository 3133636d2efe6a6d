import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as runAwaitify } from '../../src/engine/run';
import { writeResults } from '../../src/io/write-results';
import type { Finding, Report } from '../../src/types';
import { flaggedSpans, type FlagSpan } from '../execution/flagged-difference';
import { runScript, scriptBaseName, traceLineOffset, type RunOutcome } from '../execution/harness';
import { judgeRuns, type Verdict } from './oracle';
import type { PackageSources } from './print';

/**
 * The oracle for a program of two files (print.ts printPackage): the files are written into a
 * temporary package (a package.json, `fixture.js`, `lib.js`) and rewritten there as `awaitify
 * --write .` does, cross-file conversion included, so the script's calls await the functions
 * that `lib.js` now exports as async ones. The written package (with the helper module the run
 * created, if any) runs in the sandbox beside the original; traces compare under the
 * flagged-difference rule, each file's findings excusing the lines of that file.
 */

/** Runs a program's script with its other files beside it. */
export type PackageRunner = (main: string, others: Readonly<Record<string, string>>) => Promise<RunOutcome>;

export const plainPackageRunner: PackageRunner = (main, others) => runScript(main, { ext: 'js', otherFiles: others });

const mainFile = `${scriptBaseName}.js`;
const libFile = 'lib.js';

/** The traced files in the preload's order: the script, lib.js, then any other (the helper module). */
function traceOrder(names: readonly string[]): string[] {
  return [mainFile, libFile, ...names.filter((name) => name !== mainFile && name !== libFile).sort()];
}

/** The flagged spans of every file, in the line numbering of the trace (harness traceLineOffset). */
function spansOf(report: Report, order: readonly string[]): FlagSpan[] {
  return report.files.flatMap((file) => {
    const offset = traceLineOffset(Math.max(0, order.indexOf(file.path)));
    return flaggedSpans(file.findings).map((span) => ({ ...span, line: span.line + offset, endLine: span.endLine + offset }));
  });
}

const failed = (findings: Finding[], reason: 'crash' | 'unparsable-output' | 'not-idempotent', detail: string, output?: string): Verdict => ({
  kind: 'failed',
  findings,
  reason,
  detail,
  output,
});

async function programFiles(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await readdir(root)) if (/\.[cm]?js$/.test(name)) files[name] = await readFile(join(root, name), 'utf8');
  return files;
}

const shown = (files: Readonly<Record<string, string>>) =>
  traceOrder(Object.keys(files))
    .filter((name) => name in files)
    .map((name) => `// ${name}\n${files[name]}`)
    .join('\n');

export async function judgePackage(sources: PackageSources, run: PackageRunner = plainPackageRunner): Promise<Verdict> {
  const root = await mkdtemp(join(tmpdir(), 'awaitify-fuzz-package-'));
  try {
    await writeFile(join(root, 'package.json'), `${JSON.stringify({ name: 'fuzz-package', version: '1.0.0', private: true }, null, 2)}\n`);
    await writeFile(join(root, mainFile), sources.main);
    await writeFile(join(root, libFile), sources.lib);

    let report: Report;
    try {
      report = await runAwaitify({ paths: ['.'], cwd: root, forWrite: true });
    } catch (error) {
      return failed([], 'crash', (error as Error).stack ?? String(error));
    }
    const findings = report.files.flatMap((file) => file.findings);
    const broken = report.files.find((file) => file.status === 'error');
    if (broken) {
      const message = `${broken.path}: ${broken.error?.message ?? 'unknown error'}`;
      return failed(findings, message.includes('does not parse') ? 'unparsable-output' : 'crash', message);
    }
    if (!report.files.some((file) => file.status === 'changed')) return { kind: 'unchanged', findings };

    const spans = spansOf(report, traceOrder(report.files.map((file) => file.path)));
    const written = await writeResults(report);
    const notWritten = written.files.find((file) => file.status === 'error');
    if (notWritten) return failed(findings, 'crash', `--write failed: ${notWritten.path}: ${notWritten.error?.message}`);
    const after = await programFiles(root);
    const output = shown(after);

    let again: Report;
    try {
      again = await runAwaitify({ paths: ['.'], cwd: root });
    } catch (error) {
      return failed(findings, 'crash', `on the second run: ${(error as Error).stack ?? String(error)}`, output);
    }
    const changedAgain = again.files.filter((file) => file.status !== 'unchanged');
    if (changedAgain.length > 0) {
      const detail = changedAgain.map((file) => `${file.path} (${file.status}):\n${file.output ?? file.error?.message ?? file.reason ?? ''}`).join('\n');
      return failed(findings, 'not-idempotent', `a second run changes the output again:\n${detail}`, output);
    }

    // Inserted in trace order: the preload numbers the files as the runner lists them.
    const othersAfter = Object.fromEntries(traceOrder(Object.keys(after)).slice(1).filter((name) => name in after).map((name) => [name, after[name]!]));
    return judgeRuns(
      () => run(sources.main, { [libFile]: sources.lib }),
      () => run(after[mainFile]!, othersAfter),
      spans,
      findings,
      output,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Both files as one text, for reports and saved failures. */
export function showPackage(sources: PackageSources): string {
  return shown({ [mainFile]: sources.main, [libFile]: sources.lib });
}
