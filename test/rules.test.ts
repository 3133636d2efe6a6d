import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toFinding } from '../src/engine/findings';
import { run } from '../src/engine/run';
import { parseRuleDocs } from '../src/timing/rule-docs';
import { getRule, listRules } from '../src/timing/rules';
import { discoverFixtures, readExpectedFindings } from './helpers/fixtures';

const projectRoot = path.resolve(__dirname, '..');
const rules = listRules();
const ids = rules.map((rule) => rule.id);
const docs = parseRuleDocs(readFileSync(path.join(projectRoot, 'docs/rules.md'), 'utf8'));

/** Every `.findings.json` of every fixture, with the rule ids it expects. */
const fixtureFindings = discoverFixtures()
  .filter((fixture) => fixture.hasFindings)
  .map((fixture) => ({ id: fixture.id, findings: readExpectedFindings(fixture.findingsPath) }));

function filesBelow(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? filesBelow(full) : [full];
  });
}

describe('the rule table', () => {
  it('has unique ids', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names every rule timing/<kebab-case-name>', () => {
    expect(ids.filter((id) => !/^timing\/[a-z0-9]+(-[a-z0-9]+)*$/.test(id))).toEqual([]);
  });

  it('gives every rule a severity and a one-line message', () => {
    for (const rule of rules) {
      expect(['info', 'warning', 'error'], rule.id).toContain(rule.severity);
      expect(rule.message.trim(), rule.id).not.toBe('');
      expect(rule.message, rule.id).not.toContain('\n');
    }
  });

  it('keeps the starting set of the design', () => {
    const startingSet = [
      'sync-callback-now-async', 'callback-moved-to-microtask', 'timer-to-microtask', 'concurrency-changed',
      'throw-becomes-rejection', 'multiple-callback-calls', 'callback-stored-or-escaping', 'event-emitter-callback',
      'return-value-now-promise', 'extra-microtask-ticks', 'next-tick-ordering', 'empty-collection-timing',
    ];
    expect(startingSet.filter((name) => !getRule(`timing/${name}`))).toEqual([]);
  });

  it('refuses to turn an unknown rule id into a finding', () => {
    expect(() => toFinding({ ruleId: 'timing/no-such-rule', node: { loc: null }, applied: false }, 'a.js', 'x')).toThrow(/Unknown rule id timing\/no-such-rule/);
  });
});

describe('docs/rules.md', () => {
  const documented = docs.map((doc) => doc.id);

  it('documents every rule id, once', () => {
    expect(ids.filter((id) => !documented.includes(id)), 'rule ids without a `## <id>` section').toEqual([]);
    expect(documented.filter((id, index) => documented.indexOf(id) !== index), 'ids documented twice').toEqual([]);
  });

  it('has no section for an id the table lacks', () => {
    expect(documented.filter((id) => !getRule(id))).toEqual([]);
  });

  it('says, for every rule, what changes, shows code before, and says when it is harmless', () => {
    for (const doc of docs) {
      expect(doc.markdown, doc.id).toContain('**What changes.**');
      expect(doc.markdown, doc.id).toMatch(/Before:\n\n```js\n[\s\S]+?\n```/);
      expect(doc.markdown, doc.id).toMatch(/After[^\n]*:?/);
      expect(doc.markdown, doc.id).toContain('**Harmless when**');
    }
  });

  it('states each rule\'s severity as the table does', () => {
    for (const doc of docs) {
      const rule = getRule(doc.id);
      if (rule) expect(doc.markdown, doc.id).toContain(`**Severity:** ${rule.severity}.`);
    }
  });
});

describe('emitted rule ids', () => {
  it('finds fixtures with findings', () => {
    expect(fixtureFindings.length).toBeGreaterThan(0);
  });

  it('every fixture expects only rule ids of the table', () => {
    const unknown = fixtureFindings.flatMap(({ id, findings }) => findings.filter((finding) => !getRule(finding.ruleId)).map((finding) => `${id}: ${finding.ruleId}`));
    expect(unknown).toEqual([]);
  });

  it('every rule id written in the transforms is in the table', () => {
    const written = filesBelow(path.join(projectRoot, 'src/transforms'))
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/['"`](timing\/[a-z0-9-]+)['"`]/g)].map((match) => `${path.relative(projectRoot, file)}: ${match[1]}`));
    expect(written.length).toBeGreaterThan(0);
    expect(written.filter((entry) => !getRule(entry.split(': ')[1]))).toEqual([]);
  });

  it('a run over examples/ emits only rule ids of the table (an unknown id would fail the file)', async () => {
    const report = await run({ paths: ['examples'], cwd: projectRoot });
    expect(report.files.filter((file) => file.status === 'error').map((file) => file.error?.message)).toEqual([]);
    const findings = report.files.flatMap((file) => file.findings);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.filter((finding) => !getRule(finding.ruleId)).map((finding) => finding.ruleId)).toEqual([]);
  });

  it('every rule id has at least one fixture that triggers it', () => {
    const triggered = new Set(fixtureFindings.flatMap(({ findings }) => findings.map((finding) => finding.ruleId)));
    expect(ids.filter((id) => !triggered.has(id)), 'rule ids that no __testfixtures__/*/*.findings.json expects').toEqual([]);
  });
});
