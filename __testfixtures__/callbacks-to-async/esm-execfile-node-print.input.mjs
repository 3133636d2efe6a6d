// Checks: child_process.execFile in an ES module (named import with node: prefix), running
// node itself; the multi-value callback (err, stdout, stderr) maps to { stdout, stderr }.
import { execFile } from 'node:child_process';

execFile(process.execPath, ['-e', 'console.log(6 * 7)'], (err, stdout, stderr) => {
  if (err) throw err;
  console.log('child stdout:', JSON.stringify(stdout));
  console.log('child stderr:', JSON.stringify(stderr));
});
console.log('after execFile call');
