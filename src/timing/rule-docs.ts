import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findOwnPackage } from '../io/package-root';

/** docs/rules.md: one `## timing/<id>` section per rule, in the order of the file. */
export interface RuleDoc {
  id: string;
  /** The section's Markdown, without its heading. */
  markdown: string;
}

const heading = /^## (timing\/\S+)\s*$/;

/** Splits the rule docs into their sections; text before the first rule heading is left out. */
export function parseRuleDocs(markdown: string): RuleDoc[] {
  const docs: RuleDoc[] = [];
  let current: { id: string; lines: string[] } | undefined;
  let fence = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const match = fence ? null : heading.exec(line);
    if (match || (!fence && /^#{1,2} /.test(line))) {
      if (current) docs.push({ id: current.id, markdown: current.lines.join('\n').trim() });
      current = match ? { id: match[1], lines: [] } : undefined;
      continue;
    }
    current?.lines.push(line);
  }
  if (current) docs.push({ id: current.id, markdown: current.lines.join('\n').trim() });
  return docs;
}

let loaded: Map<string, RuleDoc> | undefined;

/** The rule docs shipped with awaitify (docs/rules.md); empty when the file is missing. */
export function loadRuleDocs(): Map<string, RuleDoc> {
  if (loaded) return loaded;
  const own = findOwnPackage();
  let text = '';
  try {
    if (own) text = readFileSync(path.join(own.root, 'docs', 'rules.md'), 'utf8');
  } catch {
    text = '';
  }
  loaded = new Map(parseRuleDocs(text).map((doc) => [doc.id, doc]));
  return loaded;
}

/** Markdown to plain text for tools that show no Markdown: fences and emphasis marks go. */
export function markdownToText(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !/^\s*(```|~~~)/.test(line))
    .map((line) => line.replace(/\*\*(.+?)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1'))
    .join('\n');
}
