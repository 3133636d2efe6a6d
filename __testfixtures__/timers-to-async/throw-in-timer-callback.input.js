// Checks: a throw in a timer callback was an uncaught exception; after the rewrite it rejects
// the async flow, which Node reports as an unhandled rejection: the process still prints the
// lines before it and exits with code 1.
// awaitify-fixture: expect-exit 1
const log = (message) => console.log(message);

setTimeout(() => {
  log('first');
  setTimeout(() => {
    log('second');
    throw new Error('timer failed');
  }, 5);
}, 5);
log('scheduled');
