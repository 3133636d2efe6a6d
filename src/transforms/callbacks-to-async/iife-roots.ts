import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { calleeText, declaredNames, isFunctionNode, isReferenceIdentifier, patternNames, some, walk, type AnyNode } from '../shared/ast';
import { runsNothing } from '../shared/control-flow';
import { programOf } from '../shared/reached-functions';
import { dropsItsValue, throwsReachNoCatch } from './async-hosts';

/**
 * After a file's conversions, an async IIFE awaitify wrote as the last thing a function does
 * is folded into that function, which becomes the async function itself (issue #15: IIFEs only
 * at the roots). Looked at once all calls are converted, so that a function made async later
 * in the file (`return makeLink(…)` before the IIFE) counts. The same program when:
 * - the function is a plain, non-exported `function name(…)`, a function expression (named
 *   too: `(function next() { … })()`) or an arrow with a block body (not async, a generator,
 *   or typed), and no callback API of the file;
 * - the IIFE statement is its last statement but function declarations, or the last of a
 *   block of an if that is (tailOfFunction), and no name its body declares is read elsewhere;
 * - every caller drops its value (async-hosts.ts dropsItsValue), so none sees the promise; for
 *   a prototype method (`Foo.prototype.m = function`), every read of `m` in the package is
 *   such a call (`droppedMethods`, from the package model: cross-file mode only);
 * - the IIFE's body declares no name the function also binds (its body moves into that scope);
 * - what runs before the IIFE cannot throw (see cannotThrow): a throw there reached the caller
 *   at once, through every synchronous caller up to one outside the file, which may catch it;
 *   as a rejection of a dropped promise no catch would see it. Not folded then, unless every
 *   call ends where no catch sees a throw either (async-hosts.ts throwsReachNoCatch): then the
 *   uncaught exception becomes an unhandled rejection, and the fold says so.
 * Returns the functions that became async.
 */
export interface FoldedFunction {
  fn: AnyNode;
  /** Something before the IIFE may throw: an uncaught exception at every call, now an unhandled rejection. */
  throwBecomesRejection: boolean;
}

/**
 * Why an IIFE inside a function stays one (the message ids of the finding that says so):
 * not the last thing the function does; the function is no plain one (a callback API, a
 * generator, typed, async of its own); it runs code before the IIFE that may throw to a caller
 * that may catch it; names would clash; or a caller uses its value, or it escapes.
 */
export type IifeKeptReason = 'iifeNotAtTail' | 'iifeHostKind' | 'iifeThrowBefore' | 'iifeNamesClash' | 'iifeValueUsed';

export interface KeptIife {
  /** Where the finding points: the IIFE statement, or the first code of the input inside it. */
  statement: AnyNode;
  /** The function it stays in, and how a reader finds it: `` `name` `` or "The function". */
  fn: AnyNode;
  name: string;
  reason: IifeKeptReason;
}

export function foldIifeRoots(j: JSCodeshift, root: Collection<AnyNode>, ownAsyncFunctions: WeakSet<AnyNode>, isCallbackFunction: (fn: AnyNode) => boolean, callsBackLater: (call: AnyNode) => boolean, droppedMethods: ReadonlySet<string> = new Set()): { folded: FoldedFunction[]; kept: KeptIife[] } {
  const folded: FoldedFunction[] = [];
  const refused = new Map<AnyNode, KeptIife | undefined>();
  // Folding moves statements, which leaves other paths stale: find them again after each fold
  // (a refusal changes nothing, so the same paths serve for the next candidate).
  for (;;) {
    let candidate: ASTPath<AnyNode> | undefined;
    let fold: Fold | undefined;
    for (const path of ownIifePaths(j, root, ownAsyncFunctions)) {
      if (refused.has(path.value)) continue;
      const verdict = foldableHost(path, ownAsyncFunctions, isCallbackFunction, callsBackLater, droppedMethods);
      if ('host' in verdict) {
        fold = verdict;
        candidate = path;
        break;
      }
      // Inside another IIFE of awaitify's, the outer one is what stays (and says why, if in a function).
      const inIife = verdict.fnPath !== undefined && isOwnIifeFunction(verdict.fnPath, ownAsyncFunctions);
      refused.set(path.value, verdict.fnPath && !inIife ? { statement: located(path.value), fn: verdict.fnPath.value, name: functionLabel(verdict.fnPath), reason: verdict.reason } : undefined);
    }
    if (!candidate || !fold) return { folded, kept: [...refused.values()].filter((kept): kept is KeptIife => kept !== undefined) };
    const body: AnyNode[] = ownIife(candidate.value, ownAsyncFunctions)!.body.body;
    if (body[0]) body[0].comments = [...(candidate.value.comments ?? []), ...(body[0].comments ?? [])];
    const list: AnyNode[] = candidate.parent.value.body;
    list.splice(list.indexOf(candidate.value), 1, ...body);
    if (fold.host.async) continue;
    fold.host.async = true;
    ownAsyncFunctions.add(fold.host);
    const declared = declareCalledFunction(j, fold.hostPath);
    if (declared) ownAsyncFunctions.add(declared);
    folded.push({ fn: fold.host, throwBecomesRejection: fold.throwBecomesRejection });
  }
}

