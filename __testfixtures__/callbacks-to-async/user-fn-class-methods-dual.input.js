// Checks: methods of a class that take a callback become async behind the dual API (instances
// travel, so callers anywhere may still pass a callback); `this.load(…)` inside the class is
// awaited, and `this` keeps its meaning.
const fs = require('fs');

class Store {
  constructor(dir) {
    this.dir = dir;
  }

  load(name, cb) {
    fs.readFile(`${this.dir}/${name}`, 'utf8', (err, text) => {
      if (err) return cb(err);
      cb(null, JSON.parse(text));
    });
  }

  loadName(name, cb) {
    this.load(name, (err, value) => {
      if (err) return cb(err);
      cb(null, value.name);
    });
  }
}

const store = new Store('.');
store.loadName('config.json', (err, name) => {
  if (err) throw err;
  console.log('name:', name);
  store.load('missing.json', (err) => {
    console.log('missing.json:', err.code);
  });
});
console.log('after loadName call');
