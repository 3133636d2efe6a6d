'use strict';
// Files of a package copy: which are its library files, and their counts.

const fs = require('fs');
const path = require('path');
const { countSource, addCounts, zeroCounts } = require('./counter');

const SOURCE = /\.(c|m)?(j|t)sx?$/;

/** The library files under the given paths (files or directories) of root, relative, sorted. */
function listLibFiles(root, libPaths) {
  const found = [];
  const visit = (relative) => {
    const absolute = path.join(root, relative);
    const stat = fs.statSync(absolute);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(absolute)) {
        if (name === 'node_modules') continue;
        visit(path.join(relative, name));
      }
    } else if (SOURCE.test(relative) && !relative.endsWith('.d.ts')) {
      found.push(relative);
    }
  };
  for (const libPath of libPaths) visit(libPath);
  return found.sort();
}

/** Counts every file: { counts, functions (name prefixed by file), files: {path: text}, parseErrors }. */
function countTree(root, files) {
  const counts = zeroCounts();
  const functions = [];
  const texts = {};
  const parseErrors = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    texts[file] = text;
    const result = countSource(text, file);
    if (result.parseError) parseErrors.push(result.parseError);
    addCounts(counts, result.counts);
    for (const fn of result.functions) functions.push({ ...fn, file, name: `${file}:${fn.name}` });
  }
  return { counts, functions, texts, parseErrors };
}

module.exports = { listLibFiles, countTree };
