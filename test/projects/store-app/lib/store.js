'use strict';
const fs = require('fs');
const path = require('path');

const dataDir = path.join(__dirname, '..', 'data');

function load(id, cb) {
  fs.readFile(path.join(dataDir, id + '.txt'), 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.trim());
  });
}

function list(cb) {
  fs.readdir(dataDir, (err, names) => {
    if (err) return cb(err);
    cb(null, names.filter((name) => name.endsWith('.txt')).map((name) => name.slice(0, -4)).sort());
  });
}

function stat(id, cb) {
  fs.stat(path.join(dataDir, id + '.txt'), (err, info) => {
    if (err) return cb(err);
    cb(null, info.size);
  });
}

module.exports = { load, list, stat };
