'use strict';
// Backs up data/files into a fresh temp directory: stat the source, make the target,
// list the source, copy every file side by side (a counter joins them), then check the
// copies and remove the temp directory. A pyramid, as such scripts used to be.

const fs = require('fs');
const os = require('os');
const path = require('path');

// Copies `names` from one directory to another, all at once; calls back once.
function copyAll(names, from, to, cb) {
  let pending = names.length;
  let failed = false;
  if (pending === 0) return cb(null, 0);
  names.forEach((name) => {
    fs.copyFile(path.join(from, name), path.join(to, name), (err) => {
      if (failed) return;
      if (err) {
        failed = true;
        return cb(err);
      }
      pending -= 1;
      if (pending === 0) cb(null, names.length);
    });
  });
}

const source = path.join(__dirname, 'data', 'files');

fs.mkdtemp(path.join(os.tmpdir(), 'awaitify-copy-'), (err, workDir) => {
  if (err) throw err;
  const target = path.join(workDir, 'backup');

  fs.stat(source, (err, stats) => {
    if (err) throw err;
    console.log('copy: source is a directory:', stats.isDirectory());

    fs.mkdir(target, { recursive: true }, (err) => {
      if (err) throw err;
      console.log('copy: created backup/');

      fs.readdir(source, { withFileTypes: true }, (err, entries) => {
        if (err) throw err;
        const files = entries.filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
        console.log(`copy: ${files.length} files to copy, ${entries.length - files.length} directory skipped`);

        copyAll(files, source, target, (err, count) => {
          if (err) {
            console.error('copy: backup failed:', err.code);
            process.exitCode = 1;
            return;
          }
          console.log(`copy: copied ${count} files`);

          fs.readdir(target, (err, copied) => {
            if (err) throw err;
            console.log('copy: backup/ now holds', copied.sort().join(', '));

            fs.rm(workDir, { recursive: true, force: true }, (err) => {
              if (err) throw err;
              console.log('copy: removed the temp directory');
            });
          });
        });
        console.log('copy: copies started');
      });
      console.log('copy: listing the source');
    });
    console.log('copy: creating backup/');
  });
  console.log('copy: checking the source');
});
console.log('copy: making a temp directory');
