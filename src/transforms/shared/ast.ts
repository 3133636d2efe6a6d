/**
 * Small, dependency-free questions about babel/recast AST nodes. Nodes are typed loosely
 * (`AnyNode`) because the parsers hand back babel, flow and TypeScript node kinds alike.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyNode = any;

const skippedKeys = new Set(['loc', 'start', 'end', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'tokens', 'extra', 'original', 'range']);

export function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as AnyNode).type === 'string';
}

/** A `for`, `for…in`, `for…of`, `while` or `do…while` statement. */
export function isLoop(node: AnyNode): boolean {
  return /^(For|ForIn|ForOf|While|DoWhile)Statement$/.test(node.type);
}

export function isFunctionNode(node: AnyNode): boolean {
  return (
    node.type === 'FunctionDeclaration' ||
    node.type === 'FunctionExpression' ||
    node.type === 'ArrowFunctionExpression' ||
    node.type === 'ObjectMethod' ||
    node.type === 'ClassMethod' ||
    node.type === 'ClassPrivateMethod'
  );
}

/** The child nodes of a node, in source order. */
export function childNodes(node: AnyNode): AnyNode[] {
  const children: AnyNode[] = [];
  pushChildNodes(node, children);
  return children;
}

/** Appends the child nodes of a node to `out`, in source order: childNodes without an array of its own. */
function pushChildNodes(node: AnyNode, out: AnyNode[]): void {
  // Indexed loops and the primitive check first: this runs for every node of every walk.
  const keys = Object.keys(node);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    if (skippedKeys.has(key)) continue;
    const value = node[key];
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) if (isNode(value[i])) out.push(value[i]);
    } else if (typeof value.type === 'string') {
      out.push(value);
    }
  }
}

export interface WalkOptions {
  /** Do not descend into nested functions (arrows included), whose `this`/return are their own. */
  skipFunctions?: boolean;
  /** Like skipFunctions, but arrows are entered (they share `this` and `arguments`). */
  skipNonArrowFunctions?: boolean;
}

/** Visits every node below `root` (root included); return false from visit to skip a subtree. */
export function walk(root: AnyNode, visit: (node: AnyNode, parent: AnyNode | null) => boolean | void, options: WalkOptions = {}): void {
  // Depth first in source order: a node's children go on the stack last child first. Two stacks
  // side by side (node, parent) rather than a pair per node: this walk runs over every file many times.
  const nodes: AnyNode[] = [root];
  const parents: Array<AnyNode | null> = [null];
  const { skipFunctions, skipNonArrowFunctions } = options;
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const parent = parents.pop()!;
    if (node !== root && (skipFunctions || skipNonArrowFunctions) && isFunctionNode(node)) {
      if (skipFunctions) continue;
      if (node.type !== 'ArrowFunctionExpression') continue;
    }
    if (visit(node, parent) === false) continue;
    const first = nodes.length;
    pushChildNodes(node, nodes);
    for (let low = first, high = nodes.length - 1; low < high; low++, high--) {
      const child = nodes[low];
      nodes[low] = nodes[high];
      nodes[high] = child;
    }
    for (let i = first; i < nodes.length; i++) parents.push(node);
  }
}

export function some(root: AnyNode, test: (node: AnyNode, parent: AnyNode | null) => boolean, options: WalkOptions = {}): boolean {
  let found = false;
  walk(root, (node, parent) => {
    if (found) return false;
    if (test(node, parent)) found = true;
    return !found;
  }, options);
  return found;
}

/** Is this Identifier a reference to a binding (not a property key or member name)? */
export function isReferenceIdentifier(node: AnyNode, parent: AnyNode | null): boolean {
  if (node.type !== 'Identifier' || !parent) return node.type === 'Identifier';
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) return false;
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property' || parent.type === 'ObjectMethod' || parent.type === 'ClassProperty' || parent.type === 'ClassMethod') && parent.key === node && !parent.computed) {
    // `{ a }` shorthand: the value is a reference too, and it is the same node.
    return parent.shorthand === true && parent.value === node;
  }
  if (parent.type === 'ImportSpecifier' && parent.imported === node && parent.local !== node) return false;
  if (parent.type === 'LabeledStatement' || parent.type === 'BreakStatement' || parent.type === 'ContinueStatement') return false;
  if (parent.type.startsWith('TS') && parent.type !== 'TSAsExpression' && parent.type !== 'TSNonNullExpression' && parent.type !== 'TSSatisfiesExpression' && parent.type !== 'TSTypeAssertion') return false;
  return true;
}

