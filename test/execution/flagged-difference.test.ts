import { describe, expect, it } from 'vitest';
import { convertAndFlagRuleIds, listRules } from '../../src/timing/rules';
import type { Finding } from '../../src/types';
import { compareTraces, flaggedSpans, type TracedRun } from './flagged-difference';
import type { TraceLine } from './trace';

const out = (text: string, line: number | null): TraceLine => ({ stream: 'out', text, line });
const run = (trace: TraceLine[] | undefined, exit = 'exit code 0', files: string[] = []): TracedRun => ({ trace, exit, files });

const before = run([out('start', 1), out('tick', 5), out('read', 8), out('end', 12)]);
/** `read` (printed by line 8) now comes before `tick`. */
const moved = run([out('start', 1), out('read', 9), out('tick', 6), out('end', 13)]);

function finding(ruleId: string, line: number, endLine: number, applied = true): Finding {
  return { ruleId, line, endLine, column: 1, endColumn: 1, applied, severity: 'info', message: '', path: 'fixture.js', transform: 'callbacks-to-async' };
}

describe('the flagged-difference rule', () => {
  it('passes identical traces, whatever script lines they carry', () => {
    const same = run(before.trace!.map((line) => ({ ...line, line: (line.line ?? 0) + 3 })));
    expect(compareTraces(before, same, [])).toEqual({ passes: true, excused: [], failures: [] });
  });

  it('fails a moved line when no flagged span covers the statement that printed it', () => {
    const result = compareTraces(before, moved, []);
    expect(result.passes).toBe(false);
    expect(result.failures.join('\n')).toContain('moved outside any flagged span');
    expect(compareTraces(before, moved, [{ ruleId: 'x', line: 1, endLine: 4 }]).passes).toBe(false);
  });

  it('excuses a moved line whose statement lies within [line, endLine] of a flagged span', () => {
    const result = compareTraces(before, moved, [{ ruleId: 'x', line: 2, endLine: 6 }]);
    expect(result.passes).toBe(true);
    expect(result.excused.map((line) => line.text)).toEqual(['tick']);
  });

  it('never excuses a missing or an extra line, an exit, or the files left behind', () => {
    const span = [{ ruleId: 'x', line: 1, endLine: 20 }];
    expect(compareTraces(before, run(before.trace!.slice(0, 3)), span).failures).toEqual(['missing after the rewrite: [out]@12 end']);
    expect(compareTraces(before, run([...before.trace!, out('more', 14)]), span).failures).toEqual(['extra after the rewrite: [out]@14 more']);
    expect(compareTraces(before, run(before.trace!, 'exit code 1'), span).failures).toEqual(['exit differs: before: exit code 0; after: exit code 1']);
    expect(compareTraces(before, run(before.trace!, 'exit code 0', ['a.txt 3']), span).passes).toBe(false);
    expect(compareTraces(before, run(undefined), span).passes).toBe(false);
  });

  it('takes only applied findings of rules that convert and flag', () => {
    const findings = [finding('timing/a', 2, 6), finding('timing/b', 7, 9), finding('timing/a', 10, 11, false)];
    expect(flaggedSpans(findings, ['timing/a'])).toEqual([{ ruleId: 'timing/a', line: 2, endLine: 6 }]);
    expect(flaggedSpans(findings, [])).toEqual([]);
  });

  it('reads the rules that convert and flag from the rule table', () => {
    const flagging = listRules().filter((rule) => rule.policy === 'convert-and-flag').map((rule) => rule.id);
    expect(convertAndFlagRuleIds()).toEqual(flagging);
  });
});
