// Checks: a file with no sign of Node (no require, process or core module import) is browser
// code: the chain waits through a small delay helper built on the global setTimeout.
function delay(ms, value) {
  return new Promise((resolve) => setTimeout(resolve, ms, value));
}

const log = (message) => console.log(message);

log('start');

(async () => {
  await delay(5);
  log('step 1');
  const color = await delay(5, 'blue');
  log(`step 2: ${color}`);
})();

Promise.resolve().then(() => log('promise job'));
setTimeout(() => log('plain timer at 60 ms'), 60);
