// Checks: child_process.exec of a command that exits with status 3: the error path of the
// `if (err) {…} else {…}` style, reading err.code and the stdout captured before the exit.
const { exec } = require('node:child_process');

exec(`"${process.execPath}" -e "console.log('partial'); process.exit(3)"`, (err, stdout) => {
  if (err) {
    console.log('child failed with code', err.code);
  } else {
    console.log('not reached', stdout);
  }
});
console.log('after exec call');
