import { promises as fs } from 'node:fs';
import { parseForModel } from '../analysis/module-facts';
import { memoize } from '../io/memoize';
import { relativeRequires } from '../io/package-facts';
import { exportedMemberAliases } from '../transforms/callbacks-to-async/member-aliases';
import { findModuleBindings } from '../transforms/shared/module-bindings';
import type { MemberAlias } from '../types';

/**
 * For a file's relative requires, the members of each required module's exported object that
 * hold another module's function (TransformOptions.memberAliases): nedb's persistence.js calls
 * `storage.appendFile(…, cb)`, and lib/storage.js set `storage.appendFile = fs.appendFile`.
 * Each required file is read and parsed once per run, and only when it assigns module.exports.
 */
export type MemberExportsLookup = (file: string, text: string) => Promise<Record<string, Record<string, MemberAlias>> | undefined>;

/** Files this size or larger are not read for it (the package model's own limit). */
const maxBytes = 512 * 1024;

export function createMemberExportsLookup(): MemberExportsLookup {
  const ofFile = memoize(async (file: string): Promise<Record<string, MemberAlias> | undefined> => {
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined || text.length >= maxBytes || !/module\.exports\s*=/.test(text)) return undefined;
    try {
      const program = parseForModel(text, file).program;
      return exportedMemberAliases(program, findModuleBindings(program));
    } catch {
      return undefined; // a file that does not parse tells nothing
    }
  });
  return async (file, text) => {
    const found: Record<string, Record<string, MemberAlias>> = {};
    for (const { specifier, candidates } of relativeRequires(file, text)) {
      for (const candidate of candidates) {
        const aliases = await ofFile(candidate);
        if (aliases) {
          found[specifier] = aliases;
          break;
        }
      }
    }
    return Object.keys(found).length > 0 ? found : undefined;
  };
}