/**
 * `(async function next() { … })();` standing as a statement of a function body (or the
 * program) becomes `async function next() { … }` and `next();` there: the same calls, written
 * as a maintainer would, with no async IIFE left. Only when the name is free in the enclosing
 * body (the declaration adds it there); a function expression cannot throw as it is created,
 * so the arguments are evaluated in the same order.
 */
function declareCalledFunction(j: JSCodeshift, fnPath: ASTPath<AnyNode>): AnyNode | undefined {
  const fn = fnPath.value;
  const call = fnPath.parent?.value;
  const statementPath = fnPath.parent?.parent;
  const statement = statementPath?.value;
  const block = statementPath?.parent?.value;
  if (fn.type !== 'FunctionExpression' || !fn.id || call?.type !== 'CallExpression' || call.callee !== fn || statement?.type !== 'ExpressionStatement' || statement.expression !== call) return undefined;
  const container = statementPath.parent.parent?.value;
  const functionBody = block?.type === 'BlockStatement' && !!container && isFunctionNode(container) && container.body === block;
  if (!functionBody && block?.type !== 'Program') return undefined;
  const name: string = fn.id.name;
  let taken = false;
  walk(block, (node) => {
    if (node === fn) return false;
    if (node.type === 'Identifier' && node.name === name) taken = true;
  });
  if (taken) return undefined;
  const declaration = j.functionDeclaration(fn.id, fn.params, fn.body);
  declaration.async = true;
  declaration.comments = statement.comments;
  const list: AnyNode[] = block.body;
  list.splice(list.indexOf(statement), 1, declaration, j.expressionStatement(j.callExpression(j.identifier(name), call.arguments)));
  return declaration;
}

/**
 * The statements that are awaitify's own IIFEs, as paths. A plain walk first: the path-building
 * search costs far more, and most files hold no IIFE of awaitify's.
 */
function ownIifePaths(j: JSCodeshift, root: Collection<AnyNode>, ownAsyncFunctions: WeakSet<AnyNode>): Array<ASTPath<AnyNode>> {
  if (!some(root.get().value, (node) => node.type === 'ExpressionStatement' && ownIife(node, ownAsyncFunctions) !== undefined)) return [];
  return root.find(j.ExpressionStatement).paths().filter((path) => ownIife(path.value, ownAsyncFunctions));
}

/** `(async () => { … })();` or `void (async () => { … })();` written by awaitify: its arrow. */
function ownIife(statement: AnyNode, ownAsyncFunctions: WeakSet<AnyNode>): AnyNode | undefined {
  let call = statement.expression;
  if (call?.type === 'UnaryExpression' && call.operator === 'void') call = call.argument;
  if (call?.type !== 'CallExpression' || call.arguments.length > 0) return undefined;
  const fn = call.callee;
  const own = fn.type === 'ArrowFunctionExpression' && fn.async && fn.params.length === 0 && fn.body.type === 'BlockStatement' && ownAsyncFunctions.has(fn);
  return own ? fn : undefined;
}

interface Fold {
  host: AnyNode;
  hostPath: ASTPath<AnyNode>;
  throwBecomesRejection: boolean;
}

type FoldVerdict = Fold | { fnPath?: ASTPath<AnyNode>; reason: IifeKeptReason };

