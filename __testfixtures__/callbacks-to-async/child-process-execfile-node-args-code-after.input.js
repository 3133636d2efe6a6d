// Checks: child_process.execFile (namespace require) with an args array and options (cwd),
// `if (err) throw err;`, and code after the call; stderr is not a parameter of the callback.
const childProcess = require('child_process');

const script = "console.log(require('fs').readdirSync('data').sort().join(' '))";
childProcess.execFile(process.execPath, ['-e', script], { cwd: process.cwd() }, (err, stdout) => {
  if (err) throw err;
  console.log('child listed:', stdout.trim());
});
console.log('after execFile call');
const started = 'child started';
console.log(started);
