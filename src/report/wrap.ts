/** Fewer columns than this left for the text after a prefix: the text starts on the next line. */
const minimumTextWidth = 30;
const shortIndent = 4;

/** Words into lines of at most `room` characters; a word longer than that stays whole (a path is never broken). */
function fillLines(text: string, room: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > room) {
      lines.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  lines.push(current);
  return lines;
}

/**
 * Wraps `text` at spaces so that no line is wider than `width`: after `prefix` (its visible width
 * is `prefixWidth`, colour codes not counted) and under it, or, when the prefix leaves too little
 * room, on the lines below the prefix under a short indent. Without a width, one line.
 */
export function wrapAfterPrefix(prefix: string, prefixWidth: number, text: string, width: number | undefined): string[] {
  if (width === undefined || prefixWidth + text.length <= width) return [prefix + text];
  if (width - prefixWidth < minimumTextWidth) {
    const indent = ' '.repeat(shortIndent);
    return [prefix.trimEnd(), ...fillLines(text, Math.max(width - shortIndent, 1)).map((line) => indent + line)];
  }
  const indent = ' '.repeat(prefixWidth);
  return fillLines(text, width - prefixWidth).map((line, index) => (index === 0 ? prefix : indent) + line);
}
