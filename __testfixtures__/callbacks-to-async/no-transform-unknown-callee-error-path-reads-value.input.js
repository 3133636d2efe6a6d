// Checks (refusal): an unknown callee may pass values along with its error, and here the error
// path reads one (`made`, as mkdirp 0.5 does). The unknown-callee wrapper would reject with the
// error alone, so the value would be lost: the call is left as it is
// (timing/error-handling-unclear). Found on real code (mkdirp 0.5.6) by bench:real.
function makeMaker() {
  return {
    make(dir, cb) {
      setImmediate(() => cb(new Error('cannot make ' + dir), 'partial/' + dir));
    },
  };
}
const maker = makeMaker();

maker.make('a/b', (err, made) => {
  if (err) {
    console.log('failed after making', made);
    return;
  }
  console.log('made', made);
});
console.log('after make call');
