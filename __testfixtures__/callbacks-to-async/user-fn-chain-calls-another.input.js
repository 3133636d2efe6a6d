// Checks: one callback function calls another (converted first) and hands its own callback to
// fs.writeFile; both become async, the second awaits the first.
const fs = require('fs');

function readConfig(path, cb) {
  fs.readFile(path, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, JSON.parse(text));
  });
}

function copyConfig(from, to, callback) {
  readConfig(from, (err, config) => {
    if (err) return callback(err);
    console.log('copying', config.name);
    fs.writeFile(to, JSON.stringify(config), callback);
  });
}

copyConfig('config.json', 'copy.json', (err) => {
  if (err) throw err;
  console.log('copied:', fs.readFileSync('copy.json', 'utf8').length, 'bytes');
});
console.log('after copyConfig call');
