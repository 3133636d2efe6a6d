'use strict';
// The jscodeshift transform the scale benchmark measures against: it parses the file with the
// parser its extension calls for, as awaitify's `--parser auto` does, and changes nothing
// (it returns undefined: jscodeshift counts the file as skipped).
const TS = /\.(c|m)?ts$/;
const TSX = /\.tsx$/;

module.exports = function parseOnly(file, api) {
  const parser = TSX.test(file.path) ? 'tsx' : TS.test(file.path) ? 'ts' : 'babel';
  api.jscodeshift.withParser(parser)(file.source);
  return undefined;
};
