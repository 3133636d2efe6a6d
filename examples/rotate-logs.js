'use strict';
// Rotates a log file: gzip it next to itself as app.log.1.gz, remove the original, then
// gunzip the archive to check that nothing was lost. Works on a copy of data/app-log.txt in a
// temp directory.

const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');

function rotate(logFile, cb) {
  fs.readFile(logFile, (err, data) => {
    if (err) return cb(err);
    zlib.gzip(data, (err, compressed) => {
      if (err) return cb(err);
      const archive = logFile + '.1.gz';
      fs.writeFile(archive, compressed, (err) => {
        if (err) return cb(err);
        fs.unlink(logFile, (err) => {
          if (err) return cb(err);
          cb(null, { archive, before: data.length, after: compressed.length });
        });
      });
    });
  });
}

const original = path.join(__dirname, 'data', 'app-log.txt');

fs.mkdtemp(path.join(os.tmpdir(), 'awaitify-rotate-'), (err, workDir) => {
  if (err) throw err;
  const logFile = path.join(workDir, 'app.log');

  fs.copyFile(original, logFile, (err) => {
    if (err) throw err;
    console.log('rotate: copied app.log into a temp directory');

    rotate(logFile, (err, result) => {
      if (err) {
        console.error('rotate: rotation failed:', err.message);
        process.exitCode = 1;
        return;
      }
      console.log(`rotate: wrote ${path.basename(result.archive)}, ${result.before} bytes in, smaller: ${result.after < result.before}`);

      fs.access(logFile, (err) => {
        console.log('rotate: app.log still there:', !err);

        fs.readFile(result.archive, (err, compressed) => {
          if (err) throw err;
          zlib.gunzip(compressed, (err, restored) => {
            if (err) {
              console.error('rotate: archive is corrupt:', err.message);
              process.exitCode = 1;
              return;
            }
            fs.readFile(original, (err, expected) => {
              if (err) throw err;
              console.log('rotate: archive restores the original:', restored.equals(expected));
              console.log('rotate: lines in the archive:', restored.toString('utf8').trimEnd().split('\n').length);

              fs.rm(workDir, { recursive: true, force: true }, (err) => {
                if (err) throw err;
                setTimeout(() => console.log('rotate: timer fires last'), 0);
                setImmediate(() => console.log('rotate: setImmediate fires before the timer'));
                process.nextTick(() => console.log('rotate: nextTick fires first'));
                console.log('rotate: cleaned up');
              });
            });
          });
        });
      });
    });
  });
});
