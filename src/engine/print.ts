import type { Collection } from 'jscodeshift';
import { dominantQuote, type SourceFrame } from './source-text';

/**
 * recast doubles the semicolon after a directive (`'use strict';;`) when it reprints a
 * program that has comments; put back the text as it was.
 */
function undoDoubledDirectiveSemicolons(printed: string, original: string, directives: string[]): string {
  let text = printed;
  for (const directive of directives) {
    const doubled = `${directive};`;
    if (directive.endsWith(';') && text.includes(doubled) && !original.includes(doubled)) text = text.replace(doubled, directive);
  }
  return text;
}

/**
 * recast prints two helper functions awaitify adds next to each other as `}// awaitify: …`:
 * each helper's comment goes on a line of its own.
 */
function separateAddedHelpers(printed: string, frame: SourceFrame): string {
  const glued = '}// awaitify: ';
  if (!printed.includes(glued) || frame.body.includes(glued)) return printed;
  return printed.replace(/\}\/\/ awaitify: /g, `}${frame.lineTerminator}// awaitify: `);
}

/** Prints with recast: untouched code is reused as it was, new code follows the file's habits. */
export function printRoot(root: Collection, frame: SourceFrame): string {
  const printed = root.toSource({
    lineTerminator: frame.lineTerminator,
    quote: dominantQuote(frame.body),
    reuseWhitespace: true,
    arrowParensAlways: true,
  });
  const program = root.get().value.program;
  const directives: string[] = (program?.directives ?? [])
    .filter((directive: { start?: number; end?: number }) => typeof directive.start === 'number' && typeof directive.end === 'number')
    .map((directive: { start: number; end: number }) => frame.body.slice(directive.start, directive.end));
  return separateAddedHelpers(undoDoubledDirectiveSemicolons(printed, frame.body, directives), frame);
}
