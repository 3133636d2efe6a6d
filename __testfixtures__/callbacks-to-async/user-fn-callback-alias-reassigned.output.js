// Checks: `var callback = cb || function () {}` is not read as the callback when the alias is
// reassigned afterwards (it may call something else): `save` stays callback-style (refused, with the
// reason), and only the fs call inside it is converted on the spot.
const fsp = require('fs/promises');

function save(file, text, cb) {
  var callback = cb || function () {};
  if (text.length === 0) callback = function () { console.log('nothing to save'); };
  (async () => {
    try {
      await fsp.writeFile(file, text);
    } catch (err) { return callback(err); }
    return callback(null);
  })();
}

save('out.txt', 'hello', function (err) {
  console.log('saved:', err);
  save('out.txt', '', function () {
    console.log('never printed');
  });
});
