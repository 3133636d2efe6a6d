import { findPromisableApi, findRefusedApi, toNodeModuleName } from '../transforms/callbacks-to-async/node-api-table';
import { entriesOf } from '../transforms/callbacks-to-async/ecosystem/table';
import type { AnyNode } from '../transforms/shared/ast';
import type { ModuleBinding } from '../transforms/shared/module-bindings';

/**
 * Does this call hand its last argument, an inline function, to an operation that never reads
 * what that function returns? A Node callback API (`fs.readFile(p, function (er, text) { … })`)
 * or a callback library of the ecosystem table, in every major it knows (`mkdirp(dir, mode,
 * function (er) { return self._create() })`), through the file's module-scope binding: what
 * `return x.m()` gives back there goes nowhere. Not the `async` package, nor a callback wrapper
 * (`once(fn)` hands back what fn returns).
 */
export function dropsCallbackValue(call: AnyNode, callback: AnyNode, bindings: readonly ModuleBinding[], isModuleScope: (id: AnyNode) => boolean): boolean {
  if (call.type !== 'CallExpression' || call.arguments[call.arguments.length - 1] !== callback) return false;
  const callee = call.callee;
  const id = callee.type === 'Identifier' ? callee : callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' ? callee.object : undefined;
  if (!id || !isModuleScope(id)) return false;
  const binding = bindings.find((entry) => entry.local === id.name);
  if (!binding) return false;
  // `fs.readFile` (binding: the module) or `readFile` (binding: `require('fs').readFile`).
  const name = id === callee ? binding.imported : binding.imported === undefined ? callee.property.name : undefined;
  if (name === undefined && id !== callee) return false;
  const node = toNodeModuleName(binding.specifier);
  if (node) return name !== undefined && (findPromisableApi(node, name) !== undefined || findRefusedApi(node, name) !== undefined);
  const entries = entriesOf(binding.specifier);
  if (entries.length === 0) return false;
  return entries.every((entry) => {
    if (entry.fsMembers && name !== undefined && findPromisableApi('fs', name)) return true;
    const facts = entry.functions[name ?? ''];
    return facts?.kind === 'callback' || facts?.kind === 'promise-api';
  });
}
