// A small note store, the multi-file package of examples/: callback APIs that call each
// other (readNote, writeNote, appendLine), an optional argument (listNotes), a timer that
// calls back (remindLater). index.js adds an API on top; ../notes-demo.js is an outside caller.
const fs = require('fs');
const path = require('path');

function notePath(dir, name) {
  return path.join(dir, `${name}.txt`);
}

function readNote(dir, name, cb) {
  fs.readFile(notePath(dir, name), 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.trim());
  });
}

function writeNote(dir, name, text, cb) {
  fs.writeFile(notePath(dir, name), `${text}\n`, (err) => {
    if (err) return cb(err);
    cb(null);
  });
}

function appendLine(dir, name, line, cb) {
  readNote(dir, name, (err, text) => {
    if (err) return cb(err);
    writeNote(dir, name, `${text}\n${line}`, cb);
  });
}

function listNotes(dir, opts, cb) {
  if (typeof opts === 'function') {
    cb = opts;
    opts = {};
  }
  fs.readdir(dir, (err, names) => {
    if (err) return cb(err);
    const notes = names.filter((name) => name.endsWith('.txt')).map((name) => name.slice(0, -4)).sort();
    cb(null, opts.limit ? notes.slice(0, opts.limit) : notes);
  });
}

function remindLater(dir, name, ms, cb) {
  setTimeout(() => {
    readNote(dir, name, cb);
  }, ms);
}

module.exports = { readNote, writeNote, appendLine, listNotes, remindLater };
