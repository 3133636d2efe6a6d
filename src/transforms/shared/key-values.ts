import { isFunctionNode, patternNames, walk, type AnyNode } from './ast';

/**
 * What a computed key (`x[key]`) may be, read from the code around it: enough to tell that
 * `fs[follow ? 'stat' : 'lstat']`, `list[i++]`, `st['is' + type]` over a local array of names,
 * or `links[dev + ':' + ino]` never reads a method named `_stat`.
 * - `numeric`: a number (an index), never an identifier name;
 * - `invalid`: a string that holds a character no identifier has;
 * - `names`: one of these strings;
 * - `prefix`: some string starting with one of these;
 * - `unknown`: anything.
 */
export type KeyValue =
  | { kind: 'numeric' }
  | { kind: 'invalid' }
  | { kind: 'names'; names: string[] }
  | { kind: 'prefix'; prefixes: string[] }
  | { kind: 'unknown' };

const unknown: KeyValue = { kind: 'unknown' };
const maxNames = 64;
const arithmetic = new Set(['-', '*', '/', '%', '**', '|', '&', '^', '<<', '>>', '>>>']);
const readOnlyArrayMembers = new Set(['length', 'indexOf', 'lastIndexOf', 'includes']);

/** ASCII only: a key holding any other character never equals a name this answers yes for. */
export function isIdentifierName(text: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(text);
}

function holdsNonIdentifierChar(text: string): boolean {
  return !/^[\w$]*$/.test(text);
}

export class KeyEvaluator {
  private readonly visiting = new Set<AnyNode>();

  constructor(private readonly parents: ReadonlyMap<AnyNode, AnyNode | null>) {}

  valueOf(node: AnyNode): KeyValue {
    switch (node.type) {
      case 'StringLiteral':
        return { kind: 'names', names: [node.value] };
      case 'Literal':
        return typeof node.value === 'string' ? { kind: 'names', names: [node.value] } : typeof node.value === 'number' ? { kind: 'numeric' } : unknown;
      case 'NumericLiteral':
      case 'UpdateExpression':
        return { kind: 'numeric' };
      case 'TemplateLiteral':
        return node.expressions.length === 0 ? { kind: 'names', names: [node.quasis[0].value.cooked] } : unknown;
      case 'UnaryExpression':
        return node.operator === '-' || node.operator === '+' || node.operator === '~' ? { kind: 'numeric' } : unknown;
      case 'BinaryExpression':
        if (arithmetic.has(node.operator)) return { kind: 'numeric' };
        return node.operator === '+' ? this.plus(this.valueOf(node.left), this.valueOf(node.right)) : unknown;
      case 'ConditionalExpression':
        return union(this.valueOf(node.consequent), this.valueOf(node.alternate));
      case 'LogicalExpression':
        return union(this.valueOf(node.left), this.valueOf(node.right));
      case 'Identifier':
        return this.variableValue(node);
      case 'MemberExpression':
        return node.computed ? this.arrayElement(node) : node.property.type === 'Identifier' && node.property.name === 'length' ? { kind: 'numeric' } : unknown;
      default:
        return unknown;
    }
  }

  /** `a + b`: a string joined from both sides (numbers on both: a number). */
  private plus(left: KeyValue, right: KeyValue): KeyValue {
    if (left.kind === 'invalid' || right.kind === 'invalid') return { kind: 'invalid' };
    if (left.kind === 'numeric' && right.kind === 'numeric') return { kind: 'numeric' };
    // A part no identifier could hold (`':'`) leaves none in the whole.
    if ((left.kind === 'names' && left.names.every(holdsNonIdentifierChar)) || (right.kind === 'names' && right.names.every(holdsNonIdentifierChar))) return { kind: 'invalid' };
    if (left.kind === 'names') {
      if (right.kind === 'names' && left.names.length * right.names.length <= maxNames) return { kind: 'names', names: left.names.flatMap((a) => right.names.map((b) => a + b)) };
      return { kind: 'prefix', prefixes: left.names };
    }
    return left.kind === 'prefix' ? left : unknown;
  }

