// Checks: a method whose body reads `super` cannot move into an async function of its own
// beside the class: its dual form keeps the body in place; a method that reads only `this`
// moves into `<name>Async`, called with `.call(this, …)`.
const fs = require('fs');

class Base {
  prefix() {
    return 'base:';
  }
}

class Reader extends Base {
  constructor(dir) {
    super();
    this.dir = dir;
  }

  prefix() {
    return 'reader:';
  }

  label(name, cb) {
    fs.readFile(`${this.dir}/${name}`, 'utf8', (err, text) => {
      if (err) return cb(err);
      cb(null, super.prefix() + text.trim());
    });
  }

  plain(name, cb) {
    fs.readFile(`${this.dir}/${name}`, 'utf8', (err, text) => {
      if (err) return cb(err);
      cb(null, this.prefix() + text.trim());
    });
  }
}

const reader = new Reader('.');
reader.label('input.txt', (err, text) => {
  console.log('label:', err ? err.code : text);
  reader.plain('input.txt', (err, text) => {
    console.log('plain:', err ? err.code : text);
    reader.plain('missing.txt', (err) => {
      console.log('missing:', err.code);
    });
  });
});
console.log('started');
