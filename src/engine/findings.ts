import { renderMessage } from '../timing/messages';
import { getRuleOrThrow } from '../timing/rules';
import type { Finding, FindingInput } from '../types';

/** The finding's text: its message by id with the data filled in, or the text it gave. */
function messageText(input: FindingInput, fallback: string): string {
  if (input.messageId === undefined) return input.message ?? fallback;
  return renderMessage(input.ruleId, input.messageId, input.data);
}

/** Completes a transform's finding with what the engine knows: path, transform, severity. */
export function toFinding(input: FindingInput, path: string, transform: string): Finding {
  const rule = getRuleOrThrow(input.ruleId);
  const loc = input.node.loc;
  return {
    ruleId: rule.id,
    severity: rule.severity,
    message: messageText(input, rule.message),
    ...(input.messageId !== undefined && { messageId: input.messageId }),
    ...(input.data !== undefined && Object.keys(input.data).length > 0 && { data: input.data }),
    path,
    line: loc ? loc.start.line : 1,
    column: loc ? loc.start.column + 1 : 1,
    endLine: loc ? loc.end.line : 1,
    endColumn: loc ? loc.end.column + 1 : 1,
    transform,
    applied: input.applied,
  };
}

/** `a.localeCompare(b)` is this collator's compare, made anew on every call: made once here, the same order. */
const byLocale = new Intl.Collator().compare;

export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || byLocale(a.ruleId, b.ruleId);
}
