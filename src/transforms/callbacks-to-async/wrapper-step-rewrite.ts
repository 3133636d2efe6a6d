import type { JSCodeshift } from 'jscodeshift';
import { isIdentifierNamed, isReferenceIdentifier, some, type AnyNode } from '../shared/ast';
import { asStatements } from '../shared/control-flow';
import type { ErrorStyle } from './callback-shape';
import type { PromisableApi } from './node-api-table';
import { awaitStatements } from './rewrite';
import { exitingBranch, type StepOperation, type WrapperStep } from './wrapper-steps';

export interface StepRewriteContext {
  j: JSCodeshift;
  typescript: boolean;
  /** The expression that starts the operation without its callback, giving a promise. */
  startFor(operation: StepOperation, args: AnyNode[]): AnyNode;
}

/**
 * Writes a wrapper step read by wrapper-steps.ts: the executor's code takes the place of
 * `return new Promise(…)`, each operation becomes its await with the callback's code after it,
 * `resolve(x)` becomes `return x` and `reject(e)` `throw e`, and the handler becomes async.
 */
export function rewriteWrapperStep(context: StepRewriteContext, step: WrapperStep): void {
  const writer = new StepWriter(context, step);
  const statements = writer.list(step.executor.body.body);
  const returnPath = step.returnPath;
  const comments = returnPath.value.comments;
  if (comments && statements[0]) statements[0].comments = [...comments, ...(statements[0].comments ?? [])];
  const parent = returnPath.parent.value;
  const list: AnyNode[] | undefined = Array.isArray(parent.body) ? parent.body : parent.type === 'SwitchCase' ? parent.consequent : undefined;
  if (list && list.includes(returnPath.value)) list.splice(list.indexOf(returnPath.value), 1, ...statements);
  else returnPath.replace(context.j.blockStatement(statements));
  step.step.async = true;
  dropEndingReturns(step.step.body.body, writer.bareReturns);
}

class StepWriter {
  private readonly operations = new Map<AnyNode, StepOperation>();
  /** The bare `return;` statements written for `resolve()`: the ones dropEndingReturns may drop. */
  readonly bareReturns = new WeakSet<AnyNode>();

  constructor(private readonly context: StepRewriteContext, private readonly step: WrapperStep) {
    for (const operation of step.operations) this.operations.set(operation.call, operation);
  }

  private isSettleCall(node: AnyNode, name: string | undefined): boolean {
    return name !== undefined && node?.type === 'CallExpression' && isIdentifierNamed(node.callee, name);
  }

  /** The statements of a list read by ExecutorReader.readList. */
  list(statements: AnyNode[]): AnyNode[] {
    const last = statements.length - 1;
    return statements.flatMap((statement, index) => {
      if (index === last) return this.tail(statement);
      if (statement.type === 'IfStatement' && !statement.alternate && exitingBranch(statement.consequent)) {
        statement.consequent = this.branch(exitingBranch(statement.consequent)!, statement.consequent);
      }
      return [statement];
    });
  }

  /** A branch's new statements, as a block when the branch was one or it now holds several. */
  private branch(statements: AnyNode[], was: AnyNode): AnyNode {
    const written = this.list(statements);
    if (was.type !== 'BlockStatement' && written.length === 1 && written[0].type !== 'VariableDeclaration') {
      written[0].comments = was.comments ?? written[0].comments;
      return written[0];
    }
    const block = this.context.j.blockStatement(written);
    block.comments = was.comments;
    return block;
  }

  private tail(statement: AnyNode): AnyNode[] {
    if (statement.type === 'BlockStatement') {
      const block = this.context.j.blockStatement(this.list(statement.body));
      block.comments = statement.comments;
      return [block];
    }
    if (statement.type === 'IfStatement') {
      statement.consequent = this.branch(asStatements(statement.consequent), statement.consequent);
      statement.alternate = this.branch(asStatements(statement.alternate), statement.alternate);
      return [statement];
    }
    const expression = statement.type === 'ExpressionStatement' ? statement.expression : statement.argument;
    const written = this.end(expression);
    if (statement.comments && written[0]) written[0].comments = [...statement.comments, ...(written[0].comments ?? [])];
    return written;
  }

  private returnOf(value: AnyNode | undefined): AnyNode {
    const statement = this.context.j.returnStatement(value ?? null);
    if (!value) this.bareReturns.add(statement);
    return statement;
  }

