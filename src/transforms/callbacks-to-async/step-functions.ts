import type { JSCodeshift } from 'jscodeshift';
import { runsNothing } from '../shared/control-flow';
import { childNodes, isFunctionNode, isIdentifierNamed, isReferenceIdentifier, patternNames, referencesName, some, type AnyNode } from '../shared/ast';

/**
 * Local step functions: a function declared in the callback API's own body that calls (or hands
 * on) the callback, called at the tails of its paths (fs-extra's createFile:
 * `function makeFile() { fs.writeFile(…, (err) => { …; callback(); }) }`, then
 * `if (dirExists) return makeFile()` and `makeFile()` after mkdirs). It is local and every call
 * of it is known, so it converts with the API, in one plan:
 *
 * - the proof walks its body where it is called (callback-protocol.ts), so each path of the
 *   API still calls back exactly once;
 * - it becomes an async function whose `cb(…)` calls are its own returns and throws;
 * - each call becomes `return await step(…)`: the step starts its operation at the same moment
 *   as before, and what it gives (or throws) is what the API gives.
 *
 * A call counts only as a statement (`step(…);`, or `return step(…);`) with nothing after it in
 * its function (up through ifs and blocks, past function declarations): there the callback was
 * the last thing the path did, so returning the step's outcome is the same program. Steps may
 * call each other and themselves (`step(i + 1)` in an operation's callback: each call keeps
 * its own variables, as it did), and read neither `this` nor `arguments`.
 */
export interface StepFunction {
  name: string;
  declaration: AnyNode;
  /** The statements that call it: `step(…);` or `return step(…);`. */
  calls: AnyNode[];
}

/** A function of the body that calls the callback but is no step: why, for the refusal. */
export interface NotAStep {
  name: string;
  how: 'called where code follows it' | 'used other than in a call statement';
}

/** The step functions of `fn` (a trial copy with a block body) for its callback `cb`, and the functions that are not. */
export function findStepFunctions(fn: AnyNode, cb: string): { steps: StepFunction[]; others: NotAStep[] } {
  const body: AnyNode[] = fn.body.body;
  const candidates = new Map<string, AnyNode>();
  for (const statement of body) {
    if (statement.type !== 'FunctionDeclaration' || !statement.id || statement.async || statement.generator) continue;
    if (statement.params.some((param: AnyNode) => patternNames(param).includes(cb))) continue;
    if (!referencesName(statement.body, cb) || readsOwnContext(statement)) continue;
    candidates.set(statement.id.name, statement);
  }
  if (candidates.size === 0) return { steps: [], others: [] };
  const parents = new Map<AnyNode, AnyNode>();
  const calls = new Map<string, AnyNode[]>([...candidates.keys()].map((name) => [name, []]));
  const rejected = new Set<string>();
  const visit = (node: AnyNode, parent: AnyNode | null) => {
    if (parent) parents.set(node, parent);
    if (node.type === 'Identifier' && candidates.has(node.name) && parent && isReferenceIdentifier(node, parent)) {
      const statement = parent.type === 'CallExpression' && parent.callee === node ? parents.get(parent) : undefined;
      if (parent === candidates.get(node.name)) {
        // The declaration's own name.
      } else if (statement && isCallStatement(statement, parent) && !parent.arguments.some((argument: AnyNode) => referencesName(argument, cb))) {
        calls.get(node.name)!.push(statement);
      } else {
        rejected.add(node.name);
      }
    }
    // A name declared again below (a parameter, a variable, another function) is another binding.
    if (node !== fn && isFunctionNode(node)) for (const param of node.params) for (const name of patternNames(param)) rejected.add(name);
    if (node.type === 'VariableDeclarator') for (const name of patternNames(node.id)) rejected.add(name);
    if (node.type === 'FunctionDeclaration' && node.id && candidates.get(node.id.name) !== node) rejected.add(node.id.name);
    if (node.type === 'CatchClause' && node.param) for (const name of patternNames(node.param)) rejected.add(name);
    for (const child of childNodes(node)) visit(child, node);
  };
  visit(fn.body, fn);
  const others: NotAStep[] = [];
  const called = [...candidates].filter(([name]) => calls.get(name)!.length > 0 || rejected.has(name));
  const steps: StepFunction[] = [];
  for (const [name, declaration] of called) {
    const step = { name, declaration, calls: calls.get(name)! };
    if (rejected.has(name)) others.push({ name, how: 'used other than in a call statement' });
    else if (!step.calls.every((statement) => statement.type === 'ReturnStatement' || endsItsFunction(statement, parents))) others.push({ name, how: 'called where code follows it' });
    else steps.push(step);
  }
  return { steps, others };
}

function isCallStatement(statement: AnyNode, call: AnyNode): boolean {
  return (statement.type === 'ExpressionStatement' && statement.expression === call) || (statement.type === 'ReturnStatement' && statement.argument === call);
}

/** `this` or `arguments` of its own: an async function called as `step()` would see the same, but keep to plain steps. */
function readsOwnContext(declaration: AnyNode): boolean {
  return some(declaration.body, (node, parent) => node.type === 'ThisExpression' || (isIdentifierNamed(node, 'arguments') && isReferenceIdentifier(node, parent)), { skipNonArrowFunctions: true });
}

/** Nothing runs after `statement` in its function: last in its block (but for function declarations), up through ifs and blocks. */
function endsItsFunction(statement: AnyNode, parents: ReadonlyMap<AnyNode, AnyNode>): boolean {
  let node = statement;
  for (let parent = parents.get(node); parent; node = parent, parent = parents.get(node)) {
    if (isFunctionNode(parent)) return true;
    if (parent.type === 'BlockStatement') {
      const after = parent.body.slice(parent.body.indexOf(node) + 1);
      if (!runsNothing(after)) return false;
    } else if (parent.type !== 'IfStatement') {
      return false;
    }
  }
  return false;
}

/**
 * Once the proof holds and the `cb(…)` calls are returns and throws: each step becomes async and
 * each call `return await step(…)`. Returns the statements made, which must end up owned by the
 * API or a step (not left inside a callback that kept its form).
 */
export function rewriteStepCalls(j: JSCodeshift, steps: StepFunction[]): AnyNode[] {
  const made: AnyNode[] = [];
  for (const step of steps) {
    step.declaration.async = true;
    for (const statement of step.calls) {
      const call = statement.type === 'ReturnStatement' ? statement.argument : statement.expression;
      const replacement = j.returnStatement(j.awaitExpression(call));
      // Replace in place: the holder keeps the same object.
      for (const key of Object.keys(statement)) if (key !== 'loc' && key !== 'comments') delete statement[key];
      Object.assign(statement, replacement);
      made.push(statement);
    }
  }
  return made;
}
