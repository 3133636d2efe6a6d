'use strict';
// Generates a corpus of callback-era Node code for bench/run.js: modules built from
// realistic blocks (fs pyramids, child_process calls, user callback functions, counter
// joins, next() loops, retries on timers, zlib, crypto, dns, and the spots awaitify must
// refuse: `this` in methods, cache hits that call back synchronously, streams and events),
// in CommonJS .js, ES module .mjs and TypeScript .ts, plus copies of examples/.
// Seeded, so every run measures the same text.

const fs = require('fs');
const path = require('path');

/** mulberry32: a small seeded PRNG, so the corpus is the same on every run. */
function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

const nouns = ['user', 'order', 'invoice', 'report', 'session', 'asset', 'upload', 'ticket', 'build', 'cache', 'backup', 'profile', 'metric', 'job', 'message'];
const fields = ['name', 'id', 'items', 'enabled', 'owner', 'total', 'tags', 'createdAt'];
const commands = ['git', 'tar', 'convert', 'rsync', 'ffprobe', 'du'];

const capitalize = (word) => word[0].toUpperCase() + word.slice(1);

/**
 * One block of code. `g` gives names and numbers; `t(name, type)` writes a parameter,
 * typed in TypeScript files. Returns the code and the names it defines for export.
 */
const blocks = [
  function loadJson(g, t) {
    const name = `load${g.cap}`;
    const field = g.pick(fields);
    return {
      names: [name],
      code: `
function ${name}(${t('file', 'string')}, ${t('cb', 'Callback')}) {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    let data;
    try {
      data = JSON.parse(text);
    } catch (parseError) {
      return cb(parseError);
    }
    cb(null, data.${field} === undefined ? ${g.int(0, 99)} : data.${field});
  });
}
`,
    };
  },

  function pyramid(g, t) {
    const name = `backup${g.cap}`;
    return {
      names: [name],
      code: `
function ${name}(${t('src', 'string')}, ${t('dest', 'string')}, ${t('done', 'Callback')}) {
  fs.stat(src, (err, stats) => {
    if (err) return done(err);
    console.log('${g.noun}: source has', stats.size, 'bytes');
    fs.mkdir(dest, { recursive: true }, (err) => {
      if (err) return done(err);
      fs.readdir(src, (err, names) => {
        if (err) return done(err);
        let left = names.length;
        if (left === 0) return done(null, 0);
        names.forEach((entry) => {
          fs.copyFile(path.join(src, entry), path.join(dest, entry), (err) => {
            if (err) return done(err);
            left -= 1;
            if (left === 0) done(null, names.length);
          });
        });
        console.log('${g.noun}: copying', names.length, 'files');
      });
    });
    console.log('${g.noun}: creating', dest);
  });
}
`,
    };
  },

  function topLevelThrow(g) {
    const file = `${g.noun}-${g.int(1, 9)}.txt`;
    return {
      names: [],
      code: `
fs.readFile(path.join(__dirname, '${file}'), 'utf8', function (err, contents) {
  if (err) throw err;
  const lines = contents.split('\\n').filter(Boolean);
  console.log('${g.noun}: %d lines', lines.length);
});
console.log('reading ${file}');
`,
    };
  },

  function saveWithConsoleError(g) {
    const v = `${g.noun}${g.n}`;
    return {
      names: [],
      code: `
const ${v}Path = path.join(os.tmpdir(), '${g.noun}-${g.n}.json');
const ${v} = { id: ${g.int(1, 9999)}, ${g.pick(fields)}: '${g.pick(nouns)}', updated: ${g.int(0, 1) === 1} };
fs.writeFile(${v}Path, JSON.stringify(${v}, null, 2), (err) => {
  if (err) {
    console.error('could not save ${g.noun}:', err.message);
    return;
  }
  console.log('saved ${g.noun}', ${v}.id);
  fs.unlink(${v}Path, (err) => {
    if (err) {
      console.error('could not remove', ${v}Path);
      return;
    }
  });
});
`,
    };
  },

  function execCalls(g, t) {
    const name = `run${g.cap}`;
    const command = g.pick(commands);
    return {
      names: [name],
      code: `
function ${name}(${t('args', 'string[]')}, ${t('cb', 'Callback')}) {
  execFile('${command}', args, { cwd: process.cwd(), timeout: ${g.int(1, 30) * 1000} }, (err, stdout, stderr) => {
    if (err) {
      console.error('${command} failed:', stderr);
      return cb(err);
    }
    cb(null, stdout.split('\\n').filter(Boolean));
  });
}

exec('${command} --version', (error, stdout) => {
  if (error) throw error;
  console.log('${command}', stdout.trim());
});
`,
    };
  },

  function compress(g, t) {
    const name = `compress${g.cap}`;
    return {
      names: [name],
      code: `
function ${name}(${t('file', 'string')}, ${t('cb', 'Callback')}) {
  fs.readFile(file, (err, buf) => {
    if (err) return cb(err);
    zlib.gzip(buf, { level: ${g.int(1, 9)} }, (err, gz) => {
      if (err) return cb(err);
      fs.writeFile(file + '.gz', gz, (err) => {
        if (err) return cb(err);
        zlib.gunzip(gz, (err, back) => {
          if (err) return cb(err);
          cb(null, back.length === buf.length);
        });
      });
    });
  });
}
`,
    };
  },

  function hashPassword(g, t) {
    const name = `hash${g.cap}Secret`;
    return {
      names: [name],
      code: `
function ${name}(${t('secret', 'string')}, ${t('cb', 'Callback')}) {
  crypto.randomBytes(${g.int(8, 32)}, (err, salt) => {
    if (err) return cb(err);
    crypto.pbkdf2(secret, salt, ${g.int(1, 20) * 1000}, 64, 'sha512', (err, key) => {
      if (err) return cb(err);
      const digest = crypto.createHash('sha256').update(key).digest('hex');
      cb(null, salt.toString('hex') + ':' + digest);
    });
  });
}
`,
    };
  },

  function nextLoop(g, t) {
    const name = `drain${g.cap}Queue`;
    return {
      names: [name],
      code: `
function ${name}(${t('items', 'string[]')}, ${t('logFile', 'string')}, ${t('cb', 'Callback')}) {
  let i = 0;
  function next() {
    if (i >= items.length) return cb(null, i);
    const item = items[i];
    i += 1;
    fs.appendFile(logFile, item + '\\n', (err) => {
      if (err) return cb(err);
      next();
    });
  }
  next();
}
`,
    };
  },

  function retryOnTimer(g, t) {
    const name = `resolve${g.cap}Host`;
    return {
      names: [name],
      code: `
function ${name}(${t('host', 'string')}, ${t('attempts', 'number')}, ${t('cb', 'Callback')}) {
  dns.lookup(host, (err, address, family) => {
    if (err && attempts > 1) {
      setTimeout(() => ${name}(host, attempts - 1, cb), ${g.int(1, 20) * 50});
      return;
    }
    if (err) return cb(err);
    cb(null, { address, family });
  });
}
`,
    };
  },

  function counterJoin(g, t) {
    const name = `sizeOf${g.cap}Files`;
    return {
      names: [name],
      code: `
function ${name}(${t('files', 'string[]')}, ${t('cb', 'Callback')}) {
  const sizes = new Array(files.length);
  let pending = files.length;
  let failed = false;
  files.forEach((file, index) => {
    fs.stat(file, (err, st) => {
      if (failed) return;
      if (err) {
        failed = true;
        return cb(err);
      }
      sizes[index] = st.size;
      pending -= 1;
      if (pending === 0) cb(null, sizes);
    });
  });
}
`,
    };
  },

  function storeClass(g, t) {
    const name = `${g.cap}Store`;
    return {
      names: [name],
      code: `
class ${name} {
  ${g.ts ? 'dir: string;\n  cache: Map<string, unknown>;\n  ' : ''}constructor(${t('dir', 'string')}) {
    this.dir = dir;
    this.cache = new Map();
  }

  get(${t('key', 'string')}, ${t('cb', 'Callback')}) {
    if (this.cache.has(key)) return cb(null, this.cache.get(key));
    fs.readFile(path.join(this.dir, key + '.json'), 'utf8', (err, text) => {
      if (err) return cb(err);
      const value = JSON.parse(text);
      this.cache.set(key, value);
      cb(null, value);
    });
  }

  put(${t('key', 'string')}, ${t('value', 'unknown')}, ${t('cb', 'Callback')}) {
    const self = this;
    fs.writeFile(path.join(this.dir, key + '.json'), JSON.stringify(value), function (err) {
      if (err) return cb(err);
      self.cache.set(key, value);
      cb(null);
    });
  }
}
`,
    };
  },

  function streamsAndEvents(g, t) {
    const name = `count${g.cap}Bytes`;
    return {
      names: [name],
      code: `
function ${name}(${t('file', 'string')}, ${t('cb', 'Callback')}) {
  let bytes = 0;
  const stream = fs.createReadStream(file);
  stream.on('data', (chunk) => {
    bytes += chunk.length;
  });
  stream.once('error', (err) => cb(err));
  stream.on('end', () => {
    process.nextTick(() => cb(null, bytes));
  });
}
`,
    };
  },
];

