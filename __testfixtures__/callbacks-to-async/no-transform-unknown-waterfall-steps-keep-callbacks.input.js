// Checks: a waterfall of an `async` whose version awaitify does not know (nedb's 0.2), whose
// steps call back themselves, in code that would hold it in a new async IIFE, stays as it is:
// awaiting it would remove only its last callback and re-indent the steps, callbacks and all,
// inside fromCallback (nedb's loadDatabase).
// awaitify-fixture: options {"dependencies": {"async": "0.2.10"}}
const async = require('async');
const fs = require('fs');

async.waterfall([
  function (cb) {
    fs.readFile('config.json', 'utf8', function (err, text) {
      if (err) { return cb(err); }
      console.log('read', text.length > 0);
      cb(null);
    });
  },
], function (err) {
  if (err) { throw err; }
  console.log('loaded');
});
console.log('after the waterfall call');
