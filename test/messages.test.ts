import { describe, expect, it } from 'vitest';
import { toFinding } from '../src/engine/findings';
import { transformSource } from '../src/engine/transform-source';
import { buildReport } from '../src/report/build-report';
import { formatReport } from '../src/report/format';
import { findMessageTemplate, renderMessage, ruleMessages, wrappedMessages } from '../src/timing/messages';
import { getRuleOrThrow, listRules } from '../src/timing/rules';

const node = { loc: { start: { line: 3, column: 0 }, end: { line: 3, column: 5 } } };

describe('rule messages by id', () => {
  it('belong to rules that exist, and every rule has its messages in its table entry', () => {
    const ids = new Set(listRules().map((rule) => rule.id));
    expect(Object.keys(ruleMessages).filter((id) => !ids.has(id))).toEqual([]);
    for (const rule of listRules()) expect(rule.messages, rule.id).toEqual(ruleMessages[rule.id] ?? {});
    expect(getRuleOrThrow('timing/next-tick-ordering').messages?.nextTickInBody).toContain('process.nextTick');
  });

  it('use lowerCamelCase ids, unique within a rule and apart from the wrapped messages', () => {
    for (const [ruleId, messages] of Object.entries(ruleMessages)) {
      for (const id of Object.keys(messages)) {
        expect(id, ruleId).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(wrappedMessages[id], `${ruleId} ${id} is also a wrapped message id`).toBeUndefined();
      }
    }
  });

  it('fill placeholders from data, and fail loudly on a missing value or an unknown id', () => {
    expect(renderMessage('timing/callback-maybe-not-called', 'maybeNeverCalled', { callback: 'done' })).toBe(
      'On some path `done` is never called, so a promise would never settle.',
    );
    expect(() => renderMessage('timing/callback-maybe-not-called', 'maybeNeverCalled', {})).toThrow(/no "callback"/);
    expect(() => renderMessage('timing/callback-maybe-not-called', 'noSuchMessage')).toThrow(/Unknown message id noSuchMessage/);
    expect(findMessageTemplate('timing/name-conflict', 'maybeNeverCalled')).toBeUndefined();
  });

  it('render a wrapped message around the reason its data names', () => {
    const data = { asyncMethod: 'series', reasonId: 'maybeNeverCalled', callback: 'cb' };
    expect(renderMessage('timing/callback-maybe-not-called', 'asyncTaskRefused', data)).toBe(
      'A task of async.series stays a callback function, so the call is left as is: On some path `cb` is never called, so a promise would never settle.',
    );
  });

  it('give findings their id, data and text; a finding without an id keeps the text it gave', () => {
    const finding = toFinding({ ruleId: 'timing/name-conflict', messageId: 'bodyNameTaken', data: { name: 'text' }, node, applied: false }, 'a.js', 't');
    expect(finding).toMatchObject({ messageId: 'bodyNameTaken', data: { name: 'text' }, message: 'Moving the callback body would declare `text` where that name is already used.' });
    const bare = toFinding({ ruleId: 'timing/name-conflict', message: 'own words', node, applied: false }, 'a.js', 't');
    expect(bare.message).toBe('own words');
    expect(bare.messageId).toBeUndefined();
  });

  it('reach the JSON report', () => {
    const source = "const fs = require('fs');\nfs.readFile('a', (err, text) => {\n  if (err) throw err;\n  console.log(text);\n});\n";
    const result = transformSource(source, { path: 'a.js' });
    const report = JSON.parse(formatReport(buildReport([result], process.cwd()), 'json'));
    const findings = report.files[0].findings as Array<{ messageId?: string; data?: Record<string, unknown> }>;
    expect(findings.map((finding) => finding.messageId).sort()).toEqual(['errorThrown', 'operationCallback']);
    expect(findings.find((finding) => finding.messageId === 'operationCallback')?.data).toEqual({ api: 'fs.readFile' });
  });
});
