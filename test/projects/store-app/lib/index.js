'use strict';
// The package's public entry point (package.json "main"): what it exports keeps a callback form.
const { load } = require('./store');

module.exports = { load };
