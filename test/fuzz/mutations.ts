import jscodeshift, { type ASTPath, type Collection } from 'jscodeshift';

/**
 * The wrong rewrites of test/execution/mutations/ as operators on awaitify's output: each takes
 * a rewritten program and returns it with one order mistake seeded, or undefined where the
 * output has no spot for it. The self-check (mutations.test.ts) shows the oracle catches each.
 */

const j = jscodeshift.withParser('babel');

export interface MutationOperator {
  /** The folder under test/execution/mutations/ it comes from. */
  name: string;
  apply(output: string): string | undefined;
}

function mutate(output: string, edit: (root: Collection) => boolean): string | undefined {
  const root = j(output);
  return edit(root) ? root.toSource() : undefined;
}

/** `const xPromise = op(); …code after…; await xPromise` becomes `const xPromise = await op();`: the code after now waits. */
const awaitAboveCodeAfter: MutationOperator = {
  name: 'await-above-code-after',
  apply: (output) =>
    mutate(output, (root) => {
      const awaited = new Set(
        root
          .find(j.AwaitExpression, { argument: { type: 'Identifier' } })
          .nodes()
          .map((node) => (node.argument as { name: string }).name),
      );
      const started = root.find(j.VariableDeclarator).filter((path: ASTPath<any>) => {
        const { id, init } = path.node;
        return id.type === 'Identifier' && awaited.has(id.name) && init?.type === 'CallExpression';
      });
      started.forEach((path: ASTPath<any>) => {
        path.node.init = j.awaitExpression(path.node.init);
      });
      return started.size() > 0;
    }),
};

/** `Promise.all([a(), b()])` becomes `(async () => [await a(), await b()])()`: one after the other. */
const concurrentMadeSequential: MutationOperator = {
  name: 'concurrent-made-sequential',
  apply: (output) =>
    mutate(output, (root) => {
      const joins = root.find(j.CallExpression, {
        callee: { type: 'MemberExpression', object: { name: 'Promise' }, property: { name: 'all' } },
        arguments: [{ type: 'ArrayExpression' }],
      });
      joins.replaceWith((path: ASTPath<any>) => {
        const elements = (path.node.arguments[0] as { elements: any[] }).elements.map((element) => j.awaitExpression(element));
        return j.callExpression(j.arrowFunctionExpression([], j.arrayExpression(elements), false), []);
      });
      joins.forEach((path: ASTPath<any>) => {
        (path.node.callee as { async: boolean }).async = true;
      });
      return joins.size() > 0;
    }),
};

/** `await setImmediate()` (timers/promises) becomes `await Promise.resolve()`: a microtask, not the check phase. */
const immediateToPromiseResolve: MutationOperator = {
  name: 'immediate-to-promise-resolve',
  apply: (output) =>
    mutate(output, (root) => {
      const yields = root.find(j.CallExpression, { callee: { type: 'Identifier', name: 'setImmediate' }, arguments: [] });
      yields.replaceWith(() => j.callExpression(j.memberExpression(j.identifier('Promise'), j.identifier('resolve')), []));
      return yields.size() > 0;
    }),
};

/** `try { x = await p } catch {…}` followed by the success path: the success path moves inside the try. */
const successPathInsideTry: MutationOperator = {
  name: 'success-path-inside-try',
  apply: (output) =>
    mutate(output, (root) => {
      let moved = false;
      root.find(j.TryStatement).forEach((path: ASTPath<any>) => {
        const siblings = path.parent?.node?.body;
        if (!Array.isArray(siblings) || !path.node.handler || j(path.get('block')).find(j.AwaitExpression).size() === 0) return;
        const index = siblings.indexOf(path.node);
        const rest = siblings.splice(index + 1);
        if (rest.length === 0) return;
        path.node.block.body.push(...rest);
        moved = true;
      });
      return moved;
    }),
};

/** `await delay(ms)` (timers/promises) becomes `await null`: a microtask, not a timer. */
const timerToAwaitNull: MutationOperator = {
  name: 'timer-to-await-null',
  apply: (output) =>
    mutate(output, (root) => {
      const timers = root.find(j.CallExpression, { callee: { type: 'Identifier', name: 'delay' } });
      timers.replaceWith(() => j.nullLiteral());
      return timers.size() > 0;
    }),
};

/** Calls of an `fsp.<name>(…)` method (fs/promises as awaitify imports it). */
function fspCalls(root: Collection, name?: string): Collection {
  return root.find(j.CallExpression, {
    callee: { type: 'MemberExpression', object: { type: 'Identifier', name: 'fsp' }, property: name ? { name } : { type: 'Identifier' } },
  });
}

/** `fsp.appendFile(…)` becomes `fsp.writeFile(…)`: the file is overwritten, not added to. */
const appendBecameWrite: MutationOperator = {
  name: 'append-became-write',
  apply: (output) =>
    mutate(output, (root) => {
      const appends = fspCalls(root, 'appendFile');
      appends.forEach((path: ASTPath<any>) => {
        path.node.callee.property = j.identifier('writeFile');
      });
      return appends.size() > 0;
    }),
};

/** `fsp.writeFile(…)` becomes `Promise.resolve()`: the write is lost. */
const writeDropped: MutationOperator = {
  name: 'write-dropped',
  apply: (output) =>
    mutate(output, (root) => {
      const writes = fspCalls(root, 'writeFile');
      writes.replaceWith(() => j.callExpression(j.memberExpression(j.identifier('Promise'), j.identifier('resolve')), []));
      return writes.size() > 0;
    }),
};

/** `fsp.readFile(…)` becomes `require('fs').readFileSync(…)`: an error is thrown at the call, before the code after it. */
const errorHandlerBeforeCodeAfter: MutationOperator = {
  name: 'error-handler-before-code-after',
  apply: (output) =>
    mutate(output, (root) => {
      const reads = fspCalls(root).filter((path: ASTPath<any>) => ['readFile', 'stat', 'access', 'readdir'].includes(path.node.callee.property.name));
      reads.forEach((path: ASTPath<any>) => {
        const sync = `${path.node.callee.property.name}Sync`;
        path.node.callee = j.memberExpression(j.callExpression(j.identifier('require'), [j.stringLiteral('fs')]), j.identifier(sync));
      });
      return reads.size() > 0;
    }),
};

export const mutationOperators: readonly MutationOperator[] = [
  awaitAboveCodeAfter,
  concurrentMadeSequential,
  immediateToPromiseResolve,
  successPathInsideTry,
  timerToAwaitNull,
  appendBecameWrite,
  writeDropped,
  errorHandlerBeforeCodeAfter,
];
