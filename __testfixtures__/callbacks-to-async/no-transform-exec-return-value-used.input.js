// Checks (refusal): the ChildProcess that exec returns is used (`const child = exec(...)`),
// so the call cannot become a promise.
const { exec } = require('child_process');

const child = exec(`"${process.execPath}" -e "console.log(5)"`, (err, stdout) => {
  if (err) throw err;
  console.log('stdout:', stdout.trim());
});
console.log('child has a pid:', typeof child.pid === 'number');
child.on('exit', (code) => console.log('exit event, code', code));
