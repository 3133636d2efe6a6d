// Checks: a throw in a timer callback was an uncaught exception; after the rewrite it rejects
// the async flow, which Node reports as an unhandled rejection: the process still prints the
// lines before it and exits with code 1.
// awaitify-fixture: expect-exit 1
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const log = (message) => console.log(message);

(async () => {
  await delay(5);
  log('first');
  await delay(5);
  log('second');
  throw new Error('timer failed');
})();
log('scheduled');
