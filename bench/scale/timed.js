'use strict';
// Runs a command to its end and measures its wall time and peak resident set size. The peak
// is read with bench/max-rss.js preloaded through NODE_OPTIONS, so a node process that forks
// node children (jscodeshift --cpus) reports each of them: the peak is their sum, an upper
// bound (worker threads are inside their process's figure).

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const preload = path.join(__dirname, '..', 'max-rss.js');

function timed(command, args, { cwd, env = {} } = {}) {
  const rssDir = fs.mkdtempSync(path.join(os.tmpdir(), 'awaitify-scale-rss-'));
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', ...env, NODE_OPTIONS: `--require ${preload}`, AWAITIFY_MAX_RSS_DIR: rssDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const peaks = fs.readdirSync(rssDir).map((name) => Number(fs.readFileSync(path.join(rssDir, name), 'utf8')));
      fs.rmSync(rssDir, { recursive: true, force: true });
      const peakMb = Math.round(peaks.reduce((sum, kb) => sum + kb, 0) / 1024);
      resolve({ exitCode, seconds, peakMb, processes: peaks.length, stdout, stderr });
    });
  });
}

module.exports = { timed };
