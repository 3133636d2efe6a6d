// Checks (refusal): an async.whilst test without a callback parameter is the async v2 style,
// which async v3 treats differently (it waits for a callback that never comes); what the code
// does depends on the installed version, so the call is left as it is.
// awaitify-fixture: no-run with async v3 installed this loop never finishes its first test
const async = require('async');

let round = 0;
async.whilst(() => round < 2, (cb) => {
  round += 1;
  setImmediate(() => cb());
}, () => console.log('done'));
