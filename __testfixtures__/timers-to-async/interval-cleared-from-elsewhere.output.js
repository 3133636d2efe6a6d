// Checks: an interval cleared from outside its callback (here an immediate queued by the
// second tick) becomes a loop on an AbortController's signal: the pending wait is cancelled at
// once, so the process exits right after the clear instead of one interval later.
const { setTimeout } = require('timers/promises');

const log = (message) => console.log(message);

let beats = 0;
let clearedAt = 0;
const heartbeat = new AbortController();

(async () => {
  while (true) {
    try {
      await setTimeout(100, undefined, { signal: heartbeat.signal });
    } catch {
      break;
    }
    beats += 1;
    log(`beat ${beats}`);
    if (beats === 2) {
      setImmediate(() => {
        heartbeat.abort();
        clearedAt = Date.now();
        log('cleared');
      });
    }
  }
})();

process.on('exit', () => log(`exited before another interval: ${Date.now() - clearedAt < 100}`));