function foldableHost(statementPath: ASTPath<AnyNode>, ownAsyncFunctions: WeakSet<AnyNode>, isCallbackFunction: (fn: AnyNode) => boolean, callsBackLater: (call: AnyNode) => boolean, droppedMethods: ReadonlySet<string>): FoldVerdict {
  const tail = tailOfFunction(statementPath);
  // At the top level of the program there is no function to fold into: a root, and no finding.
  if (!tail) return { fnPath: enclosingFunction(statementPath), reason: 'iifeNotAtTail' };
  const { fnPath, blocks } = tail;
  const fn = fnPath.value;
  const plain = fn.type === 'FunctionDeclaration' ? !!fn.id : fn.type === 'FunctionExpression' || fn.type === 'ArrowFunctionExpression';
  // An async function awaitify made (a callback it folded an IIFE into) may take one more:
  // before the IIFE's first await nothing changes, and after it only its dropped promise waits.
  if (!plain || (fn.async && !ownAsyncFunctions.has(fn)) || fn.generator || fn.returnType || isCallbackFunction(fn)) return { fnPath, reason: 'iifeHostKind' };
  const list: AnyNode[] = fn.body.body;
  const nested = blocks.length > 1;
  // Directly in the body: the statements before it, by form; deeper (ncp's `if (modified) { … }`), the if runs a test first.
  const others = list.filter((statement) => statement !== statementPath.value && statement.type !== 'FunctionDeclaration');
  const program = programOf(fnPath)!;
  const mayThrow = !fn.async && (nested || !others.every((statement) => cannotThrow(statement, fnPath, program)));
  const valueDropped = dropsItsValue(fnPath, callsBackLater, droppedMethods);
  if (mayThrow && !throwsReachNoCatch(fnPath, callsBackLater)) return { fnPath, reason: valueDropped ? 'iifeThrowBefore' : 'iifeValueUsed' };
  const iife = ownIife(statementPath.value, ownAsyncFunctions)!;
  const ownName = fn.type === 'FunctionExpression' && fn.id ? [fn.id.name] : [];
  const hostNames = new Set([...ownName, ...fn.params.flatMap(patternNames), ...blocks.flatMap((block) => declaredNames(block.body.filter((statement: AnyNode) => statement !== statementPath.value))), ...hoistedVars(others)]);
  const moved = [...declaredNames(iife.body.body), ...hoistedVars(iife.body.body)];
  if (moved.some((name) => hostNames.has(name))) return { fnPath, reason: 'iifeNamesClash' };
  // A name the body declares must not be read elsewhere in the function: a `var` hoists to all of it.
  if (moved.length > 0 && readsOutside(fn.body, iife, new Set(moved))) return { fnPath, reason: 'iifeNamesClash' };
  return valueDropped ? { host: fn, hostPath: fnPath, throwBecomesRejection: mayThrow } : { fnPath, reason: 'iifeValueUsed' };
}

function isOwnIifeFunction(fnPath: ASTPath<AnyNode>, ownAsyncFunctions: WeakSet<AnyNode>): boolean {
  const call = fnPath.parent?.value;
  return ownAsyncFunctions.has(fnPath.value) && call?.type === 'CallExpression' && call.callee === fnPath.value;
}

/** The IIFE statement awaitify wrote has no place in the input: the first node inside it that has. */
function located(statement: AnyNode): AnyNode {
  let found: AnyNode | undefined;
  walk(statement, (node) => {
    if (found) return false;
    if (node.loc) found = node;
  });
  return found ?? statement;
}

function enclosingFunction(path: ASTPath<AnyNode>): ASTPath<AnyNode> | undefined {
  for (let current = path.parent; current; current = current.parent) if (isFunctionNode(current.value)) return current;
  return undefined;
}

