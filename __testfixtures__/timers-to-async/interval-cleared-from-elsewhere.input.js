// Checks: an interval cleared from outside its callback (here an immediate queued by the
// second tick) becomes a loop on an AbortController's signal: the pending wait is cancelled at
// once, so the process exits right after the clear instead of one interval later.
const log = (message) => console.log(message);

let beats = 0;
let clearedAt = 0;
const heartbeat = setInterval(() => {
  beats += 1;
  log(`beat ${beats}`);
  if (beats === 2) {
    setImmediate(() => {
      clearInterval(heartbeat);
      clearedAt = Date.now();
      log('cleared');
    });
  }
}, 100);
process.on('exit', () => log(`exited before another interval: ${Date.now() - clearedAt < 100}`));
