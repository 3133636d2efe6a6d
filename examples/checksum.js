'use strict';
// Prints SHA-256 checksums of the files in data/files (read side by side, printed in name
// order), derives a key with PBKDF2, and draws a random salt, printing only its length.

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

function checksumFile(file, cb) {
  fs.readFile(file, (err, content) => {
    if (err) return cb(err);
    cb(null, crypto.createHash('sha256').update(content).digest('hex'));
  });
}

const dir = path.join(__dirname, 'data', 'files');

fs.readdir(dir, { withFileTypes: true }, (err, entries) => {
  if (err) throw err;
  const names = entries.filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
  const sums = new Array(names.length);
  let remaining = names.length;

  names.forEach((name, i) => {
    checksumFile(path.join(dir, name), (err, sum) => {
      if (err) {
        console.error('checksum: cannot read', name, err.code);
        process.exitCode = 1;
        return;
      }
      sums[i] = sum;
      remaining--;
      if (remaining === 0) {
        names.forEach((n, k) => console.log(`checksum: ${sums[k].slice(0, 16)}  ${n}`));
        deriveKey();
      }
    });
  });
});

function deriveKey() {
  crypto.pbkdf2('correct horse battery staple', 'awaitify-salt', 10000, 32, 'sha256', (err, key) => {
    if (err) throw err;
    console.log('checksum: pbkdf2 key', key.toString('hex'));

    crypto.randomBytes(16, (err, salt) => {
      if (err) {
        console.error('checksum: no randomness:', err.message);
        return;
      }
      console.log('checksum: random salt has', salt.length, 'bytes');
    });
  });
}
