// Checks: a local step function that calls the callback (`function makeFile() { … cb(…) }`),
// called at the tails of several branches (fs-extra's createFile), becomes an async function
// with the API that holds it; each call of it is `return await makeFile()` where it was made.
const fs = require('fs');
const path = require('path');

function createFile(file, callback) {
  function makeFile() {
    fs.writeFile(file, '', function (err) {
      if (err) return callback(err);
      callback();
    });
  }

  fs.exists(file, function (fileExists) {
    if (fileExists) return callback();
    var dir = path.dirname(file);
    fs.exists(dir, function (dirExists) {
      if (dirExists) return makeFile();
      fs.mkdir(dir, { recursive: true }, function (err) {
        if (err) return callback(err);
        makeFile();
      });
    });
  });
}

function copyLines(from, to, limit, cb) {
  function write(text) {
    fs.writeFile(to, text, function (err) {
      if (err) return cb(err);
      cb(null, text.length);
    });
  }
  fs.readFile(from, 'utf8', function (err, text) {
    if (err) return cb(err);
    if (limit) {
      write(text.split('\n').slice(0, limit).join('\n'));
    } else {
      write(text);
    }
  });
}

module.exports = { createFile, copyLines };

setTimeout(() => console.log('timer'), 0);
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise job'));
createFile('made/deep/new.txt', (err) => {
  console.log('created:', err || 'no error', fs.readdirSync('made/deep'));
  createFile('input.txt', (err) => {
    console.log('exists:', err || 'no error');
    createFile('input.txt/x/y', (err) => {
      console.log('cannot:', err.code);
      copyLines('input.txt', 'made/two.txt', 2, (err, n) => {
        console.log('copied:', err, n);
        copyLines('input.txt', 'made/all.txt', 0, (err, n) => console.log('all:', err, n));
      });
    });
  });
});
console.log('started');
