'use strict';
// Loads the service's JSON config. Written the way Node code was written around 2014:
// fs.readFile with a callback, and a loadConfig(file, cb) helper that passes errors on.
// Run directly, it shows both error styles: crash on a missing file (`if (err) throw err`)
// and report-and-carry-on (`if (err) { console.error(...); return; }`).

const fs = require('fs');
const path = require('path');

const DEFAULTS = { logLevel: 'warn', retries: 1, retryDelayMs: 100, pollIntervalMs: 50 };

function loadConfig(file, cb) {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch (parseErr) {
      return cb(new Error(path.basename(file) + ' is not valid JSON'));
    }
    cb(null, Object.assign({}, DEFAULTS, parsed));
  });
}

function describe(config) {
  return `${config.name} (log level ${config.logLevel}, ${config.retries} retries)`;
}

module.exports = { loadConfig, describe, DEFAULTS };

if (require.main === module) {
  const dataDir = path.join(__dirname, 'data');

  fs.readFile(path.join(dataDir, 'config.json'), 'utf8', function (err, text) {
    if (err) throw err;
    const raw = JSON.parse(text);
    console.log('config: keys in config.json:', Object.keys(raw).join(', '));

    loadConfig(path.join(dataDir, 'missing.json'), (err, config) => {
      if (err) {
        console.error('config: cannot load missing.json:', err.code);
      } else {
        console.log('config: unexpectedly loaded', describe(config));
      }

      loadConfig(path.join(dataDir, 'broken.json'), function (err) {
        if (err) {
          console.error('config: skipping broken.json:', err.message);
        }

        fs.readFile(path.join(dataDir, 'config.json'), 'utf8', (err, text) => {
          if (err) {
            console.error('config: no config.json, using defaults');
            return;
          }
          const config = Object.assign({}, DEFAULTS, JSON.parse(text));
          console.log('config: effective settings:', describe(config));
        });
        console.log('config: reading config.json again');
      });
    });
  });
  console.log('config: reading config.json');
  process.nextTick(() => console.log('config: nextTick runs before any file is read'));
  setImmediate(() => console.log('config: setImmediate runs before the read completes'));
}
