// Checks: a timer that calls back but is followed by more code is left as it is: awaiting the
// timer would move that code after the timer fires.
function tick(label, cb) {
  setTimeout(() => {
    cb(null, label);
  }, 5);
  console.log('scheduled', label);
}

tick('a', (err, label) => {
  console.log('ticked', label);
});
console.log('started');
