// Checks: the shift nested in `if (options) { … } else { options = {} }` (write-file-atomic's
// shape): a function is truthy, so the shift is read first; the default `{}` is what an
// undefined `options` got before too (no finding), and the string case stays in the body.
const fsp = require('fs/promises');

async function writeNote(file, data, options = {}) {
  if (options) {
    if (typeof options === 'string') {
      options = { encoding: options };
    }
  } else {
    options = {};
  }
  await fsp.writeFile(file, data, options.encoding || 'utf8');
  return options.encoding || 'default';
}

(async () => {
  let err = null;
  let used;
  try {
    used = await writeNote('a.txt', 'one');
  } catch (caught) {
    err = caught;
  }
  console.log('no options:', err, used);
  (async () => {
    let err = null;
    let used;
    try {
      used = await writeNote('b.txt', 'two', 'latin1');
    } catch (caught) {
      err = caught;
    }
    console.log('string options:', err, used);
    (async () => {
      let err = null;
      try {
        await writeNote('no-such-dir/c.txt', 'three', undefined);
      } catch (caught) {
        err = caught;
      }
      console.log('undefined options:', err.code);
    })();
  })();
})();
