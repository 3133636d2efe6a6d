import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createParser, resolveParserName } from '../src/engine/parse';
import { splitSource } from '../src/engine/source-text';
import { transformSource } from '../src/engine/transform-source';
import { transforms } from '../src/transforms';
import { mayApply, transformsWithTriggers } from '../src/transforms/triggers';
import type { FileResult, TransformOptions, TransformSourceOptions } from '../src/types';
import { discoverFixtures, fixtureOptions } from './helpers/fixtures';

// The cheap first pass (src/transforms/triggers.ts) must pass every file any transform finds
// something in. Every fixture input and output, the then-to-await samples and the examples go
// through the whole pipeline (firstPass: false): a file with a finding or a change that the
// triggers turn away fails here, so triggers that fall out of step with a transform's detection fail npm test.

const allIds = transforms.map((transform) => transform.meta.id);

interface Sample {
  id: string;
  path: string;
  text: string;
}

function samples(): Sample[] {
  const fromFixtures = discoverFixtures().flatMap((fixture): Sample[] => [
    { id: fixture.id, path: fixture.inputFileName, text: readFileSync(fixture.inputPath, 'utf8') },
    ...(fixture.hasOutput ? [{ id: `${fixture.transformId}/${fixture.outputFileName}`, path: fixture.outputFileName, text: readFileSync(fixture.outputPath, 'utf8') }] : []),
  ]);
  const folder = (dir: string) =>
    readdirSync(dir)
      .filter((name) => /\.(c|m)?(j|t)sx?$/.test(name))
      .map((name) => ({ id: `${dir}/${name}`, path: name, text: readFileSync(join(dir, name), 'utf8') }));
  return [...fromFixtures, ...folder(resolve(__dirname, 'then-to-await')), ...folder(resolve(__dirname, '../examples'))];
}

/** Anything a transform did or said: a filtered file must have none of it. */
function foundSomething(result: FileResult): boolean {
  return result.status !== 'unchanged' || result.findings.length > 0 || (result.suppressed?.length ?? 0) > 0;
}

function passes(sample: Sample, ids: string[], options: TransformSourceOptions): boolean {
  const program = createParser(resolveParserName(undefined, sample.path)).parse(splitSource(sample.text).body).program;
  return mayApply(program, ids, options as TransformOptions);
}

const all = samples();

/** The whole pipeline's result of every transform on a sample: both tests below compare against it. */
const wholeResults = new Map<Sample, FileResult>();
function wholePipeline(sample: Sample, options: TransformSourceOptions): FileResult {
  if (!wholeResults.has(sample)) wholeResults.set(sample, transformSource(sample.text, { ...options, transforms: allIds, firstPass: false }));
  return wholeResults.get(sample)!;
}

describe('the cheap first pass', () => {
  it('has triggers for every transform', () => {
    expect([...transformsWithTriggers].sort()).toEqual([...allIds].sort());
  });

  it('passes every sample file in which a transform, alone or with the others, finds something', () => {
    expect(all.length).toBeGreaterThan(300);
    const missed: string[] = [];
    let [found, turnedAway] = [0, 0];
    for (const sample of all) {
      const options = { path: sample.path, ...fixtureOptions(sample.text) };
      // All transforms together: the whole pipeline runs on every sample (the next test needs it too).
      const whole = wholePipeline(sample, options);
      if (foundSomething(whole)) found += 1;
      if (foundSomething(whole) && !passes(sample, allIds, options)) missed.push(`${sample.id} (all): ${whole.status}, ${whole.findings.map((finding) => finding.ruleId).join(' ')}`);
      // Each transform alone: what its trigger passes can miss nothing, so the transform runs
      // only where the trigger turns the sample away (where this check can fail).
      for (const id of allIds) {
        if (passes(sample, [id], options)) continue;
        turnedAway += 1;
        const alone = transformSource(sample.text, { ...options, transforms: [id], firstPass: false });
        if (foundSomething(alone)) missed.push(`${sample.id} (${id}): ${alone.status}, ${alone.findings.map((finding) => finding.ruleId).join(' ')}`);
      }
    }
    expect(found).toBeGreaterThan(250);
    expect(turnedAway).toBeGreaterThan(250);
    expect(missed).toEqual([]);
  }, 600_000);

  it('gives every sample file the same result as the whole pipeline', () => {
    const different = all.filter((sample) => {
      const options = { path: sample.path, ...fixtureOptions(sample.text) };
      return JSON.stringify(transformSource(sample.text, { ...options, transforms: allIds })) !== JSON.stringify(wholePipeline(sample, options));
    });
    expect(different.map((sample) => sample.id)).toEqual([]);
  }, 600_000);

  it('turns away plain synchronous code, which is then reported unchanged without a transform running', () => {
    const text = `const path = require('path');
function join(base, name) {
  return path.join(base, name);
}
module.exports = { names: ['a', 'b'].map((name) => join('/tmp', name)) };
`;
    expect(passes({ id: 'sync.js', path: 'sync.js', text }, allIds, {})).toBe(false);
    expect(transformSource(text, { path: 'sync.js' })).toEqual({ path: 'sync.js', status: 'unchanged', source: text, findings: [] });
  });

  it('passes what each transform looks for', () => {
    const cases: Array<[string, string]> = [
      ['callbacks-to-async', "const fs = require('fs');\nfs.readFile('a', done);\n"],
      ['callbacks-to-async', 'function load(id, cb) {\n  setup(id);\n  cb(null, id);\n}\n'],
      ['callbacks-to-async', 'function load(id, next) {\n  lookup(id, next);\n}\n'],
      ['callbacks-to-async', 'run(function (err, value) {\n  if (err) throw err;\n});\n'],
      ['then-to-await', 'function get() {\n  return fetch(url).then((response) => response.json());\n}\n'],
      ['then-to-await', "const { promisify } = require('util');\n"],
      ['timers-to-async', 'setTimeout(step, 10);\n'],
      ['timers-to-async', 'const wait = (ms) => new Promise((resolve) => later(resolve, ms));\n'],
    ];
    for (const [id, text] of cases) expect(passes({ id, path: 'case.js', text }, [id], {}), `${id}: ${text}`).toBe(true);
  });

  it('is off for a second pass, whose options reach calls no trigger looks for', () => {
    const text = "const store = require('./store');\nstore.load('a', done);\n";
    expect(passes({ id: 'second.js', path: 'second.js', text }, allIds, {})).toBe(false);
    expect(passes({ id: 'second.js', path: 'second.js', text }, allIds, { externalApis: [] })).toBe(true);
  });
});
