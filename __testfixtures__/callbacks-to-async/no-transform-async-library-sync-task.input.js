// Checks (refusal): a waterfall task calls its callback synchronously; as an async function it
// would continue a microtask later, so the whole async.waterfall call is left as it is.
// awaitify-fixture: options {"strict": true}
const async = require('async');
const fs = require('fs');

async.waterfall([
  (next) => fs.readFile('config.json', 'utf8', next),
  (text, next) => next(null, JSON.parse(text).name),
], (err, name) => {
  if (err) throw err;
  console.log('name:', name);
});
