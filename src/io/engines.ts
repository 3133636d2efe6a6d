import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { memoize } from './memoize';

const wildcard = /^[xX*]$/;

/**
 * The lowest Node major version a semver range allows (">=14" -> 14, "^12.20 || >=14" -> 12,
 * "<16" -> 0); undefined when the range cannot be read.
 */
export function parseMinNodeMajor(range: string): number | undefined {
  let lowest: number | undefined;
  for (const alternative of range.split('||')) {
    const major = lowestMajorOfComparatorSet(alternative);
    if (major === undefined) return undefined;
    lowest = lowest === undefined ? major : Math.min(lowest, major);
  }
  return lowest;
}

function lowestMajorOfComparatorSet(set: string): number | undefined {
  // ">= 8.0.0" is written with a space now and then; glue operators to their versions.
  const normalized = set.replace(/(>=|<=|>|<|=|\^|~>?)\s+/g, '$1').trim();
  const hyphenRange = /^(\S+)\s+-\s+\S+$/.exec(normalized);
  const comparators = hyphenRange ? [`>=${hyphenRange[1]}`] : normalized.split(/\s+/).filter(Boolean);
  let floor = 0;
  for (const comparator of comparators) {
    const match = /^(>=|<=|>|<|=|\^|~>?)?v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:[-+][0-9A-Za-z.+-]*)?$/.exec(comparator);
    if (!match) return undefined;
    const [, operator = '', majorText, minorText] = match;
    // Upper bounds and wildcards do not raise the floor.
    if (operator === '<' || operator === '<=' || wildcard.test(majorText)) continue;
    let major = Number(majorText);
    // ">14" (or ">14.x") means ">=15.0.0"; ">14.2" still allows 14.3.
    if (operator === '>' && (minorText === undefined || wildcard.test(minorText))) major += 1;
    floor = Math.max(floor, major);
  }
  return floor;
}

interface Manifest {
  name?: unknown;
  engines?: { node?: unknown };
}

async function readManifest(file: string): Promise<Manifest | undefined> {
  try {
    const parsed: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Manifest) : undefined;
  } catch {
    return undefined; // missing or broken: look further up
  }
}

/** A package's engines.node: the range as written and the lowest major it allows (undefined when unreadable). */
export interface EnginesNode {
  range: string;
  minMajor: number | undefined;
}

export type EnginesLookup = (directory: string) => Promise<EnginesNode | undefined>;
export type MinNodeMajorLookup = (directory: string) => Promise<number | undefined>;

/**
 * Finds engines.node for files in a directory from the nearest package.json that has it. A
 * package.json with a name but no engines ends the search (none declared): it is a package
 * boundary. Nameless ones (`{"type": "module"}` markers) are looked through. Each lookup
 * function has its own cache, one entry per directory.
 */
export function createEnginesLookup(): EnginesLookup {
  const lookup: EnginesLookup = memoize(async (directory) => {
    const manifest = await readManifest(path.join(directory, 'package.json'));
    const range = manifest?.engines?.node;
    if (typeof range === 'string') return { range, minMajor: parseMinNodeMajor(range) };
    if (typeof manifest?.name === 'string') return undefined;
    const parent = path.dirname(directory);
    return parent === directory ? undefined : lookup(parent);
  });
  return lookup;
}

/** The lowest Node major engines.node allows for files in a directory (see createEnginesLookup). */
export function createMinNodeMajorLookup(): MinNodeMajorLookup {
  const lookup = createEnginesLookup();
  return async (directory) => (await lookup(directory))?.minMajor;
}

/** The same search, synchronous, for the jscodeshift entries (a transform there cannot wait). */
export function findEnginesNodeSync(directory: string): EnginesNode | undefined {
  for (let current = directory; ; current = path.dirname(current)) {
    let manifest: Manifest | undefined;
    try {
      const parsed: unknown = JSON.parse(readFileSync(path.join(current, 'package.json'), 'utf8'));
      manifest = parsed && typeof parsed === 'object' ? (parsed as Manifest) : undefined;
    } catch {
      manifest = undefined; // missing or broken: look further up
    }
    const range = manifest?.engines?.node;
    if (typeof range === 'string') return { range, minMajor: parseMinNodeMajor(range) };
    if (typeof manifest?.name === 'string') return undefined;
    if (path.dirname(current) === current) return undefined;
  }
}
