import { some, type AnyNode } from '../shared/ast';
import type { ModuleBinding } from '../shared/module-bindings';

/**
 * A member of the file's own object set once, at module level, to a module's function:
 * nedb's storage.js writes `storage.writeFile = fs.writeFile; storage.mkdirp = mkdirp;` and
 * calls `storage.writeFile(…, cb)`. The call reaches `fs.writeFile` as long as nothing sets the
 * member again, so it is judged as that function; the rewrite promisifies `storage.writeFile`
 * at the call (whatever the member holds then is what runs, as before).
 */
export interface MemberAlias {
  /** The module the member was set from, and its function (`''`: the module itself, `storage.mkdirp = mkdirp`). */
  specifier: string;
  member: string;
}

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
