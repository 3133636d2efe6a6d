/**
 * The shortest edit script between two sequences of strings, as runs of kept, removed and added
 * items: the style passes' token match (token-match.ts) runs it over every printed text, so it
 * must be cheap. The result is exactly the one the `diff` package's diffArrays gives (a test holds
 * the two to the same answers): the style passes were tuned against its choice among equally short
 * scripts, and an output that moved with the algorithm would be a different output.
 *
 * The search is Myers' greedy one, diagonal by diagonal (k = old position - new position), with
 * the choices diffArrays makes: from diagonal k the farther of the two neighbours (an insertion
 * when it is strictly farther along the old sequence, else a deletion), a snake of equal items
 * after each step, a neighbour dropped once used or stuck, and the diagonals beyond a reached edge
 * no longer tried. What differs is the bookkeeping: the strings become integers first (equal
 * strings, equal numbers), and the paths' runs live in typed arrays instead of an object each.
 */

export interface DiffPart {
  count: number;
  added: boolean;
  removed: boolean;
}

const KEPT = 0;
const ADDED = 1;
const REMOVED = 2;
/** No path on this diagonal (positions are at least -1). */
const NONE = -2;

/** The runs of every path searched: a persistent linked list, each run pointing to the one before it (-1: none). */
class Runs {
  count = new Int32Array(256);
  kind = new Uint8Array(256);
  previous = new Int32Array(256);
  size = 0;

  push(count: number, kind: number, previous: number): number {
    if (this.size === this.count.length) this.grow();
    const index = this.size++;
    this.count[index] = count;
    this.kind[index] = kind;
    this.previous[index] = previous;
    return index;
  }

  private grow(): void {
    const length = this.count.length * 2;
    const count = new Int32Array(length);
    const kind = new Uint8Array(length);
    const previous = new Int32Array(length);
    count.set(this.count);
    kind.set(this.kind);
    previous.set(this.previous);
    [this.count, this.kind, this.previous] = [count, kind, previous];
  }

  /** The path that ends with run `last`, first run first. */
  parts(last: number): DiffPart[] {
    const parts: DiffPart[] = [];
    for (let run = last; run >= 0; run = this.previous[run]) {
      parts.push({ count: this.count[run], added: this.kind[run] === ADDED, removed: this.kind[run] === REMOVED });
    }
    return parts.reverse();
  }
}

/** Both sequences as numbers, equal strings as equal numbers. */
function numbered(before: readonly string[], after: readonly string[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const toIds = (items: readonly string[]): Int32Array => {
    const out = new Int32Array(items.length);
    for (let i = 0; i < items.length; i++) {
      let id = ids.get(items[i]);
      if (id === undefined) ids.set(items[i], (id = ids.size));
      out[i] = id;
    }
    return out;
  };
  return [toIds(before), toIds(after)];
}

export function diffSequences(beforeItems: readonly string[], afterItems: readonly string[]): DiffPart[] {
  const [before, after] = numbered(beforeItems, afterItems);
  const oldLength = before.length;
  const newLength = after.length;
  const runs = new Runs();
  // Per diagonal k (stored at k + offset): the old position its path reached, and its last run.
  const offset = oldLength + newLength + 1;
  const oldPos = new Int32Array(2 * offset + 1).fill(NONE);
  const lastRun = new Int32Array(2 * offset + 1).fill(-1);

  /** Follows equal items from the path's end on diagonal k; returns the new position reached. */
  const snake = (k: number, from: number, run: number): number => {
    let o = from;
    let n = from - k;
    let common = 0;
    while (n + 1 < newLength && o + 1 < oldLength && before[o + 1] === after[n + 1]) {
      n++;
      o++;
      common++;
    }
    oldPos[k + offset] = o;
    lastRun[k + offset] = common > 0 ? runs.push(common, KEPT, run) : run;
    return n;
  };
  /** A step from a path whose last run is `last`: that run one longer when it is of the same kind, else a new run. */
  const step = (last: number, kind: number): number =>
    last >= 0 && runs.kind[last] === kind ? runs.push(runs.count[last] + 1, kind, runs.previous[last]) : runs.push(1, kind, last);

  let newPos = snake(0, -1, -1);
  if (oldPos[offset] + 1 >= oldLength && newPos + 1 >= newLength) return runs.parts(lastRun[offset]);

  let minDiagonal = -Infinity;
  let maxDiagonal = Infinity;
  for (let editLength = 1; editLength <= oldLength + newLength; editLength++) {
    for (let k = Math.max(minDiagonal, -editLength); k <= Math.min(maxDiagonal, editLength); k += 2) {
      const removeAt = k - 1 + offset;
      const addAt = k + 1 + offset;
      const removeOld = oldPos[removeAt];
      const removeRun = lastRun[removeAt];
      const hasRemove = removeOld !== NONE;
      // The neighbour below is used now or never: no later diagonal starts from it.
      if (hasRemove) oldPos[removeAt] = NONE;
      const addOld = oldPos[addAt];
      const canAdd = addOld !== NONE && addOld - k >= 0 && addOld - k < newLength;
      const canRemove = hasRemove && removeOld + 1 < oldLength;
      if (!canAdd && !canRemove) {
        oldPos[k + offset] = NONE;
        continue;
      }
      if (!canRemove || (canAdd && removeOld < addOld)) newPos = snake(k, addOld, step(lastRun[addAt], ADDED));
      else newPos = snake(k, removeOld + 1, step(removeRun, REMOVED));
      const reached = oldPos[k + offset];
      if (reached + 1 >= oldLength && newPos + 1 >= newLength) return runs.parts(lastRun[k + offset]);
      if (reached + 1 >= oldLength) maxDiagonal = Math.min(maxDiagonal, k - 1);
      if (newPos + 1 >= newLength) minDiagonal = Math.max(minDiagonal, k + 1);
    }
  }
  // Unreachable: an edit script of length old + new always exists.
  throw new Error('diffSequences: no edit script found');
}
