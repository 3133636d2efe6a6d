import * as path from 'node:path';
import picomatch from 'picomatch';
import { toPosixPath } from './paths';

/** Returns the --ignore pattern a path matches, or undefined. */
export type GlobMatcher = (absolutePath: string) => string | undefined;

/**
 * Patterns are relative to cwd. Like .gitignore lines, a pattern without a slash matches a
 * name at any depth (`*.min.js`, `vendor`), and a directory that matches hides its contents.
 */
export function createGlobMatcher(patterns: string[], cwd: string): GlobMatcher {
  const matchers = patterns.map((pattern) => {
    const cleaned = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
    return { pattern, test: picomatch(cleaned, { dot: true, basename: true }) };
  });
  return (absolutePath) => {
    if (matchers.length === 0) return undefined;
    for (const candidate of selfAndAncestors(toPosixPath(path.relative(cwd, absolutePath)))) {
      const hit = matchers.find((matcher) => matcher.test(candidate));
      if (hit) return hit.pattern;
    }
    return undefined;
  };
}

/** 'a/b/c.js' -> 'a', 'a/b', 'a/b/c.js': a file named on the command line can sit in an ignored directory. */
function selfAndAncestors(relative: string): string[] {
  if (relative.startsWith('../')) return [relative]; // outside cwd: patterns are relative to cwd
  const parts = relative.split('/');
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
}
