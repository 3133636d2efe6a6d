// Checks: child_process.exec running node itself (through process.execPath, quoted for the
// shell), throw style; the callback's (err, stdout, stderr) map to { stdout, stderr }.
const { exec } = require('child_process');
const { promisify } = require('util');

const execAsync = promisify(exec);

(async () => {
  const { stdout, stderr } = await execAsync(`"${process.execPath}" -e "console.log(1)"`);
  console.log('stdout:', JSON.stringify(stdout));
  console.log('stderr:', JSON.stringify(stderr));
  setImmediate(() => console.log('body: immediate'));
})();

console.log('after exec call');
process.nextTick(() => console.log('nextTick after the call'));
Promise.resolve().then(() => console.log('promise job after the call'));
