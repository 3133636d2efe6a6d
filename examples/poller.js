'use strict';
// A timer-driven worker. First an upload that the (simulated) server refuses twice is
// retried with a growing setTimeout delay; then a poller takes one job at a time from a
// queue file every few milliseconds until the queue is empty. Each step waits for the one
// before, so the output is always the same.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { loadConfig } = require('./config-loader');

// Calls task(attempt, cb) until it succeeds or `attempts` tries have failed.
function withRetry(task, attempts, delayMs, cb) {
  let attempt = 0;
  function tryOnce() {
    attempt += 1;
    task(attempt, (err, result) => {
      if (!err) return cb(null, result, attempt);
      console.log(`poller: attempt ${attempt} failed: ${err.message}`);
      if (attempt >= attempts) return cb(err);
      setTimeout(tryOnce, delayMs * attempt);
    });
  }
  tryOnce();
}

// A server that is busy twice: it remembers how often it was asked in a state file.
function makeFlakyUpload(stateFile) {
  return function upload(attempt, cb) {
    fs.readFile(stateFile, 'utf8', (err, text) => {
      const calls = err ? 0 : Number(text);
      fs.writeFile(stateFile, String(calls + 1), (err) => {
        if (err) return cb(err);
        if (calls < 2) return cb(new Error('server busy'));
        cb(null, 'upload accepted after ' + (calls + 1) + ' calls');
      });
    });
  };
}

// Takes the first job off the queue file; calls back with null when the queue is empty.
function takeJob(queueFile, cb) {
  fs.readFile(queueFile, 'utf8', (err, text) => {
    if (err) return cb(err);
    const jobs = text.split('\n').filter(Boolean);
    if (jobs.length === 0) return cb(null, null);
    fs.writeFile(queueFile, jobs.slice(1).map((job) => job + '\n').join(''), (err) => {
      if (err) return cb(err);
      cb(null, jobs[0]);
    });
  });
}

function poll(queueFile, intervalMs, done) {
  let polls = 0;
  function tick() {
    polls += 1;
    takeJob(queueFile, (err, job) => {
      if (err) return done(err);
      if (job === null) return done(null, polls);
      console.log(`poller: poll ${polls} ran job "${job}"`);
      setTimeout(tick, intervalMs);
    });
  }
  setTimeout(tick, intervalMs);
}

loadConfig(path.join(__dirname, 'data', 'config.json'), (err, config) => {
  if (err) throw err;

  fs.mkdtemp(path.join(os.tmpdir(), 'awaitify-poller-'), (err, workDir) => {
    if (err) throw err;
    const upload = makeFlakyUpload(path.join(workDir, 'server-state'));

    withRetry(upload, config.retries, config.retryDelayMs, (err, message, attempts) => {
      if (err) {
        console.error('poller: giving up:', err.message);
        process.exitCode = 1;
        return;
      }
      console.log(`poller: ${message} (attempt ${attempts})`);

      const queueFile = path.join(workDir, 'queue.txt');
      fs.copyFile(path.join(__dirname, 'data', 'jobs.txt'), queueFile, (err) => {
        if (err) throw err;
        poll(queueFile, config.pollIntervalMs, (err, polls) => {
          if (err) {
            console.error('poller: queue failed:', err.message);
            process.exitCode = 1;
            return;
          }
          console.log(`poller: queue empty after ${polls} polls`);
          fs.rm(workDir, { recursive: true, force: true }, (err) => {
            if (err) throw err;
            console.log('poller: done');
          });
        });
        console.log('poller: polling every', config.pollIntervalMs, 'ms');
      });
    });
  });
});