  private end(expression: AnyNode): AnyNode[] {
    const j = this.context.j;
    if (this.isSettleCall(expression, this.step.resolve)) return [this.returnOf(expression.arguments[0])];
    if (this.isSettleCall(expression, this.step.reject)) return [j.throwStatement(expression.arguments[0] ?? j.identifier('undefined'))];
    const operation = this.operations.get(expression)!;
    const start = this.context.startFor(operation, expression.arguments.slice(0, -1));
    const callback = operation.callback;
    if (!callback) {
      // `fs.close(fd, resolve)` where nothing reads the value: wait for it, whatever its outcome.
      return [...awaitStatements(j, operation.api, { errorStyle: { kind: 'ignore' }, valueParams: [], success: [] }, start, false, this.context.typescript), this.returnOf(undefined)];
    }
    const body = callback.body.type === 'BlockStatement' ? callback.body.body : [j.expressionStatement(callback.body)];
    const written = this.list(body);
    const [errParam, ...valueParams] = callback.params;
    const { style, rest } = errorStyleOf(written, errParam?.name);
    const reassigned = valueParams.some((param: AnyNode) => rest.some((statement) => assigns(statement, param.name)));
    return [...awaitStatements(j, operation.api as PromisableApi, { errorStyle: style, valueParams, success: rest }, start, reassigned, this.context.typescript), ...rest];
  }
}

/**
 * How the callback's error reaches the await: not read (`catch {}`), `if (err) throw err` first
 * (no try at all), `if (err) { … }` first with the rest not reading it (`catch (err) { … }`),
 * else caught into a variable named as before.
 */
function errorStyleOf(statements: AnyNode[], errName: string | undefined): { style: ErrorStyle; rest: AnyNode[] } {
  if (!errName || !statements.some((statement) => mentions(statement, errName))) return { style: { kind: 'ignore' }, rest: statements };
  const [first, ...after] = statements;
  if (first?.type === 'IfStatement' && isIdentifierNamed(first.test, errName)) {
    const handler = asStatements(first.consequent);
    const rest = [...asStatements(first.alternate), ...after];
    const exits = ['ThrowStatement', 'ReturnStatement'].includes(handler[handler.length - 1]?.type);
    if (exits && !rest.some((statement) => mentions(statement, errName))) {
      if (handler.length === 1 && handler[0].type === 'ThrowStatement' && isIdentifierNamed(handler[0].argument, errName)) return { style: { kind: 'throw', test: first.test }, rest };
      return { style: { kind: 'catch', errName, handler, test: first.test }, rest };
    }
  }
  return { style: { kind: 'capture', errName }, rest: statements };
}

function mentions(root: AnyNode, name: string): boolean {
  return some(root, (node, parent) => isIdentifierNamed(node, name) && isReferenceIdentifier(node, parent));
}

function assigns(root: AnyNode, name: string): boolean {
  return some(root, (node) =>
    (node.type === 'AssignmentExpression' && some(node.left, (n) => isIdentifierNamed(n, name))) ||
    (node.type === 'UpdateExpression' && isIdentifierNamed(node.argument, name)));
}

/**
 * A bare `return;` written for `resolve()` says nothing where it is the last thing on a path
 * that ends the handler (the tail of an if/else or block at its end too): dropped there. Kept
 * where it is a branch's only statement (`if (done) return`), which would leave nothing behind.
 */
function dropEndingReturns(list: AnyNode[], written: WeakSet<AnyNode>): void {
  const last = list[list.length - 1];
  const droppable = (node: AnyNode) => node?.type === 'ReturnStatement' && written.has(node) && !node.comments;
  if (!last) return;
  if (droppable(last)) {
    list.pop();
    return;
  }
  if (last.type === 'BlockStatement') dropEndingReturns(last.body, written);
  if (last.type !== 'IfStatement') return;
  const branches = [last.consequent, last.alternate];
  for (const branch of branches) {
    if (branch?.type === 'BlockStatement' && branch.body.length > 1) dropEndingReturns(branch.body, written);
    if (branch?.type === 'IfStatement') dropEndingReturns([branch], written);
  }
  const alternate = last.alternate;
  if (droppable(alternate) || (alternate?.type === 'BlockStatement' && alternate.body.length === 1 && droppable(alternate.body[0]))) last.alternate = null;
}