  /** A local variable: every value written to it in the function that declares it. */
  private variableValue(id: AnyNode): KeyValue {
    const owner = declaringScope(id, this.parents);
    if (!owner || this.visiting.has(owner.node)) return unknown;
    const writes = writesOf(owner.node, id.name);
    if (!writes) return unknown;
    this.visiting.add(owner.node);
    try {
      let value: KeyValue | undefined;
      for (const write of writes) {
        const next = write === undefined ? { kind: 'names' as const, names: ['undefined'] } : write === 'numeric' ? { kind: 'numeric' as const } : this.valueOf(write);
        value = value ? union(value, next) : next;
        if (value.kind === 'unknown') return value;
      }
      return value ?? unknown;
    } finally {
      this.visiting.delete(owner.node);
    }
  }

  /** `names[i]` where `names` is a local array literal that nothing changes: one of its elements. */
  private arrayElement(member: AnyNode): KeyValue {
    const array = member.object;
    if (array.type !== 'Identifier') return unknown;
    const owner = declaringScope(array, this.parents);
    if (!owner) return unknown;
    const writes = writesOf(owner.node, array.name);
    const init = writes?.length === 1 ? writes[0] : undefined;
    if (!init || init === 'numeric' || init.type !== 'ArrayExpression' || !onlyRead(owner.node, array.name, this.parents, init)) return unknown;
    let value: KeyValue | undefined;
    for (const element of init.elements) {
      if (!element || element.type === 'SpreadElement') return unknown;
      const next = this.valueOf(element);
      value = value ? union(value, next) : next;
    }
    return value ?? unknown;
  }
}

function union(a: KeyValue, b: KeyValue): KeyValue {
  if (a.kind === 'unknown' || b.kind === 'unknown') return unknown;
  if (a.kind === b.kind && (a.kind === 'numeric' || a.kind === 'invalid')) return a;
  const strings = (value: KeyValue): { names: string[]; prefixes: string[] } | undefined => {
    if (value.kind === 'names') return { names: value.names, prefixes: [] };
    if (value.kind === 'prefix') return { names: [], prefixes: value.prefixes };
    return { names: [], prefixes: [] }; // numeric, invalid: no identifier name
  };
  const left = strings(a)!;
  const right = strings(b)!;
  // A number joined to a string may start `NaN…` or `Infinity…`.
  const numberNames = a.kind === 'numeric' || b.kind === 'numeric' ? ['NaN', 'Infinity'] : [];
  const prefixes = [...left.prefixes, ...right.prefixes, ...(prefixesOrNames(left, right) ? numberNames : [])];
  const names = [...new Set([...left.names, ...right.names])];
  if (prefixes.length > 0) return { kind: 'prefix', prefixes: [...new Set([...prefixes, ...names])] };
  if (names.length > 0) return { kind: 'names', names };
  return a.kind === 'numeric' && b.kind === 'numeric' ? a : { kind: 'invalid' };
}

function prefixesOrNames(...values: Array<{ names: string[]; prefixes: string[] }>): boolean {
  return values.some((value) => value.names.length > 0 || value.prefixes.length > 0);
}

/**
 * The function (or program) whose own scope declares `id`'s name, seen from `id`; undefined for a
 * parameter, a catch clause's, or a name also declared in a nested block (which one `id` means
 * is then not told by this walk).
 */
export function declaringScope(id: AnyNode, parents: ReadonlyMap<AnyNode, AnyNode | null>): { node: AnyNode } | undefined {
  for (let node = parents.get(id); node; node = parents.get(node)) {
    if (node.type === 'CatchClause' && node.param && patternNames(node.param).includes(id.name)) return undefined;
    if (!isFunctionNode(node) && node.type !== 'Program') continue;
    if (isFunctionNode(node) && node.params.some((param: AnyNode) => patternNames(param).includes(id.name))) return undefined;
    const declared = scopeDeclarations(node, id.name);
    if (declared === 'ambiguous') return undefined;
    if (declared) return { node };
  }
  return undefined;
}

