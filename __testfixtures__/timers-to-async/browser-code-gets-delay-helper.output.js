// Checks: a file with no sign of Node (no require, process or core module import) is browser
// code: the chain waits through a small delay helper built on the global setTimeout. The plain
// timer is started by step 1 with step 2's timer, so their order needs no margin.
function delay(ms, value) {
  return new Promise((resolve) => setTimeout(resolve, ms, value));
}

const log = (message) => console.log(message);

log('start');

(async () => {
  await delay(5);
  log('step 1');
  setTimeout(() => log('plain timer, 50 ms after step 1'), 50);
  const color = await delay(5, 'blue');
  log(`step 2: ${color}`);
})();
Promise.resolve().then(() => log('promise job'));
