'use strict';
// Runs the built awaitify command line (dist/bin/awaitify.js) as a user would: `--write` on
// a copy, default options plus whatever the caller passes through, JSON report on stdout.

const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { repo } = require('./cache');

const bin = path.join(repo, 'dist', 'bin', 'awaitify.js');

function checkBuilt() {
  if (!fs.existsSync(bin)) throw new Error(`${bin} missing: run \`npm run build\` first (the npm scripts do)`);
}

/**
 * awaitify <paths> --write --report json [extraArgs] in cwd. Resolves to
 * { exitCode, seconds, report (parsed JSON or undefined), stderr }.
 */
function runAwaitify(cwd, paths, extraArgs = []) {
  checkBuilt();
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...paths, '--write', '--report', 'json', ...extraArgs], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      let report;
      try {
        report = JSON.parse(stdout);
      } catch {
        report = undefined;
      }
      resolve({ exitCode, seconds, report, stderr: stderr || (report ? '' : stdout) });
    });
  });
}

/** Findings of a JSON report by rule id: { refused: {rule: n}, applied: {rule: n}, filesChanged, fileErrors }. */
function summarizeReport(report) {
  const refused = {};
  const applied = {};
  let filesChanged = 0;
  const fileErrors = [];
  for (const file of report ? report.files : []) {
    if (file.status === 'changed' && !file.created) filesChanged++; // the package helper module is no library file
    if (file.status === 'error') fileErrors.push(`${file.path}: ${file.error ? file.error.message : 'error'}`);
    for (const finding of file.findings) {
      const into = finding.applied ? applied : refused;
      into[finding.ruleId] = (into[finding.ruleId] || 0) + 1;
    }
  }
  return { refused, applied, filesChanged, fileErrors };
}

module.exports = { bin, checkBuilt, runAwaitify, summarizeReport };
