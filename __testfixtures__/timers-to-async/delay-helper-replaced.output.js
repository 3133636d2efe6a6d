// Checks: a promise delay helper in Node code is replaced by timers/promises setTimeout,
// which resolves at the same moment; an inline `new Promise(…setTimeout…)` delay too.
const { setTimeout: sleep } = require('timers/promises');

const log = (message) => console.log(message);

async function main() {
  log('before sleep');
  await sleep(10);
  log('after sleep');
  await sleep(10);
  log('after inline delay');
}

main();
setTimeout(() => log('plain timer at 10 ms'), 10);
process.nextTick(() => log('next tick'));
