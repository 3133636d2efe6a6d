'use strict';
const store = require('./store');

class Catalog {
  constructor(prefix) {
    this.prefix = prefix;
  }

  describe(id, cb) {
    store.stat(id, (err, size) => {
      if (err) return cb(err);
      cb(null, `${this.prefix}${id}: ${size} bytes`);
    });
  }
}

module.exports = { Catalog };
