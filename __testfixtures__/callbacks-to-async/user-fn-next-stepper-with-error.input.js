// Checks: a `next(err)` stepper, called as `next(x)` and handed on as an operation's callback
// (`fs.appendFile(…, next)`), is a loop whose parameter is set before each step; the
// appends stay one after another.
const fs = require('fs');

function appendAll(file, lines, cb) {
  let i = 0;
  function next(er) {
    if (er) return cb(er);
    if (i >= lines.length) return cb(null, i);
    console.log('appending', lines[i]);
    fs.appendFile(file, lines[i++] + '\n', next);
  }
  next();
}
module.exports = appendAll;

appendAll('out.txt', ['one', 'two', 'three'], (err, count) => {
  console.log('appended:', err, count, JSON.stringify(fs.readFileSync('out.txt', 'utf8')));
  appendAll('no-such-dir/out.txt', ['four'], (err) => console.log('failed:', err.code));
});
