import type { MessageData, MessageRef } from '../../types';
import { inlineCallbackOf, isCallOf, isFunctionNode, isIdentifierNamed, referencesName, some, type AnyNode } from '../shared/ast';
import { asStatements } from '../shared/control-flow';

/**
 * Proves, path by path, that a function calls its callback parameter exactly once and
 * always asynchronously, which is what lets it become an async function.
 *
 * A path's story: how many times it calls the callback (0, 1, 2 meaning "more"), whether
 * one of those calls happens synchronously (in the function itself, not in the callback of
 * an operation it started), and whether it has left the function.
 */
interface PathOutcome {
  calls: number;
  sync: boolean;
  exited: boolean;
  /** The call happens later, in an operation's callback: code after it still runs first. */
  deferred?: boolean;
  /** A synchronous call inside a `next()` loop: synchronous only when the loop ends at once. */
  loopSync?: boolean;
  /** The path has awaited something: calls after that are no longer synchronous. */
  awaited?: boolean;
}

/** Statements that counter-join rewriting made (see counter-joins.ts). */
export interface JoinStatements {
  /** `const joined = Promise.all(…)`: starts the items; their callback calls are error exits. */
  starts: ReadonlySet<AnyNode>;
  /** `await joined;`: either goes on, or the first item error leaves the function. */
  waits: ReadonlySet<AnyNode>;
  /** `if (pending === 0) return cb(…)`: synchronous only for an empty list. */
  guards: ReadonlySet<AnyNode>;
}

const noJoins: JoinStatements = { starts: new Set(), waits: new Set(), guards: new Set() };

/**
 * Where a statement runs: in the function itself (`sync`), in the body of a `next()` loop
 * made from it (`loop`: synchronous on the first pass only), or in an operation's callback.
 */
type Level = 'sync' | 'loop' | 'async';

export type ProtocolResult =
  | { ok: true; allowedSync?: MessageRef & { node: AnyNode }; emptyLoop?: MessageRef & { node: AnyNode } }
  | ({ ok: false; ruleId: string; node: AnyNode } & MessageRef);

/** Why a hand-on the proof would take as an unknown callee's is refused (the policy does not allow the assumption). */
export type HandOnRefusal = { ruleId: string } & MessageRef;

class ProtocolError extends Error {
  constructor(readonly ruleId: string, readonly messageId: string, readonly data: MessageData | undefined, readonly node: AnyNode) {
    super(`${ruleId} ${messageId}`);
  }
}

const fallThrough: PathOutcome = { calls: 0, sync: false, exited: false };

function key(outcome: PathOutcome): string {
  return `${outcome.calls}:${outcome.sync}:${outcome.exited}:${!!outcome.deferred}:${!!outcome.loopSync}:${!!outcome.awaited}`;
}

function isBareReturn(statement: AnyNode): boolean {
  return statement.type === 'ReturnStatement' && !statement.argument;
}

function unique(outcomes: PathOutcome[]): PathOutcome[] {
  const seen = new Map<string, PathOutcome>();
  for (const outcome of outcomes) seen.set(key(outcome), outcome);
  return [...seen.values()];
}

function containsReturn(statement: AnyNode): boolean {
  return some(statement, (node) => node.type === 'ReturnStatement', { skipFunctions: true });
}

const listenerMethods = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener']);
const iterationMethods = new Set(['forEach', 'map', 'filter', 'some', 'every', 'reduce', 'find']);
const streamMethods = new Set(['pipe', 'write', 'end', 'pipeline', 'finished']);

function memberCallName(expression: AnyNode): string | undefined {
  const callee = expression?.type === 'CallExpression' ? expression.callee : undefined;
  return callee?.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : undefined;
}

function isListenerRegistration(expression: AnyNode): boolean {
  return listenerMethods.has(memberCallName(expression) ?? '');
}

function isStreamCall(expression: AnyNode): boolean {
  return streamMethods.has(memberCallName(expression) ?? '') || isIdentifierNamed(expression?.callee, 'pipeline') || isIdentifierNamed(expression?.callee, 'finished');
}

