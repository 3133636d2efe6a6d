import type { JSCodeshift } from 'jscodeshift';
import type { FindingInput } from '../../../types';
import { findAll, referencesName, type AnyNode } from '../../shared/ast';
import type { ModuleBinding } from '../../shared/module-bindings';
import { takeArgumentShift } from './optional-args';
import { describeWithoutCallback, takeGuardedCalls, withoutCallbackOf, type WithoutCallback } from './optional-callback';
import { wrapperOf } from './callback-wrappers';
import { takeTryAroundCalls } from './try-around-call';
import { inlineNamedCallbacks } from './named-callbacks';
import { inlineNamedTimers } from './named-timers';
import { blockArrowCalls } from './arrow-bodies';
import { flattenStepperParams } from './stepper-params';
import { printLiteral } from './shapes';
import { unrollSelfRetry } from './self-retry';
import { takeCalledGuards } from './called-guards';
import { takeCallbackAlias } from './callback-alias';

/**
 * The idioms callback-era code is written in, read out of a trial copy before the proof
 * (callback-protocol.ts) walks it: what each one meant is either kept (a parameter default,
 * the dual wrapper's prologue) or reported as a public change. See README.md "Idioms".
 */
export interface CallbackIdioms {
  /** Statements the dual wrapper runs before the async body: the original argument shifting. */
  prologue: AnyNode[];
  /** Arguments of a call that passes a callback, when fewer than all parameters (an optional argument). */
  arity?: number;
  /** Synchronous calls were deferred already (dezalgo): not a timing change of the conversion. */
  callsDeferred: boolean;
  /** The callback was optional: calls without it now get the promise. */
  optionalCallback: boolean;
  /** Findings to report once the function converts. */
  findings: FindingInput[];
  /** Module-level names whose calls were taken out (`once`, `assert`): their require may go if nothing else uses them. */
  namesDropped: Set<string>;
}

/** Reads the idioms out of `copy` (a trial copy of the function `name`, with a block body), in place. */
export function readCallbackIdioms(j: JSCodeshift, copy: AnyNode, cb: string, name: string, program: AnyNode, bindings: readonly ModuleBinding[], taken: Set<string>): CallbackIdioms {
  const idioms: CallbackIdioms = { prologue: [], callsDeferred: false, optionalCallback: false, findings: [], namesDropped: new Set() };
  const shift = takeArgumentShift(j, copy, cb);
  if (shift) {
    idioms.prologue.push(...shift.replay);
    idioms.arity = shift.arity;
    if (!shift.exact) {
      idioms.findings.push({ ruleId: 'timing/return-value-now-promise', messageId: 'optionalArgumentDefault', data: { name, param: shift.param, value: printLiteral(shift.value) }, node: shift.node, applied: true });
    }
  }
  takeCallbackAlias(j, copy, cb);
  const withoutCallback = new Set<WithoutCallback>();
  // The function's first statements, up to the first other use of the callback: defaults, checks, wrappers.
  const body: AnyNode[] = copy.body.body;
  for (let i = 0; i < body.length; i++) {
    const kind = withoutCallbackOf(body[i], cb, program, bindings);
    const wrapper = kind ? undefined : wrapperOf(body[i], cb, bindings);
    if (kind) withoutCallback.add(kind);
    if (wrapper === 'dezalgo') idioms.callsDeferred = true;
    if (kind || wrapper) {
      for (const name of calleeNames(body[i])) idioms.namesDropped.add(name);
      body.splice(i--, 1);
    }
    else if (referencesName(body[i], cb)) break;
  }
  takeGuardedCalls(copy, cb, withoutCallback);
  if (withoutCallback.size > 0) {
    idioms.optionalCallback = true;
    idioms.findings.push({ ruleId: 'timing/return-value-now-promise', messageId: 'noCallbackNowPromise', data: { name, callback: cb, before: describeWithoutCallback(withoutCallback) }, node: copy, applied: true });
  }
  takeCalledGuards(copy);
  inlineNamedCallbacks(j, copy);
  inlineNamedTimers(j, copy);
  unrollSelfRetry(j, copy, taken);
  flattenStepperParams(j, copy);
  blockArrowCalls(j, copy, cb);
  for (const statement of takeTryAroundCalls(copy, cb)) {
    idioms.findings.push({ ruleId: 'timing/multiple-callback-calls', messageId: 'tryAroundCallbackCall', data: { callback: cb }, node: statement, applied: true });
  }
  return idioms;
}

/** Calls in this file of a function whose callback was optional, made without it: they now start a promise nobody awaits. */
export function reportCallsWithoutCallback(report: (finding: FindingInput) => void, name: string, calls: AnyNode[]): void {
  for (const call of calls) {
    report({ ruleId: 'timing/return-value-now-promise', messageId: 'noCallbackCallNowPromise', data: { name }, node: call, applied: true });
  }
}

/** The names a statement calls (`assert` in `assert.equal(…)`, `once` in `cb = once(cb)`). */
function calleeNames(statement: AnyNode): string[] {
  const calls = findAll(statement, (node) => node.type === 'CallExpression' || node.type === 'NewExpression');
  return calls.map((call) => (call.callee.type === 'Identifier' ? call.callee.name : call.callee.object?.name)).filter((name): name is string => typeof name === 'string');
}
