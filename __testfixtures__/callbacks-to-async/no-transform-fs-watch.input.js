// Checks (refusal): fs.watch takes a listener that runs once per change event, not a one-shot
// error-first callback. The watcher is not persistent and nothing changes, so it never fires.
const fs = require('fs');

fs.watch('data', { persistent: false }, (eventType, filename) => {
  console.log('change:', eventType, filename);
});
console.log('watching data/ without keeping the process alive');