/** `ForOfStatement` → `a for…of loop`, `VariableDeclaration` → `a variable declaration`. */
function describeStatement(type: string): string {
  const known: Record<string, string> = {
    ForStatement: 'a for loop', ForOfStatement: 'a for…of loop', ForInStatement: 'a for…in loop', WhileStatement: 'a while loop',
    DoWhileStatement: 'a do…while loop', SwitchStatement: 'a switch', VariableDeclaration: 'a variable declaration',
    LabeledStatement: 'a labelled statement', WithStatement: 'a with statement',
  };
  return known[type] ?? `a ${type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
}

class ProtocolWalker {
  constructor(
    private readonly cb: string,
    private readonly isAsyncCall: (call: AnyNode) => boolean,
    private readonly loops: ReadonlySet<AnyNode>,
    private readonly joins: JoinStatements,
    /** Local step functions (step-functions.ts) by name: a call of one runs its body there. */
    private readonly steps: ReadonlyMap<string, AnyNode>,
    /**
     * Calls that may take the callback handed on at the end of a path, as an unknown callee would
     * (flagged where they convert); a refusal when only the policy stops that (--strict).
     */
    private readonly handOnAssumed: (call: AnyNode) => boolean | HandOnRefusal,
  ) {}

  /** The steps whose bodies are being walked, outermost first. */
  private readonly walking: string[] = [];

  /** `tail`: nothing of the function runs after this list on the path (its last statement ends the path). */
  list(statements: AnyNode[], nested: Level, tail = false): PathOutcome[] {
    let paths: PathOutcome[] = [fallThrough];
    for (const [index, statement] of statements.entries()) {
      const live = paths.filter((path) => !path.exited);
      if (live.length === 0) break;
      if (statement.type === 'FunctionDeclaration' || statement.type === 'EmptyStatement') continue;
      if (!isBareReturn(statement) && live.some((path) => path.calls > 0 && !path.deferred)) {
        throw new ProtocolError('timing/code-after-callback-call', 'codeAfterCall', { callback: this.cb }, statement);
      }
      const outcomes = this.statement(statement, nested, tail && index === statements.length - 1);
      const next = paths.filter((path) => path.exited);
      for (const path of live) {
        for (const outcome of outcomes) {
          next.push({
            calls: Math.min(2, path.calls + outcome.calls),
            sync: path.sync || (outcome.sync && !path.awaited),
            exited: outcome.exited,
            deferred: (path.deferred || outcome.deferred) && !(path.calls > 0 && !path.deferred),
            loopSync: path.loopSync || (outcome.loopSync && !path.awaited),
            awaited: path.awaited || outcome.awaited,
          });
        }
      }
      paths = unique(next);
    }
    return paths;
  }

  /**
   * Does the node call back, or hand on a step of a `next()` loop (a `continue` inside an
   * operation's callback, which only next-loops.ts makes: the next pass calls back)?
   */
  private mentions(node: AnyNode): boolean {
    if (referencesName(node, this.cb)) return true;
    for (const name of this.steps.keys()) if (referencesName(node, name)) return true;
    return this.loops.size > 0 && some(node, (inner) => isFunctionNode(inner) && some(inner.body, (item) => item.type === 'ContinueStatement' && !item.label, { skipFunctions: true }));
  }

  private statement(statement: AnyNode, nested: Level, tail = false): PathOutcome[] {
    if (statement.type === 'ContinueStatement' && !statement.label && nested !== 'sync') {
      // The loop goes round again: its next pass calls back, once (that is what is being proven).
      return [{ calls: 1, sync: false, exited: true, deferred: true }];
    }
    if (this.joins.starts.has(statement)) return [fallThrough];
    if (this.joins.waits.has(statement)) {
      // All items done, or the first item error (a `throw` that was `cb(err)`) leaves.
      return [{ ...fallThrough, awaited: true }, { calls: 1, sync: false, exited: true, awaited: true }];
    }
    if (this.joins.guards.has(statement)) {
      return unique([...this.list(asStatements(statement.consequent), nested === 'sync' ? 'loop' : nested), fallThrough]);
    }
    if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AwaitExpression' && !this.mentions(statement)) {
      return [{ ...fallThrough, awaited: true }];
    }
    if (this.loops.has(statement)) {
      return this.list(asStatements(statement.body), nested === 'sync' ? 'loop' : nested);
    }
    if (statement.type === 'ThrowStatement') {
      throw new ProtocolError('timing/throw-becomes-rejection', nested === 'async' ? 'throwInOperationCallback' : 'throwsSynchronously', undefined, statement);
    }
    if (!this.mentions(statement)) {
      if (statement.type === 'IfStatement' || statement.type === 'BlockStatement') return this.branches(statement, nested, tail);
      if (statement.type === 'ReturnStatement') {
        if (statement.argument && nested !== 'async') {
          throw new ProtocolError('timing/return-value-now-promise', 'returnsValue', undefined, statement);
        }
        return [{ ...fallThrough, exited: true }];
      }
      if (some(statement, (node) => node.type === 'ThrowStatement', { skipFunctions: true })) return this.statement({ type: 'ThrowStatement', loc: statement.loc }, nested);
      return containsReturn(statement) ? [fallThrough, { ...fallThrough, exited: true }] : [fallThrough];
    }
    switch (statement.type) {
      case 'ExpressionStatement':
        return this.callStatement(statement.expression, nested, false, tail);
      case 'ReturnStatement':
        return this.callStatement(statement.argument, nested, true, true);
      case 'IfStatement':
      case 'BlockStatement':
        return this.branches(statement, nested, tail);
      case 'TryStatement':
        if (this.mentions(statement.block) || (statement.finalizer && this.mentions(statement.finalizer))) {
          throw new ProtocolError('timing/multiple-callback-calls', 'calledInTry', { callback: this.cb }, statement);
        }
        return unique([...this.list(asStatements(statement.block), nested), ...this.list(asStatements(statement.handler.body), nested)]);
      default:
        throw new ProtocolError('timing/callback-stored-or-escaping', 'usedInStatement', { callback: this.cb, statement: describeStatement(statement.type) }, statement);
    }
  }

  private branches(statement: AnyNode, nested: Level, tail = false): PathOutcome[] {
    if (statement.type === 'BlockStatement') return this.list(statement.body, nested, tail);
    if (this.mentions(statement.test)) {
      throw new ProtocolError('timing/callback-stored-or-escaping', 'readInCondition', { callback: this.cb }, statement.test);
    }
    const consequent = this.list(asStatements(statement.consequent), nested, tail);
    const alternate = statement.alternate ? this.list(asStatements(statement.alternate), nested, tail) : [fallThrough];
    return unique([...consequent, ...alternate]);
  }

  /** `cb(…)`, `return cb(…)`, or an operation whose inline callback carries the story on. */
  private callStatement(expression: AnyNode, nested: Level, returns: boolean, tail = returns): PathOutcome[] {
    if (isCallOf(expression, this.cb)) {
      if (expression.arguments.some((argument: AnyNode) => this.mentions(argument))) {
        throw new ProtocolError('timing/callback-stored-or-escaping', 'passedToItself', { callback: this.cb }, expression);
      }
      return [{ calls: 1, sync: nested === 'sync', loopSync: nested === 'loop', exited: returns }];
    }
    const stepName: string | undefined = expression?.type === 'CallExpression' && expression.callee.type === 'Identifier' ? expression.callee.name : undefined;
    const step = stepName !== undefined ? this.steps.get(stepName) : undefined;
    if (step && !expression.arguments.some((argument: AnyNode) => this.mentions(argument))) {
      if (this.walking.includes(stepName!)) {
        // A step calling itself again (through steps): by induction it calls back once, as this
        // proof shows for the call being walked; later when from an operation's callback.
        return [{ calls: 1, sync: nested === 'sync', loopSync: nested === 'loop', exited: returns, deferred: nested === 'async' }];
      }
      // The step's body runs here, at this level; its own `return`s end the step, not this path.
      this.walking.push(stepName!);
      try {
        return this.list(step.body.body, nested).map((outcome) => ({ ...outcome, exited: returns }));
      } finally {
        this.walking.pop();
      }
    }
    const callback = expression?.type === 'CallExpression' ? inlineCallbackOf(expression) : undefined;
    const others = expression?.type === 'CallExpression' ? [expression.callee, ...expression.arguments.slice(0, -1)] : [expression];
    const last = expression?.type === 'CallExpression' ? expression.arguments[expression.arguments.length - 1] : undefined;
    if (isIdentifierNamed(last, this.cb) && !others.some((node: AnyNode) => this.mentions(node)) && this.isAsyncCall(expression)) {
      // Handing the callback on (`fs.readFile(p, cb)`): the operation calls it, once, later.
      return [{ calls: 1, sync: false, exited: returns, deferred: true }];
    }
    const assumed = isIdentifierNamed(last, this.cb) && !others.some((node: AnyNode) => this.mentions(node)) && tail ? this.handOnAssumed(expression) : false;
    if (typeof assumed === 'object') throw new ProtocolError(assumed.ruleId, assumed.messageId, assumed.data, expression);
    if (assumed) {
      // The path ends handing the callback to a callee nothing is known of: assumed to call it
      // once, later, as an unknown callee is (flagged at the call). `return op(…, cb)` in the
      // function itself returned what op returns: now a promise, so only an operation's callback may.
      if (returns && nested !== 'async') throw new ProtocolError('timing/return-value-now-promise', 'returnsValue', undefined, expression);
      return [{ calls: 1, sync: false, exited: returns, deferred: true }];
    }
    if (!callback || others.some((node: AnyNode) => this.mentions(node))) {
      if (isListenerRegistration(expression)) {
        throw new ProtocolError('timing/event-emitter-callback', 'registeredAsListener', { callback: this.cb, method: expression.callee.property.name }, expression);
      }
      if (isStreamCall(expression)) {
        throw new ProtocolError('timing/event-emitter-callback', 'handedToStream', { callback: this.cb }, expression);
      }
      throw new ProtocolError('timing/callback-stored-or-escaping', 'passedAway', { callback: this.cb }, expression ?? {});
    }
    if (isListenerRegistration(expression)) {
      throw new ProtocolError('timing/event-emitter-callback', 'calledFromListener', { callback: this.cb, method: expression.callee.property.name }, expression);
    }
    if (iterationMethods.has(memberCallName(expression) ?? '')) {
      throw new ProtocolError('timing/concurrency-changed', 'loopOfOperations', { callback: this.cb, method: memberCallName(expression) ?? '' }, expression);
    }
    if (!this.isAsyncCall(expression)) {
      throw new ProtocolError('timing/sync-callback-now-async', 'operationNotKnownAsync', undefined, expression);
    }
    const body = callback.body.type === 'BlockStatement' ? callback.body.body : [{ type: 'ExpressionStatement', expression: callback.body }];
    // The operation's callback runs later: its calls are asynchronous, and this level goes on.
    return this.list(body, 'async', true).map((outcome) => ({ calls: outcome.calls, sync: outcome.sync, exited: returns, deferred: true }));
  }
}

/**
 * Checks that `fn` calls its parameter `cb` exactly once on every path, never synchronously,
 * and never stores it or passes it where it cannot be followed. `isAsyncCall` says which
 * calls with an inline callback are operations known to call back asynchronously.
 */
export function checkCallbackProtocol(
  fn: AnyNode,
  cb: string,
  isAsyncCall: (call: AnyNode) => boolean,
  allowSync = false,
  loops: ReadonlySet<AnyNode> = new Set(),
  joins: JoinStatements = noJoins,
  steps: ReadonlyMap<string, AnyNode> = new Map(),
  handOnAssumed: (call: AnyNode) => boolean | HandOnRefusal = () => false,
): ProtocolResult {
  const walker = new ProtocolWalker(cb, isAsyncCall, loops, joins, steps, handOnAssumed);
  const body = fn.body.type === 'BlockStatement' ? fn.body.body : [{ type: 'ExpressionStatement', expression: fn.body }];
  let outcomes: PathOutcome[];
  try {
    outcomes = walker.list(body, 'sync', true);
  } catch (error) {
    if (error instanceof ProtocolError) return { ok: false, ruleId: error.ruleId, messageId: error.messageId, data: error.data, node: error.node?.loc ? error.node : fn };
    throw error;
  }
  if (outcomes.some((outcome) => outcome.calls === 0)) {
    return { ok: false, ruleId: 'timing/callback-maybe-not-called', messageId: 'maybeNeverCalled', data: { callback: cb }, node: fn };
  }
  if (outcomes.some((outcome) => outcome.calls > 1)) {
    return { ok: false, ruleId: 'timing/multiple-callback-calls', messageId: 'calledTwice', data: { callback: cb }, node: fn };
  }
  const syncPaths = outcomes.filter((outcome) => outcome.sync).length;
  const messageId = syncPaths === outcomes.length ? 'alwaysSync' : 'zalgo';
  const emptyLoop = outcomes.some((outcome) => outcome.loopSync)
    ? { messageId: 'emptyListSync', data: { callback: cb }, node: fn }
    : undefined;
  if (syncPaths === 0) return { ok: true, emptyLoop };
  if (allowSync) return { ok: true, allowedSync: { messageId: `${messageId}Allowed`, data: { callback: cb }, node: fn }, emptyLoop };
  return { ok: false, ruleId: 'timing/sync-callback-now-async', messageId, data: { callback: cb }, node: fn };
}
