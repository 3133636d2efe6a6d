'use strict';
// One tree holding a copy of every bench:real package (each in a folder of its own, with its
// package.json), and the library paths of each: the real code the scale benchmark runs over.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { loadPackages, unpacked, id } = require('../real/cache');

function buildRealTree() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'awaitify-scale-real-'));
  const paths = [];
  for (const pkg of loadPackages()) {
    fs.cpSync(unpacked(pkg), path.join(root, id(pkg)), { recursive: true });
    for (const lib of pkg.lib) paths.push(path.join(id(pkg), lib));
  }
  return { root, paths };
}

module.exports = { buildRealTree };
