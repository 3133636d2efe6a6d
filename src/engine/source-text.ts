/**
 * Things recast should not see or should not lose: a byte-order mark, a shebang line and
 * the file's line terminator. Split off before parsing, put back after printing.
 */
export interface SourceFrame {
  bom: string;
  /** The shebang line as written (without its line end), or '' when there is none. */
  shebang: string;
  body: string;
  lineTerminator: '\n' | '\r\n';
}

export function splitSource(text: string): SourceFrame {
  let rest = text;
  let bom = '';
  if (rest.charCodeAt(0) === 0xfeff) {
    bom = '\ufeff';
    rest = rest.slice(1);
  }
  // The shebang becomes a line comment of the same length, so that line numbers hold.
  const shebang = rest.startsWith('#!') ? rest.slice(0, rest.search(/\r?\n|$/)) : '';
  if (shebang) rest = '//' + rest.slice(2);
  const crlf = (rest.match(/\r\n/g) || []).length;
  const lf = (rest.match(/\n/g) || []).length - crlf;
  return { bom, shebang, body: rest, lineTerminator: crlf > lf ? '\r\n' : '\n' };
}

export function joinSource(frame: SourceFrame, body: string): string {
  if (!frame.shebang) return frame.bom + body;
  const asComment = '//' + frame.shebang.slice(2);
  // Whatever a transform did around it, the shebang stays the file's first line.
  const restored = body.startsWith(asComment) ? frame.shebang + body.slice(asComment.length) : frame.shebang + frame.lineTerminator + body;
  return frame.bom + restored;
}

/** Single or double: whichever the file's string literals use more. */
export function dominantQuote(text: string): 'single' | 'double' {
  const single = (text.match(/'/g) || []).length;
  const double = (text.match(/"/g) || []).length;
  return double > single ? 'double' : 'single';
}
