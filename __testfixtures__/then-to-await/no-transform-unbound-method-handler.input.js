// Checks: `.then(this.parse)` is called by the promise without `this`; `this.parse(value)`
// would bind it. Left as is.
'use strict';
const fsp = require('fs/promises');

class Loader {
  parse(text) {
    return this === undefined ? 'unbound ' + text.length : 'bound';
  }

  load() {
    return fsp.readFile('input.txt', 'utf8').then(this.parse);
  }
}

new Loader().load().then((line) => console.log(line));