/** Does this function's own scope declare `name` (var anywhere, let/const/function at its top)? */
function scopeDeclarations(scope: AnyNode, name: string): boolean | 'ambiguous' {
  const body = scope.type === 'Program' ? scope : scope.body;
  const top: AnyNode[] = body.type === 'BlockStatement' || body.type === 'Program' ? body.body : [];
  let found = false;
  let ambiguous = false;
  walk(body, (node, parent) => {
    if (node !== body && isFunctionNode(node)) {
      if (node.type === 'FunctionDeclaration' && node.id?.name === name) {
        if (top.includes(node)) found = true;
        else ambiguous = true;
      }
      return false;
    }
    if (node.type === 'VariableDeclaration' && node.declarations.some((declarator: AnyNode) => patternNames(declarator.id).includes(name))) {
      if (node.kind === 'var' || top.includes(node) || (parent && (parent.type === 'ForStatement' || parent.type === 'ForInStatement' || parent.type === 'ForOfStatement'))) found = true;
      else ambiguous = true;
    }
    if (node.type === 'ClassDeclaration' && node.id?.name === name) ambiguous = true;
  });
  return ambiguous ? 'ambiguous' : found;
}

/**
 * Every value written to `name` below `scope` (nested functions too: a superset): an expression,
 * undefined for a declaration without one, 'numeric' for `++`, `-=`…; undefined as a whole when
 * some write cannot be read (for…in/of, destructuring, `+=`, a function declaration).
 */
export function writesOf(scope: AnyNode, name: string): Array<AnyNode | undefined | 'numeric'> | undefined {
  const writes: Array<AnyNode | undefined | 'numeric'> = [];
  let readable = true;
  walk(scope, (node) => {
    if (!readable) return false;
    if (node.type === 'VariableDeclarator') {
      if (node.id.type === 'Identifier' && node.id.name === name) writes.push(node.init ?? undefined);
      else if (patternNames(node.id).includes(name)) readable = false;
    } else if (node.type === 'AssignmentExpression' && patternNames(node.left).includes(name)) {
      if (node.left.type !== 'Identifier') readable = false;
      else if (node.operator === '=') writes.push(node.right);
      else if (arithmetic.has(node.operator.slice(0, -1))) writes.push('numeric');
      else readable = false;
    } else if (node.type === 'UpdateExpression' && node.argument.type === 'Identifier' && node.argument.name === name) {
      writes.push('numeric');
    } else if ((node.type === 'ForInStatement' || node.type === 'ForOfStatement') && node.left.type !== 'VariableDeclaration' && patternNames(node.left).includes(name)) {
      readable = false;
    } else if ((node.type === 'ForInStatement' || node.type === 'ForOfStatement') && node.left.type === 'VariableDeclaration' && node.left.declarations.some((declarator: AnyNode) => patternNames(declarator.id).includes(name))) {
      readable = false;
    } else if (node.type === 'FunctionDeclaration' && node.id?.name === name) {
      readable = false;
    }
  });
  return readable ? writes : undefined;
}

/** Is every reference to the array `name` below `scope` a read that cannot change it (`a[i]`, `a.length`, `a.indexOf(x)`)? */
function onlyRead(scope: AnyNode, name: string, parents: ReadonlyMap<AnyNode, AnyNode | null>, init: AnyNode): boolean {
  let read = true;
  walk(scope, (node, parent) => {
    if (!read) return false;
    if (node.type !== 'Identifier' || node.name !== name || !parent) return;
    if (parent.type === 'VariableDeclarator' && parent.id === node && parent.init === init) return;
    if (parent.type === 'MemberExpression' && parent.object === node) {
      const member = parents.get(parent) ?? null;
      const written = (member?.type === 'AssignmentExpression' && member.left === parent) || member?.type === 'UpdateExpression' || (member?.type === 'UnaryExpression' && member.operator === 'delete');
      if (!written && (parent.computed || readOnlyArrayMembers.has(parent.property.name))) return;
    }
    // Not a reference (`x.types`, `{ types: … }`): no use of the array.
    if ((parent.type === 'MemberExpression' && parent.property === node && !parent.computed) || (parent.type === 'ObjectProperty' && parent.key === node && !parent.computed && parent.value !== node)) return;
    read = false;
  });
  return read;
}
