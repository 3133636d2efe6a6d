/** Fewer columns than this left for the text after an indent: indent less instead. */
const minimumTextWidth = 30;

/**
 * Wraps `text` at spaces so that no line is wider than `width`: the first line after `prefix`
 * (its visible width is `prefixWidth`, colour codes not counted), the next ones under the text, or
 * under a short indent when the prefix leaves too little room. A word longer than a line stays
 * whole (a path is never broken). Without a width, one line.
 */
export function wrapAfterPrefix(prefix: string, prefixWidth: number, text: string, width: number | undefined): string[] {
  if (width === undefined || prefixWidth + text.length <= width) return [prefix + text];
  const indentWidth = width - prefixWidth >= minimumTextWidth ? prefixWidth : 4;
  const firstRoom = Math.max(width - prefixWidth, 1);
  const room = Math.max(width - indentWidth, minimumTextWidth);
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const limit = lines.length === 0 ? firstRoom : room;
    if (current !== '' && current.length + 1 + word.length > limit) {
      lines.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  lines.push(current);
  const indent = ' '.repeat(indentWidth);
  return lines.map((line, index) => (index === 0 ? prefix + line : indent + line));
}
