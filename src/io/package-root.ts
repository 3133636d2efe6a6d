import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface OwnPackage {
  /** The directory holding awaitify's own package.json (and docs/, schema/). */
  root: string;
  version: string;
}

/** The npm name (`awaitify` was taken); the command is still `awaitify`. */
export const ownPackageName = 'awaitify-codemod';

let cached: OwnPackage | null | undefined;

/**
 * awaitify's own package: package.json sits two levels above src/<dir> and three above
 * dist/src/<dir>; look upward rather than hard-code either.
 */
export function findOwnPackage(): OwnPackage | undefined {
  if (cached !== undefined) return cached ?? undefined;
  cached = null;
  for (let directory = __dirname; ; directory = path.dirname(directory)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === ownPackageName && manifest.version) {
        cached = { root: directory, version: manifest.version };
        break;
      }
    } catch {
      // not here; keep looking
    }
    if (path.dirname(directory) === directory) break;
  }
  return cached ?? undefined;
}