function header(kind) {
  if (kind === 'mjs') {
    return [
      "import fs from 'node:fs';",
      "import os from 'node:os';",
      "import path from 'node:path';",
      "import zlib from 'node:zlib';",
      "import crypto from 'node:crypto';",
      "import dns from 'node:dns';",
      "import { exec, execFile } from 'node:child_process';",
      "import { fileURLToPath } from 'node:url';",
      '',
      'const __dirname = path.dirname(fileURLToPath(import.meta.url));',
      '',
    ].join('\n');
  }
  if (kind === 'ts') {
    return [
      "import * as fs from 'fs';",
      "import * as os from 'os';",
      "import * as path from 'path';",
      "import * as zlib from 'zlib';",
      "import * as crypto from 'crypto';",
      "import * as dns from 'dns';",
      "import { exec, execFile } from 'child_process';",
      '',
      'type Callback = (err: Error | null, value?: any) => void;',
      '',
    ].join('\n');
  }
  return [
    "'use strict';",
    '',
    "const fs = require('fs');",
    "const os = require('os');",
    "const path = require('path');",
    "const zlib = require('zlib');",
    "const crypto = require('crypto');",
    "const dns = require('dns');",
    "const { exec, execFile } = require('child_process');",
    '',
  ].join('\n');
}

