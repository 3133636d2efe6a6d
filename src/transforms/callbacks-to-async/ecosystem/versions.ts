/**
 * Which majors a dependency's version or range allows, enough to pick a table entry: entries
 * hold for whole majors (0.x counts as major 0), so `~0.5.1`, `^2.2.8`, `2`, `>=0.5 0` and an
 * installed `4.2.11` each give one span. A range that allows majors of two entries matches
 * neither: the callee stays unknown.
 */
export interface MajorSpan {
  min: number;
  /** Infinity: no upper bound (`>=2`, `*`). */
  max: number;
}

const part = /^(\d+|[xX*])$/;

function comparatorSpan(comparator: string): MajorSpan | undefined {
  const match = /^(>=|<=|>|<|=|\^|~>?)?v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:[-+][0-9A-Za-z.+-]*)?$/.exec(comparator);
  if (!match) return undefined;
  const [, operator = '', majorText, minorText, patchText] = match;
  if (!part.test(majorText) || /[xX*]/.test(majorText)) return operator === '' || operator === '=' || operator === '>=' ? { min: 0, max: Infinity } : undefined;
  const major = Number(majorText);
  const zeroMinor = (minorText === undefined || minorText === '0') && (patchText === undefined || patchText === '0');
  switch (operator) {
    case '>=': return { min: major, max: Infinity };
    case '>': return { min: minorText === undefined || /[xX*]/.test(minorText) ? major + 1 : major, max: Infinity };
    case '<': return { min: 0, max: zeroMinor ? major - 1 : major };
    case '<=': return { min: 0, max: major };
    default: return { min: major, max: major }; // '', '=', '^', '~': within one major
  }
}

/** The majors a semver range (or an exact version) allows; undefined when it cannot be read. */
export function majorSpan(range: string): MajorSpan | undefined {
  const trimmed = range.trim();
  if (trimmed === '' || trimmed === '*' || trimmed === 'latest') return { min: 0, max: Infinity };
  let whole: MajorSpan | undefined;
  for (const alternative of trimmed.split('||')) {
    const normalized = alternative.replace(/(>=|<=|>|<|=|\^|~>?)\s+/g, '$1').trim();
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(normalized);
    const comparators = hyphen ? [`>=${hyphen[1]}`, `<=${hyphen[2]}`] : normalized.split(/\s+/).filter(Boolean);
    let span: MajorSpan = { min: 0, max: Infinity };
    for (const comparator of comparators) {
      const one = comparatorSpan(comparator);
      if (!one) return undefined;
      span = { min: Math.max(span.min, one.min), max: Math.min(span.max, one.max) };
    }
    if (span.min > span.max) continue;
    whole = whole ? { min: Math.min(whole.min, span.min), max: Math.max(whole.max, span.max) } : span;
  }
  return whole;
}

/** Does every version the dependency allows fall in the entry's majors? */
export function spanWithin(inner: MajorSpan, outer: MajorSpan): boolean {
  return inner.min >= outer.min && inner.max <= outer.max;
}
