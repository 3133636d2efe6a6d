import type { JSCodeshift } from 'jscodeshift';
import { referencesName, uniqueName, type AnyNode } from '../shared/ast';
import { afterImportsIndex } from '../shared/module-bindings';

/**
 * Small functions awaitify adds to a file, once each, after its imports: the dual API's
 * `settleCallback` and the wrapper for callback functions awaitify does not know.
 */
export interface LocalHelper {
  baseName: string;
  comment: string;
  /** The declaration's text; `t(text)` gives TypeScript-only text, or nothing in JavaScript. */
  source(name: string, t: (typeScriptOnly: string) => string): string;
}

export const settleCallbackHelper: LocalHelper = {
  baseName: 'settleCallback',
  comment: ' awaitify: the dual API of converted functions (callback when given, else the promise).',
  source: (name, t) => `function ${name}${t('<T>')}(promise${t(': Promise<T>')}, callback${t(': unknown')}, spread = false)${t(': Promise<T> | undefined')} {
  if (typeof callback !== 'function') return promise;
  promise.then(
    (value) => process.nextTick(() => (spread ? callback(null, ...${t('(')}value${t(' as unknown[])')}) : callback(null, value))),
    (error) => process.nextTick(() => callback(error)),
  );
  return undefined;
}`,
};

export const fromCallbackHelper: LocalHelper = {
  baseName: 'fromCallback',
  comment: ' awaitify: a promise of what an error-first callback receives (rejects on any truthy error).',
  source: (name, t) => `function ${name}(start${t(': (done: (err: unknown, ...values: any[]) => void) => void')})${t(': Promise<any[]>')} {
  return new Promise((resolve, reject) => {
    start((err, ...values) => (err ? reject(err) : resolve(values)));
  });
}`,
};

export const mapLimitHelper: LocalHelper = {
  baseName: 'mapLimit',
  comment: ' awaitify: at most `limit` of fn(item) at a time, started in order; stops starting more after an error.',
  source: (name, t) => `async function ${name}${t('<T, R>')}(items${t(': Iterable<T>')}, limit${t(': number')}, fn${t(': (item: T) => Promise<R>')})${t(': Promise<R[]>')} {
  const list = Array.from(items);
  const results${t(': R[]')} = new Array(list.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < list.length) {
      const index = next++;
      try {
        results[index] = await fn(list[index]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, list.length) }, worker));
  return results;
}`,
};

const added = new WeakMap<AnyNode, Map<LocalHelper, string>>();
const pending = new WeakMap<AnyNode, AnyNode[]>();

/**
 * The helper's name in this program. Its declaration waits for flushHelpers: inserting it at
 * once would move the program's statements under the feet of a conversion in progress.
 */
export function useHelper(j: JSCodeshift, program: AnyNode, helper: LocalHelper, taken: Set<string>, typescript: boolean): string {
  const helpers = added.get(program) ?? new Map<LocalHelper, string>();
  added.set(program, helpers);
  const known = helpers.get(helper) ?? existingHelper(program, helper);
  if (known) {
    helpers.set(helper, known);
    return known;
  }
  const name = uniqueName(helper.baseName, taken);
  // The comment is part of the text, so recast prints both as written, on lines of their own.
  const declaration = j.template.statement([`//${helper.comment}\n${helper.source(name, (text) => (typescript ? text : ''))}`]);
  pending.set(program, [...(pending.get(program) ?? []), declaration]);
  helpers.set(helper, name);
  return name;
}

/** Adds the helpers asked for, after the imports: those a discarded trial asked for, not. */
export function flushHelpers(program: AnyNode): void {
  const declarations = (pending.get(program) ?? []).filter((declaration) => {
    const name = declaration.id.name;
    return program.body.some((statement: AnyNode) => referencesName(statement, name));
  });
  pending.delete(program);
  if (declarations.length > 0) program.body.splice(afterImportsIndex(program), 0, ...declarations);
}

/** A helper an earlier run added (its comment above a module-level function of its name). */
function existingHelper(program: AnyNode, helper: LocalHelper): string | undefined {
  const found = program.body.find((statement: AnyNode) =>
    statement.type === 'FunctionDeclaration' &&
    statement.id?.name.startsWith(helper.baseName) &&
    (statement.comments ?? statement.leadingComments ?? []).some((comment: AnyNode) => `${comment.value}`.trim() === helper.comment.trim()),
  );
  return found?.id.name;
}
