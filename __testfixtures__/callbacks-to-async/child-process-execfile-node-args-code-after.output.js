// Checks: child_process.execFile (namespace require) with an args array and options (cwd),
// `if (err) throw err;`, and code after the call; stderr is not a parameter of the callback.
const childProcess = require('child_process');
const { promisify } = require('util');

const execFileAsync = promisify(childProcess.execFile);

const script = "console.log(require('fs').readdirSync('data').sort().join(' '))";

(async () => {
  const { stdout } = await execFileAsync(process.execPath, ['-e', script], { cwd: process.cwd() });
  console.log('child listed:', stdout.trim());
})();

console.log('after execFile call');
const started = 'child started';
console.log(started);
