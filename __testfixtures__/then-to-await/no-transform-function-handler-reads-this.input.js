// Checks: a function handler that reads `this` gets undefined from the promise; inlined, it
// would read the enclosing method's `this`. Left as is.
'use strict';
const fsp = require('fs/promises');

const reader = {
  name: 'reader',
  load() {
    return fsp.readFile('input.txt', 'utf8').then(function (text) {
      return typeof this + ' ' + text.length;
    });
  },
};

reader.load().then((line) => console.log(line));
