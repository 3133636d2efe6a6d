// Checks: mkdirp 1 and later returns a promise and takes no callback: a call with one was
// written for another major; it is refused with the reason, never wrapped.
// awaitify-fixture: options {"dependencies": {"mkdirp": "^1.0.4"}}
// awaitify-fixture: no-run (the mkdirp installed here is 0.5: the code runs against another major)
const mkdirp = require('mkdirp');

mkdirp('out', (err) => {
  if (err) throw err;
  console.log('made');
});
