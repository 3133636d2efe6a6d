'use strict';
const rows = [
  { id: 1, name: 'ada' },
  { id: 2, name: 'grace' },
];

class Client {
  constructor(name) {
    this.name = name;
  }

  query(sql, callback) {
    const result = new Promise((resolve) => setImmediate(() => resolve(rows.slice())));
    if (typeof callback !== 'function') return result;
    result.then((value) => setImmediate(() => callback(null, value)), (error) => setImmediate(() => callback(error)));
    return undefined;
  }
}

module.exports = { Client };
