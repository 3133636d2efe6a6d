// Checks: the shift nested in `if (options) { … } else { options = {} }` (write-file-atomic's
// shape): a function is truthy, so the shift is read first; the default `{}` is what an
// undefined `options` got before too (no finding), and the string case stays in the body.
const fs = require('fs');

function writeNote(file, data, options, callback) {
  if (options) {
    if (options instanceof Function) {
      callback = options;
      options = {};
    } else if (typeof options === 'string') {
      options = { encoding: options };
    }
  } else {
    options = {};
  }
  fs.writeFile(file, data, options.encoding || 'utf8', (err) => {
    if (err) return callback(err);
    callback(null, options.encoding || 'default');
  });
}

writeNote('a.txt', 'one', (err, used) => {
  console.log('no options:', err, used);
  writeNote('b.txt', 'two', 'latin1', (err, used) => {
    console.log('string options:', err, used);
    writeNote('no-such-dir/c.txt', 'three', undefined, (err) => {
      console.log('undefined options:', err.code);
    });
  });
});
