import type { Collection } from 'jscodeshift';
import { dominantQuote, type SourceFrame } from './source-text';

/** Prints with recast: untouched code is reused as it was, new code follows the file's habits. */
export function printRoot(root: Collection, frame: SourceFrame): string {
  return root.toSource({
    lineTerminator: frame.lineTerminator,
    quote: dominantQuote(frame.body),
    reuseWhitespace: true,
  });
}