/** `` `next` ``, `` `DirReader.prototype._getEntries` ``: the name it is declared or assigned under, the call it is handed to, else "The function". */
function functionLabel(fnPath: ASTPath<AnyNode>): string {
  const fn = fnPath.value;
  const parent = fnPath.parent?.value;
  const name =
    fn.id?.name ??
    (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id.name : undefined) ??
    (parent?.type === 'AssignmentExpression' ? calleeText(parent.left) : undefined) ??
    ((parent?.type === 'Property' || parent?.type === 'ObjectProperty') && parent.key.type === 'Identifier' ? parent.key.name : undefined);
  if (name) return `\`${name}\``;
  // `fs.readFile(p, function (err, data) { … })`: a callback handed to a call.
  const callee = (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.arguments.includes(fn) ? calleeText(parent.callee) : '';
  return callee ? `The callback given to \`${callee}\`` : 'The function';
}

/**
 * The function whose last act the statement is, and the blocks from the statement's own up to
 * the function's body: each holds nothing that runs after it, and between blocks only if
 * statements (never a loop, a try, a switch or a label, which would run or skip more).
 */
function tailOfFunction(statementPath: ASTPath<AnyNode>): { fnPath: ASTPath<AnyNode>; blocks: AnyNode[] } | undefined {
  const blocks: AnyNode[] = [];
  let path: ASTPath<AnyNode> = statementPath;
  let parent = path.parent;
  if (parent?.value.type !== 'BlockStatement') return undefined;
  for (;;) {
    if (!parent) return undefined;
    const node = parent.value;
    if (node.type === 'BlockStatement') {
      const index = node.body.indexOf(path.value);
      if (index === -1 || !runsNothing(node.body.slice(index + 1))) return undefined;
      blocks.push(node);
      if (parent.parent && isFunctionNode(parent.parent.value) && parent.parent.value.body === node) return { fnPath: parent.parent, blocks };
    } else if (node.type !== 'IfStatement' || node.test === path.value) {
      return undefined;
    }
    path = parent;
    parent = path.parent;
  }
}

/**
 * Is any of `names` read in the function body `root` outside `skip`? A reference inside a scope
 * that binds the name again (a catch clause, a function's parameter, a block's let) is another
 * binding's, and does not count.
 */
function readsOutside(root: AnyNode, skip: AnyNode, names: ReadonlySet<string>): boolean {
  const rebinds = (node: AnyNode, name: string): boolean =>
    (node.type === 'CatchClause' && patternNames(node.param).includes(name)) ||
    (isFunctionNode(node) && node.params.some((param: AnyNode) => patternNames(param).includes(name))) ||
    (node.type === 'BlockStatement' && node !== root && declaredNames(node.body).includes(name));
  return [...names].some((name) => {
    let found = false;
    walk(root, (node, parent) => {
      if (found || node === skip || rebinds(node, name)) return false;
      if (node.type === 'Identifier' && node.name === name && isReferenceIdentifier(node, parent)) found = true;
      return !found;
    });
    return found;
  });
}

/** `var` names declared anywhere in the statements, nested functions aside (they hoist to the function). */
function hoistedVars(statements: AnyNode[]): string[] {
  const names: string[] = [];
  for (const statement of statements) {
    walk(statement, (node) => {
      if (node.type === 'VariableDeclaration' && node.kind === 'var') for (const declarator of node.declarations) names.push(...patternNames(declarator.id));
    }, { skipFunctions: true });
  }
  return names;
}

/**
 * Statements that cannot throw, so that running them inside the async function changes
 * nothing: `var self = this`, `var x;`, and `if (flag) return f(a, b);` where `f` is an async
 * function of the file (an async function never throws at its call; it rejects) and every
 * operand is a literal, `this`, a function, or a parameter of an enclosing function.
 */
function cannotThrow(statement: AnyNode, fnPath: ASTPath<AnyNode>, program: AnyNode): boolean {
  const safe = (node: AnyNode): boolean => safeExpression(node, fnPath, program);
  if (statement.type === 'EmptyStatement') return true;
  if (statement.type === 'VariableDeclaration') {
    return statement.kind === 'var' && statement.declarations.every((declarator: AnyNode) => declarator.id.type === 'Identifier' && (!declarator.init || safe(declarator.init)));
  }
  if (statement.type === 'IfStatement' && !statement.alternate && safe(statement.test)) {
    const exit = statement.consequent.type === 'BlockStatement' && statement.consequent.body.length === 1 ? statement.consequent.body[0] : statement.consequent;
    return exit.type === 'ReturnStatement' && (!exit.argument || safe(exit.argument));
  }
  return false;
}

function safeExpression(node: AnyNode, fnPath: ASTPath<AnyNode>, program: AnyNode): boolean {
  switch (node.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
    case 'Literal':
    case 'ThisExpression':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return true;
    case 'Identifier':
      return isParameterInScope(node.name, fnPath);
    case 'UnaryExpression':
      return node.operator === '!' && safeExpression(node.argument, fnPath, program);
    case 'CallExpression':
      return node.callee.type === 'Identifier' && isAsyncFunctionOfFile(node.callee.name, program) && node.arguments.every((arg: AnyNode) => safeExpression(arg, fnPath, program));
    default:
      return false;
  }
}

/** A parameter of this function or an enclosing one, as the scope resolves the name (reading it cannot throw). */
function isParameterInScope(name: string, fnPath: ASTPath<AnyNode>): boolean {
  const scope = fnPath.scope?.lookup(name);
  const owner = scope?.node;
  return !!owner && isFunctionNode(owner) && owner.params.some((param: AnyNode) => param.type === 'Identifier' && param.name === name);
}

/** One `async function name` in the file and no other binding of the name. */
function isAsyncFunctionOfFile(name: string, program: AnyNode): boolean {
  const bindings: AnyNode[] = [];
  walk(program, (node) => {
    if (node.type === 'FunctionDeclaration' && node.id?.name === name) bindings.push(node);
    else if (node.type === 'VariableDeclarator' && patternNames(node.id).includes(name)) bindings.push(node);
    else if (isFunctionNode(node) && node.params.some((param: AnyNode) => patternNames(param).includes(name))) bindings.push(node);
  });
  return bindings.length === 1 && bindings[0].type === 'FunctionDeclaration' && bindings[0].async && !bindings[0].generator;
}
