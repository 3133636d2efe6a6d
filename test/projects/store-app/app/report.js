'use strict';
const { load: fetchRecord, stat } = require('../lib/store');

function summary(id, cb) {
  fetchRecord(id, (err, text) => {
    if (err) return cb(err);
    stat(id, (statErr, size) => {
      if (statErr) return cb(statErr);
      cb(null, `${id}: ${text.split('\n')[0]} (${size} bytes)`);
    });
  });
}

module.exports = summary;
