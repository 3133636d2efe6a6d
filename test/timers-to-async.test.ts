import { describe, expect, it } from 'vitest';
import { transformSource } from '../src/engine/transform-source';
import type { FileResult, TransformSourceOptions } from '../src/types';
import { discoverFixtures, readText } from './helpers/fixtures';
import { compareRuns, describeRun, runScript } from './execution/harness';

// What fixtures cannot say: options (--target, engines.node, --allow), both transforms at
// once, and properties of every timers-to-async output.

function transform(source: string, options: TransformSourceOptions = {}): FileResult {
  const result = transformSource(source, { path: 'input.js', transforms: ['timers-to-async'], ...options });
  if (result.status === 'error') throw new Error(result.error?.message);
  return result;
}

function rewrite(source: string, options: TransformSourceOptions = {}): string {
  const result = transform(source, options);
  expect(result.status, 'the input should change').toBe('changed');
  return result.output!;
}

/** Runs both in real node and requires the same output and exit. */
async function expectSameRun(before: string, after: string, ext = 'js'): Promise<void> {
  const [a, b] = await Promise.all([runScript(before, { ext }), runScript(after, { ext })]);
  expect(a.exitCode, describeRun(a)).toBe(0);
  const report = compareRuns(a, b);
  if (report) expect.fail(`${report}\n\nafter:\n${after}`);
}

const ruleIds = (result: FileResult, applied?: boolean) =>
  result.findings.filter((finding) => applied === undefined || finding.applied === applied).map((finding) => finding.ruleId);

const chain = `const log = (message) => console.log(message);

setTimeout(() => {
  log('one');
  setTimeout(() => {
    log('two');
  }, 5);
}, 5);
log('after');
`;

describe('timers-to-async with callbacks-to-async (the default order)', () => {
  const source = `const fs = require('fs');
const log = (message) => console.log(message);

log('start');
fs.readFile('input.txt', 'utf8', (err, text) => {
  if (err) throw err;
  log(\`read \${text.split('\\n')[0]}\`);
  setTimeout(() => {
    fs.writeFile('out.txt', text.toUpperCase(), (err) => {
      if (err) throw err;
      log('written');
    });
    log('write started');
  }, 100);
  log('waiting 100 ms');
});
log('read started');
setImmediate(() => log('immediate'));
process.nextTick(() => log('next tick'));
Promise.resolve().then(() => log('promise job'));
`;

  it('turns a readFile callback that waits 100 ms and then writes into one async flow', () => {
    const result = transformSource(source, { path: 'input.js' });
    expect(result.output).toBe(`const fsp = require('fs/promises');
const { setTimeout } = require('timers/promises');
const log = (message) => console.log(message);

log('start');

(async () => {
  const text = await fsp.readFile('input.txt', 'utf8');
  log(\`read \${text.split('\\n')[0]}\`);
  const timerPromise = setTimeout(100);
  log('waiting 100 ms');
  await timerPromise;
  const writeFilePromise = fsp.writeFile('out.txt', text.toUpperCase());
  log('write started');
  await writeFilePromise;
  log('written');
})();

log('read started');
setImmediate(() => log('immediate'));
process.nextTick(() => log('next tick'));
Promise.resolve().then(() => log('promise job'));
`);
    expect(transformSource(result.output!, { path: 'input.js' }).status, 'a second run changes nothing').toBe('unchanged');
  });

  it('runs in node as before', async () => {
    await expectSameRun(source, transformSource(source, { path: 'input.js' }).output!);
  });

  it('gives code that runs as before when the timers go first, too', async () => {
    const result = transformSource(source, { path: 'input.js', transforms: ['timers-to-async', 'callbacks-to-async'] });
    expect(result.status).toBe('changed');
    await expectSameRun(source, result.output!);
  });
});

describe('one timers/promises import for both transforms', () => {
  // callbacks-to-async awaits the timer a callback API calls back from (timer-callbacks.ts,
  // named and imported by timer-awaits.ts); timers-to-async awaits a timer chain elsewhere
  // (timer-bindings.ts). The second to run reuses the first one's import.
  const both = [
    "var fs = require('fs');",
    '',
    'function slowSize(p, cb) {',
    '  fs.stat(p, function (err, st) {',
    '    if (err) return cb(err);',
    '    setTimeout(function () {',
    '      cb(null, st.size);',
    '    }, 10);',
    '  });',
    '}',
    '',
    'function later() {',
    '  setTimeout(function () {',
    "    console.log('one');",
    '    setTimeout(function () {',
    "      console.log('two');",
    '    }, 5);',
    '  }, 5);',
    '}',
    '',
    "slowSize('input.txt', function (err, size) {",
    '  if (err) throw err;',
    "  console.log('size:', size);",
    '  later();',
    '});',
    "console.log('after the call');",
    '',
  ].join('\n');
  const imports = (output: string) => output.split('\n').filter((line) => line.includes('timers/promises'));

  for (const [name, ext, source] of [
    ['CommonJS', 'js', both],
    ['ES module', 'mjs', both.replace("var fs = require('fs');", "import fs from 'fs';")],
  ] as const) {
    for (const order of [undefined, ['timers-to-async', 'callbacks-to-async']]) {
      it(`${name}, ${order ? 'timers first' : 'the default order'}: both timers awaited, one import`, async () => {
        const result = transformSource(source, { path: `input.${ext}`, ...(order ? { transforms: order } : {}) });
        expect(result.status).toBe('changed');
        const output = result.output!;
        expect(imports(output)).toHaveLength(1);
        expect(output.match(/await \w+\((10|5)\)/g)).toHaveLength(3);
        await expectSameRun(source, output, ext);
      });
    }
  }
});

