import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { main } from '../../src/cli/program';

export const projectRoot = path.resolve(__dirname, '../..');
export const builtBin = path.join(projectRoot, 'dist/bin/awaitify.js');

export interface CliOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built command as a user would (npm run build first), in CI mode without colour. */
export function spawnAwaitify(cwd: string, args: string[]): CliOutcome {
  const result = spawnSync(process.execPath, [builtBin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs main() in-process, not on a terminal, with captured output. */
export async function runAwaitify(cwd: string, args: string[]): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    env: {},
    cwd,
  });
  return { code, stdout, stderr };
}
