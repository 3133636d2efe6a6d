// Checks: a callback function whose body uses async.eachLimit (which needs the local mapLimit
// helper) followed by another callback function: adding the helper must not move the
// statements under the conversion of the second function (each is converted exactly once).
const async = require('async');
const fs = require('fs');

function sizes(files, cb) {
  const out = {};
  async.eachLimit(files, 2, (file, done) => {
    fs.stat(file, (err, stats) => {
      if (err) return done(err);
      out[file] = stats.size;
      done();
    });
  }, (err) => {
    if (err) return cb(err);
    cb(null, Object.keys(out).sort().map((key) => out[key]));
  });
}

function firstLine(path, cb) {
  fs.readFile(path, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.split('\n')[0]);
  });
}

sizes(['data/a.txt', 'data/b.txt'], (err, list) => {
  if (err) throw err;
  console.log('sizes:', list);
  firstLine('input.txt', (err, line) => {
    if (err) throw err;
    console.log('first line:', line);
  });
});