describe('--target', () => {
  const nodeFile = `const path = require('path');\n${chain}log(path.basename('/a/b.txt'));\n`;

  it('node: awaits setTimeout from timers/promises even without signs of Node', async () => {
    const output = rewrite(chain, { target: 'node' });
    expect(output).toContain(`const { setTimeout } = require('timers/promises');`);
    expect(output).toContain('await setTimeout(5);');
    await expectSameRun(chain, output);
  });

  it('browser: a delay helper on the global setTimeout, even in Node code', async () => {
    const output = rewrite(nodeFile, { target: 'browser' });
    expect(output).not.toContain('timers/promises');
    expect(output).toContain('function delay(ms) {\n  return new Promise((resolve) => setTimeout(resolve, ms));\n}');
    expect(output).toContain('await delay(5);');
    await expectSameRun(nodeFile, output);
  });

  it('browser: refuses setImmediate, which browsers lack', () => {
    const source = `setImmediate(() => {\n  console.log(1);\n  setImmediate(() => console.log(2));\n});\n`;
    const result = transform(source, { target: 'browser' });
    expect(result.status).toBe('unchanged');
    expect(ruleIds(result, false)).toEqual(['timing/timer-to-microtask']);
  });
});

describe('engines.node older than 16 (no timers/promises)', () => {
  const source = `const log = (message) => console.log(message);
process.nextTick(() => log('next tick'));
setImmediate(() => {
  log('immediate 1');
  setTimeout((value) => {
    log(\`timer got \${value}\`);
  }, 5, 'a value');
});
`;

  it('falls back to local helpers built on the global timers', async () => {
    const output = rewrite(source, { minNodeMajor: 14 });
    expect(output).not.toContain('timers/promises');
    expect(output).toContain('function delay(ms, value) {\n  return new Promise((resolve) => setTimeout(resolve, ms, value));\n}');
    expect(output).toContain('function immediate() {\n  return new Promise((resolve) => setImmediate(resolve));\n}');
    await expectSameRun(source, output);
  });

  it('uses timers/promises from Node 16', () => {
    expect(rewrite(source, { minNodeMajor: 16 })).toContain(`require('timers/promises')`);
  });

  it('refuses unref and AbortSignal waits, which only timers/promises offers', () => {
    const unref = `setTimeout(() => {\n  setTimeout(() => console.log(1), 5);\n}, 5).unref();\n`;
    const cleared = `const id = setInterval(() => console.log('tick'), 5);\nsetTimeout(() => clearInterval(id), 12);\n`;
    for (const input of [unref, cleared]) {
      const result = transform(input, { minNodeMajor: 14, target: 'node' });
      expect(result.status).toBe('unchanged');
      expect(ruleIds(result, false)).toEqual(['timing/unsupported-node-version']);
    }
  });
});

describe('timing/next-tick-ordering converts and flags; --strict refuses, --allow lifts that', () => {
  const source = `setTimeout(() => {\n  process.nextTick(() => console.log('tick'));\n  setTimeout(() => console.log('two'), 5);\n}, 5);\n`;

  it('converts a chain whose callback calls process.nextTick, and reports it as applied', () => {
    expect(transform(source, { strict: true }).status).toBe('unchanged');
    for (const options of [{}, { strict: true, allow: ['timing/next-tick-ordering'] }]) {
      const result = transform(source, options);
      expect(result.status).toBe('changed');
      expect(result.findings.filter((finding) => finding.ruleId === 'timing/next-tick-ordering').map((finding) => finding.applied)).toEqual([true]);
    }
  });
});

describe('every timers-to-async fixture output', () => {
  const fixtures = discoverFixtures().filter((fixture) => fixture.transformId === 'timers-to-async' && fixture.hasOutput);

  it('exists', () => {
    expect(fixtures.length).toBeGreaterThan(20);
  });

  it('never replaces a timer by a microtask (no added `await null`, Promise.resolve or queueMicrotask)', () => {
    const microtask = /await null|await undefined|Promise\.resolve\(\)|queueMicrotask|process\.nextTick/g;
    for (const fixture of fixtures) {
      const count = (text: string) => text.match(microtask)?.length ?? 0;
      expect(count(readText(fixture.outputPath)), fixture.id).toBe(count(readText(fixture.inputPath)));
    }
  });

  it('never leaves a timer shorter than it was: every converted setTimeout keeps its delay expression', () => {
    const output = rewrite(`setTimeout(() => {\n  setTimeout(() => {}, 2 * 3);\n}, 7);\n`, { target: 'node' });
    expect(output).toContain('await setTimeout(7);');
    expect(output).toContain('await setTimeout(2 * 3);');
  });
});
