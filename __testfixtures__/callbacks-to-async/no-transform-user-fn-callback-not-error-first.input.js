// Checks (refusal): `done(length)` passes a result first, not an error: the function is not an
// error-first callback API and stays as it is (timing/error-not-first-parameter).
function lengthLater(path, done) {
  setImmediate(() => done(path.length));
}

lengthLater('missing.txt', (length) => console.log('length:', length));
