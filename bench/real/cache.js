'use strict';
// The tarball cache, outside the repository's tracked files: every package is fetched once
// with `npm pack`, checked against the integrity pinned in packages.json, and unpacked.
// After that nothing needs the network (bench:suites' `npm ci` needs it once per lock file).
//
//   <cache>/tarballs/<name>-<version>.tgz
//   <cache>/src/<name>-<version>/          the unpacked package, never modified
//   <cache>/suites/<name>-<version>/       the same with node_modules from bench/real/locks
//
// <cache> is node_modules/.cache/awaitify-bench-real, or $AWAITIFY_BENCH_CACHE.

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const repo = path.resolve(__dirname, '..', '..');
const listPath = path.join(__dirname, 'packages.json');

function cacheDir() {
  return process.env.AWAITIFY_BENCH_CACHE || path.join(repo, 'node_modules', '.cache', 'awaitify-bench-real');
}

function loadPackages() {
  return JSON.parse(fs.readFileSync(listPath, 'utf8')).packages;
}

const id = (pkg) => `${pkg.name}-${pkg.version}`;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function integrityOf(file) {
  return `sha512-${crypto.createHash('sha512').update(fs.readFileSync(file)).digest('base64')}`;
}

/** The tarball, fetched with npm pack when missing; throws when its integrity is not the pinned one. */
function tarball(pkg) {
  const dir = path.join(cacheDir(), 'tarballs');
  const file = path.join(dir, `${id(pkg)}.tgz`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    process.stderr.write(`fetching ${pkg.name}@${pkg.version} (npm pack, once)\n`);
    const out = execFileSync(npm, ['pack', `${pkg.name}@${pkg.version}`, '--pack-destination', dir, '--silent'], { encoding: 'utf8' });
    const packed = path.join(dir, out.trim().split('\n').pop());
    if (packed !== file) fs.renameSync(packed, file);
  }
  const actual = integrityOf(file);
  if (actual !== pkg.integrity) {
    throw new Error(`${file}: integrity ${actual} is not the pinned ${pkg.integrity} (delete the file to fetch it again)`);
  }
  return file;
}

/** The unpacked package (read-only by convention: runs copy it). */
function unpacked(pkg) {
  const dir = path.join(cacheDir(), 'src', id(pkg));
  if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  const file = tarball(pkg);
  const partial = `${dir}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  execFileSync('tar', ['xzf', file, '-C', partial, '--strip-components=1'], { stdio: ['ignore', 'ignore', 'ignore'] });
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(partial, dir);
  return dir;
}

module.exports = { repo, cacheDir, loadPackages, id, npm, tarball, unpacked, integrityOf };
