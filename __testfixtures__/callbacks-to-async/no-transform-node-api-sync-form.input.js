// Checks: a Node API called in its synchronous form, with no callback (nedb's uid:
// `crypto.randomBytes(Math.ceil(…))` returns the bytes), is no callback call: nothing to
// convert and nothing to refuse. The value is used right away, as it must be.
var crypto = require('crypto');

function uid(len) {
  return crypto.randomBytes(Math.ceil(Math.max(8, len * 2)))
    .toString('base64')
    .replace(/[+\/]/g, '')
    .slice(0, len);
}

function hexOf(size) {
  return crypto.randomBytes(size * 2).toString('hex').length;
}

console.log(uid(16).length, hexOf(4));
