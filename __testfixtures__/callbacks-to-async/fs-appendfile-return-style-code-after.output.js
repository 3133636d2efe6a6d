// Checks: fs.appendFile on logs/app.log with the return style and code after the call, then
// the file read back in the success path to show the append happened once.
const fs = require('fs');
const fsp = require('fs/promises');

(async () => {
  try {
    await fsp.appendFile('logs/app.log', '2026-01-01T00:00:02Z appended\n');
  } catch (err) {
    console.error('append failed', err.code);
    return;
  }
  const lines = fs.readFileSync('logs/app.log', 'utf8').trim().split('\n');
  console.log('log now has', lines.length, 'lines; last:', lines[lines.length - 1]);
})();

console.log('append requested');
process.nextTick(() => console.log('nextTick after the call'));