function footer(kind, names) {
  if (names.length === 0) return '';
  if (kind === 'js') return `\nmodule.exports = { ${names.join(', ')} };\n`;
  return `\nexport { ${names.join(', ')} };\n`;
}

function generateModule(random, kind, fileIndex) {
  const names = [];
  let body = '';
  const count = random.int(4, 8);
  for (let n = 0; n < count; n++) {
    const noun = random.pick(nouns);
    const g = { noun, cap: capitalize(noun) + fileIndex + '_' + n, n, ts: kind === 'ts', int: random.int, pick: random.pick };
    const t = (param, type) => (kind === 'ts' ? `${param}: ${type}` : param);
    const block = random.pick(blocks)(g, t);
    names.push(...block.names);
    body += block.code;
  }
  return header(kind) + body + footer(kind, names);
}

/**
 * Writes the corpus into `dir` until it holds at least `targetBytes`; about one module in
 * six is an ES module and one in six TypeScript, in a fixed rotation; every 40th slot is a copy of examples/.
 * Returns the files as { path, text }.
 */
function buildCorpus(dir, targetBytes, examplesDir, seed = 20240314) {
  const random = createRandom(seed);
  const examples = fs
    .readdirSync(examplesDir)
    .filter((name) => /\.(js|mjs)$/.test(name))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(examplesDir, name), 'utf8') }));
  const files = [];
  let bytes = 0;
  let index = 0;
  const add = (relative, text) => {
    const full = path.join(dir, relative);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    files.push({ path: full, text });
    bytes += Buffer.byteLength(text);
  };
  while (bytes < targetBytes) {
    const folder = `pkg-${String(Math.floor(index / 50)).padStart(2, '0')}`;
    if (index % 40 === 0 && examples.length > 0) {
      for (const example of examples) add(path.join(folder, `examples-${index}`, example.name), example.text);
    } else {
      // A fixed rotation rather than a roll, so even the smoke test's small corpus holds every kind.
      const slot = index % 6;
      const kind = slot === 1 ? 'mjs' : slot === 2 ? 'ts' : 'js';
      add(path.join(folder, `${random.pick(nouns)}-${index}.${kind}`), generateModule(random, kind, index));
    }
    index += 1;
  }
  return { files, bytes };
}

module.exports = { buildCorpus };
