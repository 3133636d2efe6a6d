// Checks: `module.exports.name = function (…, cb)` converts behind the dual API (callers in
// other files may pass a callback); this file's own call through module.exports keeps working.
const fs = require('fs');

module.exports.countWords = function (path, cb) {
  fs.readFile(path, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.split(/\s+/).filter(Boolean).length);
  });
};

module.exports.countWords('input.txt', (err, words) => {
  if (err) throw err;
  console.log('words:', words);
});
console.log('after countWords call');
