// Checks: child_process.exec of a command that exits with status 3: the error path of the
// `if (err) {…} else {…}` style, reading err.code and the stdout captured before the exit.
const { exec } = require('node:child_process');
const { promisify } = require('node:util');

const execAsync = promisify(exec);

(async () => {
  let stdout;
  try {
    ({ stdout } = await execAsync(`"${process.execPath}" -e "console.log('partial'); process.exit(3)"`));
  } catch (err) {
    console.log('child failed with code', err.code);
    return;
  }
  console.log('not reached', stdout);
})();

console.log('after exec call');
