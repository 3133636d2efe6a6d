import type { JSCodeshift } from 'jscodeshift';
import { referencesName, uniqueName, type AnyNode } from '../shared/ast';
import { afterImportsIndex, findModuleBindings } from '../shared/module-bindings';

/**
 * Where the helpers of a file come from when its package has a helper module (run() over files
 * on disk): the specifier to import it by, relative to the file. Without one (a single text,
 * --stdin, jscodeshift) each file declares the helpers it uses.
 */
export interface HelperModuleTarget {
  specifier: string;
  /** `import { … } from` rather than `const { … } = require(…)`. */
  esm: boolean;
}

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
  // `values`: how many values the callback was called with on success (0, 1, or the returned array's).
  source: (name, t) => `function ${name}${t('<T>')}(promise${t(': Promise<T>')}, callback${t(': unknown')}, values = 1)${t(': Promise<T> | undefined')} {
  if (typeof callback !== 'function') return promise;
  promise.then(
    (value) => process.nextTick(() => (values === 1 ? callback(null, value) : values === 0 ? callback(null) : callback(null, ...${t('(')}value${t(' as unknown[])')}))),
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

/** Every helper by its exported name, for the package helper module (src/engine/helper-module.ts). */
export const localHelpers: ReadonlyMap<string, LocalHelper> = new Map(
  [settleCallbackHelper, fromCallbackHelper, mapLimitHelper].map((helper) => [helper.baseName, helper]),
);

const targets = new WeakMap<AnyNode, { j: JSCodeshift; target: HelperModuleTarget }>();

/** The program's helpers come from the package's helper module: flushHelpers imports them from there. */
export function importHelpersFrom(j: JSCodeshift, program: AnyNode, target: HelperModuleTarget): void {
  targets.set(program, { j, target });
}

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
  // Parsed only when flushHelpers declares it: with a helper module the file imports it instead.
  const declaration = () => j.template.statement([`//${helper.comment}\n${helper.source(name, (text) => (typescript ? text : ''))}`]);
  pending.set(program, [...(pending.get(program) ?? []), { helper, name, declaration }]);
  helpers.set(helper, name);
  return name;
}

interface PendingHelper {
  helper: LocalHelper;
  name: string;
  declaration: () => AnyNode;
}

/**
 * Adds the helpers asked for (those a discarded trial asked for, not), after the imports: one
 * import of the package's helper module when there is one, else their declarations.
 */
export function flushHelpers(program: AnyNode): void {
  const { j, target } = targets.get(program) ?? {};
  const used = (pending.get(program) ?? []).filter(({ name }) => program.body.some((statement: AnyNode) => referencesName(statement, name)));
  pending.delete(program);
  if (used.length === 0) return;
  const statements = target && j ? [helperImport(j, used, target)] : used.map(({ declaration }) => declaration());
  program.body.splice(afterImportsIndex(program), 0, ...statements);
}

/** `const { fromCallback } = require('./awaitify-helpers.js')`, or its import form, on one line. */
function helperImport(j: JSCodeshift, used: PendingHelper[], target: HelperModuleTarget): AnyNode {
  const source = j.stringLiteral(target.specifier);
  const names = used.map(({ helper, name }) => (helper.baseName === name ? name : `${helper.baseName}: ${name}`));
  if (target.esm) {
    return j.importDeclaration(used.map(({ helper, name }) => j.importSpecifier(j.identifier(helper.baseName), j.identifier(name))), source);
  }
  // From text: recast prints an object pattern it builds itself one property a line.
  return withoutPositions(j.template.statement([`const { ${names.join(', ')} } = require(`, ');'], source));
}

/**
 * A template statement keeps its position in the template's own text; recast reads it against
 * the file's lines when it spaces the statement from a neighbour with comments, and fails. Its
 * inner nodes keep theirs, so the pattern prints on one line as written.
 */
function withoutPositions(statement: AnyNode): AnyNode {
  delete statement.loc;
  delete statement.start;
  delete statement.end;
  return statement;
}

/** The helpers a file imports from the helper module `specifier`: their exported names. */
export function importedHelpers(program: AnyNode, specifier: string): string[] {
  return findModuleBindings(program)
    .filter((binding) => binding.specifier === specifier && binding.imported !== undefined && localHelpers.has(binding.imported))
    .map((binding) => binding.imported!);
}

/** A helper an earlier run added (its comment above a module-level function of its name, or an import of it from a helper module). */
function existingHelper(program: AnyNode, helper: LocalHelper): string | undefined {
  const specifier = targets.get(program)?.target.specifier;
  const imported = findModuleBindings(program).find((binding) => binding.imported === helper.baseName && binding.specifier === specifier);
  if (imported) return imported.local;
  const found = program.body.find((statement: AnyNode) =>
    statement.type === 'FunctionDeclaration' &&
    statement.id?.name.startsWith(helper.baseName) &&
    (statement.comments ?? statement.leadingComments ?? []).some((comment: AnyNode) => `${comment.value}`.trim() === helper.comment.trim()),
  );
  return found?.id.name;
}
