// Checks: in an ES module the body runs inside a promise job, so the nextTick queued by the
// body runs after the promise jobs it queued; the chain's steps keep their places around both.
import { setTimeout } from 'timers/promises';

const log = (message) => console.log(message);

log(`node: ${typeof process.versions.node}`);

(async () => {
  await setTimeout(50);
  log('step 1');
  process.stdout.write('');
  await setTimeout(5);
  log('step 2');
})();
process.nextTick(() => log('next tick'));
Promise.resolve().then(() => log('promise job'));
setImmediate(() => log('immediate'));
