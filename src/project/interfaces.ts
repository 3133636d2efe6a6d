import type { ts } from 'ts-morph';
import { createParser, resolveParserName } from '../engine/parse';
import type { ParserName } from '../types';
import type { TypeScript } from './load';

/** An interface member whose implementations all became async. */
export interface InterfaceUpdate {
  member: ts.MethodSignature;
  /** Absolute path of the file that declares it. */
  file: string;
  /** The implementations kept their callback form: the member does too (optional). */
  dual: boolean;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Rewrites the callback signatures of interface members in `text` (the file as the run left it)
 * to what their converted implementations are: `load(id: string, cb: (err: Error | null, v?:
 * string) => void): void;` becomes `load(id: string, cb?: …): Promise<string> | undefined;` (dual)
 * or `load(id: string): Promise<string>;`. Two small text edits per member, the rest of the file
 * byte for byte; members it cannot find again are left as they are. The result must parse.
 */
export function updateInterfaces(ts: TypeScript, file: string, text: string, updates: readonly InterfaceUpdate[], parser?: ParserName): { text: string; count: number } {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, /\.tsx$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const edits: Edit[] = [];
  let count = 0;
  for (const update of updates) {
    const member = findMember(ts, sourceFile, update.member);
    if (!member) continue;
    const memberEdits = editsFor(ts, sourceFile, member, update.dual);
    if (!memberEdits) continue;
    edits.push(...memberEdits);
    count++;
  }
  if (count === 0) return { text, count: 0 };
  let edited = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) edited = edited.slice(0, edit.start) + edit.text + edited.slice(edit.end);
  try {
    createParser(resolveParserName(parser, file)).parse(edited);
  } catch {
    return { text, count: 0 };
  }
  return { text: edited, count };
}

/** The owner's name: an interface, or a type alias of an object type. */
function ownerName(ts: TypeScript, member: ts.Node): string | undefined {
  const owner = member.parent;
  if (ts.isInterfaceDeclaration(owner)) return owner.name.text;
  if (ts.isTypeLiteralNode(owner) && ts.isTypeAliasDeclaration(owner.parent)) return owner.parent.name.text;
  return undefined;
}

/** The same member in the new text: same owner, same name, same parameter count. */
function findMember(ts: TypeScript, sourceFile: ts.SourceFile, original: ts.MethodSignature): ts.MethodSignature | undefined {
  const owner = ownerName(ts, original);
  const name = original.name.getText(original.getSourceFile());
  if (!owner) return undefined;
  let found: ts.MethodSignature | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isMethodSignature(node) && ownerName(ts, node) === owner && node.name.getText(sourceFile) === name && node.parameters.length === original.parameters.length) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function editsFor(ts: TypeScript, sourceFile: ts.SourceFile, member: ts.MethodSignature, dual: boolean): Edit[] | undefined {
  const callback = member.parameters[member.parameters.length - 1];
  if (!callback?.type || !ts.isFunctionTypeNode(callback.type)) return undefined;
  const values = callback.type.parameters.slice(1).map((parameter) => (parameter.type ? parameter.type.getText(sourceFile) : 'unknown'));
  const value = values.length === 0 ? 'void' : values.length === 1 ? values[0] : `[${values.join(', ')}]`;
  const promise = `Promise<${value}>`;
  const returned = dual ? `${promise} | undefined` : promise;
  const edits: Edit[] = [];
  if (dual) {
    if (!callback.questionToken) edits.push({ start: callback.name.end, end: callback.name.end, text: '?' });
  } else {
    // The callback parameter goes, with the comma before it.
    const previous = member.parameters[member.parameters.length - 2];
    edits.push({ start: previous ? previous.end : callback.getStart(sourceFile), end: callback.end, text: '' });
  }
  if (member.type) {
    edits.push({ start: member.type.getStart(sourceFile), end: member.type.end, text: returned });
  } else {
    const close = sourceFile.text.indexOf(')', member.parameters.end);
    if (close < 0) return undefined;
    edits.push({ start: close + 1, end: close + 1, text: `: ${returned}` });
  }
  return edits;
}
