// Checks: a callback whose value shadows a parameter that the call reads is left with its
// function when another function reads the parameter (`asked`, called from the callback): set
// in place of a new binding, it would give the callback's value, not the argument. describe
// keeps its callback (kindOf converts, and describe calls it through the dual API).
const fs = require('fs');

function kindOf(file, type, cb) {
  fs.stat(file, (err, stat) => {
    if (err) return cb(err);
    cb(null, type || (stat.isFile() ? 'file' : 'dir'));
  });
}

function describe(file, type, cb) {
  const asked = () => type;
  kindOf(file, type, (err, type) => {
    if (err) return cb(err);
    cb(null, `${file} is a ${type}, asked for ${asked()}`);
  });
}
module.exports = describe;

describe('input.txt', undefined, (err, label) => {
  console.log('no type:', err, label);
  describe('data', 'folder', (err, label) => console.log('given type:', err, label));
});
Promise.resolve().then(() => console.log('promise job'));
console.log('started');
