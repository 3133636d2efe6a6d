import { diffArrays } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSequences } from '../src/engine/sequence-diff';

// The style passes' diff (src/engine/sequence-diff.ts) must choose exactly the edit script the
// `diff` package's diffArrays chooses: the passes' output depends on which tokens are matched.

const reference = (before: string[], after: string[]) => diffArrays(before, after).map((part) => ({ count: part.count ?? 0, added: !!part.added, removed: !!part.removed }));

describe('diffSequences', () => {
  it('gives diffArrays\' runs on small alphabets, where equally short scripts abound', () => {
    const sequence = fc.array(fc.constantFrom('a', 'b', 'c', '}', ''), { maxLength: 40 });
    fc.assert(
      fc.property(sequence, sequence, (before, after) => {
        expect(diffSequences(before, after)).toEqual(reference(before, after));
      }),
      { numRuns: 3000, seed: 22 },
    );
  });

  it('gives diffArrays\' runs on edited copies (long common stretches, moved and repeated lines)', () => {
    const edit = fc.tuple(fc.array(fc.constantFrom('x', 'y', 'z', 'w'), { minLength: 30, maxLength: 200 }), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom('x', 'q', 'r'))));
    fc.assert(
      fc.property(edit, ([before, edits]) => {
        const after: string[] = [...before];
        for (const [at, removed, inserted] of edits) after.splice(at % (after.length + 1), removed, inserted);
        expect(diffSequences(before, after)).toEqual(reference(before, after));
      }),
      { numRuns: 1000, seed: 7 },
    );
  });

  it('handles empty sequences', () => {
    expect(diffSequences([], [])).toEqual([]);
    expect(diffSequences(['a'], [])).toEqual([{ count: 1, added: false, removed: true }]);
    expect(diffSequences([], ['a', 'b'])).toEqual([{ count: 2, added: true, removed: false }]);
  });
});
