// Checks: a callback handed to a callback function of this file in another parameter's place
// (cmd-shim's `writeShim_(from, to, null, null, cb)`, one argument short) is refused with
// timing/callback-stored-or-escaping (handedNotAsCallback), naming both positions.
const fs = require('fs');

function writeNote(to, text, mode, cb) {
  var then = after(cb);
  fs.writeFile(to, text, then);
}

function after(cb) {
  return function (er) {
    if (typeof cb === 'function') cb(er);
  };
}

function writeShort(to, text, cb) {
  fs.stat(to, function (er) {
    if (!er) return cb(null, 'exists');
    writeNote(to, text, cb);
  });
}

writeShort('input.txt', 'x', (er, how) => {
  console.log('input:', er, how);
  writeShort('note.txt', 'note', () => console.log('never called'));
});
process.on('exit', () => console.log('written:', fs.readFileSync('note.txt', 'utf8')));
