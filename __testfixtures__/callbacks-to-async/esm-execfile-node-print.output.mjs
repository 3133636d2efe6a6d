// Checks: child_process.execFile in an ES module (named import with node: prefix), running
// node itself; the multi-value callback (err, stdout, stderr) maps to { stdout, stderr }.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
const execFileAsync = promisify(execFile);

(async () => {
  const { stdout, stderr } = await execFileAsync(process.execPath, ['-e', 'console.log(6 * 7)']);
  console.log('child stdout:', JSON.stringify(stdout));
  console.log('child stderr:', JSON.stringify(stderr));
})();

console.log('after execFile call');