/** Every name that appears as an identifier anywhere below root (bindings and references). */
export function collectIdentifierNames(root: AnyNode): Set<string> {
  const names = new Set<string>();
  walk(root, (node) => {
    if (node.type === 'Identifier' || node.type === 'JSXIdentifier') names.add(node.name);
  });
  return names;
}

/** Names used as references or declared below root; property keys and member names are not. */
export function collectReferencedNames(root: AnyNode): Set<string> {
  const names = new Set<string>();
  walk(root, (node, parent) => {
    if (node.type === 'Identifier' && isReferenceIdentifier(node, parent)) names.add(node.name);
  });
  return names;
}

/** Does a function (not root) declare `name` as a parameter, so that it means something else inside? */
function shadows(node: AnyNode, name: string): boolean {
  return isFunctionNode(node) && node.params.some((param: AnyNode) => patternNames(param).includes(name));
}

/** Does `name` occur as a reference below root? Functions whose parameters shadow it are passed over. */
export function referencesName(root: AnyNode, name: string, options: WalkOptions = {}): boolean {
  let found = false;
  walk(root, (node, parent) => {
    if (found || (node !== root && shadows(node, name))) return false;
    if (node.type === 'Identifier' && node.name === name && isReferenceIdentifier(node, parent)) found = true;
    return !found;
  }, options);
  return found;
}

/** Names a binding pattern declares: `a`, `{ a, b: [c] }`, `...rest`, `x = 1`. */
export function patternNames(pattern: AnyNode): string[] {
  if (!pattern) return [];
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name];
    case 'ObjectPattern':
      return pattern.properties.flatMap((property: AnyNode) =>
        property.type === 'RestElement' ? patternNames(property.argument) : patternNames(property.value),
      );
    case 'ArrayPattern':
      return pattern.elements.flatMap((element: AnyNode) => patternNames(element));
    case 'RestElement':
      return patternNames(pattern.argument);
    case 'AssignmentPattern':
      return patternNames(pattern.left);
    case 'TSParameterProperty':
      return patternNames(pattern.parameter);
    default:
      return [];
  }
}

/** Names declared at the top level of a statement list (let, const, var, function, class). */
export function declaredNames(statements: AnyNode[]): string[] {
  const names: string[] = [];
  for (const statement of statements) {
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) names.push(...patternNames(declarator.id));
    } else if ((statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && statement.id) {
      names.push(statement.id.name);
    }
  }
  return names;
}

/** `var` names anywhere in the statements, outside nested functions: they hoist to the function. */
export function varNames(statements: AnyNode[]): string[] {
  const names: string[] = [];
  for (const statement of statements) {
    walk(statement, (node) => {
      if (node.type === 'VariableDeclaration' && node.kind === 'var') {
        for (const declarator of node.declarations) names.push(...patternNames(declarator.id));
      }
    }, { skipFunctions: true });
  }
  return names;
}

/**
 * A parameter name for a function whose body only reads `body`: the first candidate the body
 * does not read, since the parameter hides nothing else. Never a numbered name; undefined when
 * every candidate is read there.
 */
export function scopedName(candidates: readonly string[], body: AnyNode[]): string | undefined {
  const read = new Set<string>();
  for (const node of body) for (const name of collectIdentifierNames(node)) read.add(name);
  return candidates.find((candidate) => !read.has(candidate));
}

/** Other names a person would pick for what awaitify names `base`, when `base` is taken. */
const alternativeNames: Record<string, string[]> = {
  fsp: ['fsPromises', 'promisedFs'],
  dnsPromises: ['dnsp', 'promisedDns'],
  item: ['entry', 'element', 'member'],
  results: ['values', 'collected', 'outcomes'],
  done: ['callback', 'cb', 'next', 'resume'],
  caught: ['error', 'failure'],
  promisify: ['utilPromisify', 'toPromise'],
  joined: ['allJoined', 'together'],
  stopped: ['isStopped', 'wasStopped'],
  intervalMs: ['periodMs', 'everyMs'],
  delay: ['sleep', 'wait', 'pause'],
  // An error handed on (a stepper's `next(er)` whose callbacks name theirs `er` too).
  er: ['failure', 'lastError', 'pendingError'],
  err: ['failure', 'lastError', 'pendingError'],
  error: ['failure', 'lastError', 'pendingError'],
};

/** `base` and the names derived from it, in the order tried: never a numbered one. */
function candidateNames(base: string): string[] {
  const capital = base.charAt(0).toUpperCase() + base.slice(1);
  const stem = base.replace(/(Promise|Async)$/, '');
  const stemCapital = stem.charAt(0).toUpperCase() + stem.slice(1);
  const derived = stem !== base ? [`pending${stemCapital}`, `${stem}Pending`, `started${stemCapital}`, `promised${stemCapital}`] : [];
  return [base, ...(alternativeNames[base] ?? []), ...derived, `own${capital}`, `local${capital}`, `new${capital}`];
}

