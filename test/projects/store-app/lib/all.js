'use strict';
// Everything of the store, re-exported for the app.
module.exports = require('./store');
