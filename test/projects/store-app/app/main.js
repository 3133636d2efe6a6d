'use strict';
const summary = require('./report');
const all = require('../lib/all');
const { load } = require('../lib');
const { Catalog } = require('../lib/catalog');
const { nightly } = require('../legacy/nightly');

const catalog = new Catalog('#');

setTimeout(() => console.log('timer 0'), 0);
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise job'));

console.log('start');
summary('alpha', (err, line) => {
  if (err) {
    console.log('summary failed', err.code);
    return;
  }
  console.log(line);
  all.list((err, ids) => {
    if (err) throw err;
    console.log('ids', ids.join(','));
    load('beta', (err, text) => {
      if (err) throw err;
      console.log('beta is', text);
      catalog.describe('gamma', (err, description) => {
        if (err) throw err;
        console.log(description);
        nightly((err, message) => {
          if (err) throw err;
          console.log(message);
          load('missing', (err) => {
            console.log('missing record:', err ? err.code : 'found');
          });
        });
      });
    });
  });
});
console.log('after summary call');
