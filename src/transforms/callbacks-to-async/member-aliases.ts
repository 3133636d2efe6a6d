import { some, type AnyNode } from '../shared/ast';
import type { ModuleBinding } from '../shared/module-bindings';
import type { MemberAlias } from '../../types';

export type { MemberAlias };

/*
 * A member of the file's own object set once, at module level, to a module's function:
 * nedb's storage.js writes `storage.writeFile = fs.writeFile; storage.mkdirp = mkdirp;` and
 * calls `storage.writeFile(…, cb)`. The call reaches `fs.writeFile` as long as nothing sets the
 * member again, so it is judged as that function; the rewrite promisifies `storage.writeFile`
 * at the call (whatever the member holds then is what runs, as before).
 */

/** By the object's member name: `{ writeFile: { specifier: 'fs', member: 'writeFile' } }`. */
export type MemberAliases = ReadonlyMap<string, MemberAlias>;

/** `obj.name` (not computed) as `[obj, name]`. */
function staticMember(node: AnyNode): [string, string] | undefined {
  if (node?.type !== 'MemberExpression' || node.computed || node.object.type !== 'Identifier' || node.property.type !== 'Identifier') return undefined;
  return [node.object.name, node.property.name];
}

/** `var storage = {}`: module-level objects the file makes itself. */
function ownObjects(program: AnyNode): Set<string> {
  const names = new Set<string>();
  for (const statement of program.body) {
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type === 'Identifier' && declarator.init?.type === 'ObjectExpression') names.add(declarator.id.name);
    }
  }
  return names;
}

/** What `value` reads from a module binding: `fs.writeFile`, or a module itself (`mkdirp`, `require('x').y`). */
function moduleFunction(value: AnyNode, bindings: readonly ModuleBinding[]): MemberAlias | undefined {
  if (value.type === 'Identifier') {
    const binding = bindings.find((b) => b.local === value.name);
    return binding && { specifier: binding.specifier, member: binding.imported ?? '' };
  }
  const member = staticMember(value);
  const binding = member && bindings.find((b) => b.local === member[0] && b.imported === undefined);
  return binding && { specifier: binding.specifier, member: member[1] };
}

/**
 * The members of each own object set at module level to a module's function, by object name
 * then member: only a member written exactly once in the whole file (no other assignment, no
 * computed write to the object, the object never assigned again), so that every call of it
 * inside a function reaches that function.
 */
export function findMemberAliases(program: AnyNode, bindings: readonly ModuleBinding[]): Map<string, MemberAliases> {
  const owners = ownObjects(program);
  const found = new Map<string, Map<string, MemberAlias>>();
  for (const statement of program.body) {
    if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression' || statement.expression.operator !== '=') continue;
    const target = staticMember(statement.expression.left);
    if (!target || !owners.has(target[0])) continue;
    const alias = moduleFunction(statement.expression.right, bindings);
    if (!alias) continue;
    if (!found.has(target[0])) found.set(target[0], new Map());
    found.get(target[0])!.set(target[1], alias);
  }
  for (const [object, members] of found) {
    for (const name of [...members.keys()]) if (writesOf(program, object, name) !== 1) members.delete(name);
    if (members.size === 0 || objectReplaced(program, object)) found.delete(object);
  }
  return found;
}

/** Assignments (or updates, deletes) of `object.name` anywhere in the file. */
function writesOf(program: AnyNode, object: string, name: string): number {
  let count = 0;
  some(program, (node) => {
    const written = node.type === 'AssignmentExpression' ? node.left : node.type === 'UpdateExpression' || (node.type === 'UnaryExpression' && node.operator === 'delete') ? node.argument : undefined;
    const member = written && staticMember(written);
    if (member && member[0] === object && member[1] === name) count++;
    return false;
  });
  return count;
}

/** `object = …` again, or `object[k] = …` (which may be any member). */
function objectReplaced(program: AnyNode, object: string): boolean {
  return some(program, (node) =>
    node.type === 'AssignmentExpression' &&
    ((node.left.type === 'Identifier' && node.left.name === object) ||
      (node.left.type === 'MemberExpression' && node.left.computed && node.left.object.type === 'Identifier' && node.left.object.name === object)),
  );
}

/** The aliases by the callee as written in the file: `storage.writeFile`. */
export function calleeAliases(byObject: ReadonlyMap<string, MemberAliases>): Map<string, MemberAlias> {
  const byCallee = new Map<string, MemberAlias>();
  for (const [object, members] of byObject) for (const [name, alias] of members) byCallee.set(`${object}.${name}`, alias);
  return byCallee;
}

/**
 * What a module exports as its own object (`module.exports = storage`), as another file reads
 * it: the members holding a package's or Node's function. A relative specifier would name
 * another file from there, so only bare ones are kept.
 */
export function exportedMemberAliases(program: AnyNode, bindings: readonly ModuleBinding[]): Record<string, MemberAlias> | undefined {
  const exported = program.body.filter((statement: AnyNode) =>
    statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression' && isModuleExportsNode(statement.expression.left));
  if (exported.length !== 1 || exported[0].expression.right.type !== 'Identifier') return undefined;
  const members = findMemberAliases(program, bindings).get(exported[0].expression.right.name);
  const kept = [...(members ?? [])].filter(([, alias]) => !alias.specifier.startsWith('.'));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

function isModuleExportsNode(node: AnyNode): boolean {
  const member = staticMember(node);
  return member !== undefined && member[0] === 'module' && member[1] === 'exports';
}

/**
 * The aliases of the modules this file requires (TransformOptions.memberAliases, by specifier),
 * by the callee as written here (`storage.appendFile` after `storage = require('./storage')`):
 * a member this file writes itself is left out.
 */
export function requiredMemberAliases(
  program: AnyNode,
  bindings: readonly ModuleBinding[],
  bySpecifier: Readonly<Record<string, Readonly<Record<string, MemberAlias>>>>,
): Map<string, MemberAlias> {
  const byCallee = new Map<string, MemberAlias>();
  for (const binding of bindings) {
    const members = binding.imported === undefined ? bySpecifier[binding.specifier] : undefined;
    for (const [name, alias] of Object.entries(members ?? {})) {
      if (writesOf(program, binding.local, name) === 0 && !objectReplaced(program, binding.local)) byCallee.set(`${binding.local}.${name}`, alias);
    }
  }
  return byCallee;
}
