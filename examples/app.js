'use strict';
// The service's nightly report: load the config, then go through the report files one
// after another (a next() loop), count their lines and append a summary to a file in a
// temp directory, print the summary and clean up.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { loadConfig, describe } = require('./config-loader');

function summarize(config, workDir, cb) {
  const summaryFile = path.join(workDir, 'summary.tsv');
  let index = 0;

  function next() {
    if (index === config.reports.length) return cb(null, summaryFile);
    const report = config.reports[index];
    index += 1;
    fs.readFile(path.join(__dirname, report), 'utf8', (err, text) => {
      if (err) return cb(err);
      const lines = text.split('\n').filter(Boolean).length;
      console.log(`app: ${path.basename(report)} has ${lines} lines`);
      fs.appendFile(summaryFile, `${report}\t${lines}\n`, (err) => {
        if (err) return cb(err);
        next();
      });
    });
  }

  next();
}

console.log('app: starting');
loadConfig(path.join(__dirname, 'data', 'config.json'), (err, config) => {
  if (err) {
    console.error('app: cannot start:', err.message);
    process.exitCode = 1;
    return;
  }
  console.log('app: config', describe(config));

  fs.mkdtemp(path.join(os.tmpdir(), 'awaitify-app-'), (err, workDir) => {
    if (err) throw err;

    summarize(config, workDir, (err, summaryFile) => {
      if (err) {
        console.error('app: summary failed:', err.message);
        process.exitCode = 1;
        return;
      }
      fs.readFile(summaryFile, 'utf8', (readErr, summary) => {
        if (!readErr) {
          const total = summary.trim().split('\n').reduce((sum, row) => sum + Number(row.split('\t')[1]), 0);
          console.log(`app: summary has ${summary.trim().split('\n').length} rows, ${total} lines in all`);
        }
        fs.rm(workDir, { recursive: true, force: true }, (err) => {
          if (err) throw err;
          console.log('app: finished');
        });
      });
    });
  });
});
process.nextTick(() => console.log('app: nextTick after the config read started'));