/**
 * A name not used anywhere in `taken`: `base`, else a name a person would pick for the same
 * thing (`fsPromises` for `fsp`, `pendingTimer` for `timerPromise`, `entry` for `item`);
 * a numbered name (`base2`) only when every one of those is taken too.
 */
export function uniqueName(base: string, taken: Set<string>): string {
  let name = candidateNames(base).find((candidate) => !taken.has(candidate)) ?? base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

export function isIdentifierNamed(node: AnyNode, name: string): boolean {
  return !!node && node.type === 'Identifier' && node.name === name;
}

/** `require('x')` with a string literal argument: the specifier, else undefined. */
export function requireSpecifier(node: AnyNode): string | undefined {
  if (!node || node.type !== 'CallExpression' || !isIdentifierNamed(node.callee, 'require')) return undefined;
  const [argument] = node.arguments;
  if (node.arguments.length !== 1 || !argument) return undefined;
  if (argument.type === 'StringLiteral' || (argument.type === 'Literal' && typeof argument.value === 'string')) return argument.value;
  return undefined;
}

/** Statements of a block, or of an arrow's expression body as one statement. */
export function bodyStatements(fn: AnyNode): AnyNode[] | undefined {
  if (fn.body && fn.body.type === 'BlockStatement') return fn.body.body;
  return undefined;
}

/** Every node below root (root included) that passes the test, in source order. */
export function findAll(root: AnyNode, test: (node: AnyNode, parent: AnyNode | null) => boolean, options: WalkOptions = {}): AnyNode[] {
  const found: AnyNode[] = [];
  walk(root, (node, parent) => {
    if (test(node, parent)) found.push(node);
  }, options);
  return found;
}

/** Is the node `object.property` (not computed), e.g. `process.nextTick`? */
export function isMemberNamed(node: AnyNode, object: string, property: string): boolean {
  return !!node && node.type === 'MemberExpression' && !node.computed && isIdentifierNamed(node.object, object) && isIdentifierNamed(node.property, property);
}

/**
 * `catch {}` has no parameter, and ast-types' scope code cannot read such a clause (it throws
 * "null does not match type Pattern"). While transforms run, every optional catch binding
 * holds this placeholder name instead; the engine puts `catch {}` back before printing.
 */
export const optionalCatchParam = '__awaitifyOptionalCatch__';

/** A catch clause's parameter for `catch {}` while transforms run. */
export function optionalCatchBinding(): AnyNode {
  return { type: 'Identifier', name: optionalCatchParam };
}

/** Gives `catch {}` clauses the placeholder parameter (before transforms) or takes it away (after). */
export function setOptionalCatchBindings(root: AnyNode, filled: boolean): void {
  walk(root, (node) => {
    if (node.type !== 'CatchClause') return;
    if (filled && node.param == null) node.param = optionalCatchBinding();
    else if (!filled && node.param?.type === 'Identifier' && node.param.name === optionalCatchParam) node.param = null;
  });
}

/** An arrow or function expression written in place. */
export function isInlineFunction(node: AnyNode): boolean {
  return !!node && (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression');
}

/** A call's last argument when it is an inline function. */
export function inlineCallbackOf(call: AnyNode): AnyNode | undefined {
  const last = call?.arguments?.[call.arguments.length - 1];
  return isInlineFunction(last) ? last : undefined;
}

/** `name(…)`. */
export function isCallOf(node: AnyNode, name: string): boolean {
  return node?.type === 'CallExpression' && isIdentifierNamed(node.callee, name);
}

/**
 * Is there a call (optional calls too) of one of these plain names below root? A cheap test
 * before a search that builds paths or walks the whole program: where there is no such call,
 * that search finds nothing, so it need not run.
 */
export function callsNamed(root: AnyNode, names: readonly string[]): boolean {
  return some(root, (node) => (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') && node.callee?.type === 'Identifier' && names.includes(node.callee.name));
}

/** No value: absent, `null` or `undefined` (the success marker of `cb(null, …)`). */
export function isNullish(node: AnyNode): boolean {
  return !node || node.type === 'NullLiteral' || (node.type === 'Literal' && node.value === null) || isIdentifierNamed(node, 'undefined');
}

/** `a.b.c` for a member chain of plain names (`this` included); '' for anything else. */
export function calleeText(callee: AnyNode): string {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'ThisExpression') return 'this';
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
    const object = calleeText(callee.object);
    return object ? `${object}.${callee.property.name}` : '';
  }
  return '';
}
