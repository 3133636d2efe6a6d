import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Our package.json sits two levels above src/cli and three above dist/src/cli; look upward
 * rather than hard-code either.
 */
export function readOwnVersion(): string {
  for (let directory = __dirname; ; directory = path.dirname(directory)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'awaitify' && manifest.version) return manifest.version;
    } catch {
      // not here; keep looking
    }
    if (path.dirname(directory) === directory) return 'unknown';
  }
}
