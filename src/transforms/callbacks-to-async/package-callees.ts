import type { AnyNode } from '../shared/ast';
import type { MessageData, PackageCallee, TransformOptions } from '../../types';

/**
 * Calls of a function of another file of the package (cross-file mode): the engine hands the
 * package model's summary of each (TransformOptions.packageCallees), so such a call is judged by
 * what its callee does, not taken as an unknown callee.
 */

export type PackageCalleeVerdict =
  /** Called back once, later: converts through the local wrapper with nothing to flag. */
  | { kind: 'proven' }
  /** Converts, with this finding over the continuation (a synchronous call-back now waits a microtask). */
  | { kind: 'flag'; ruleId: string; messageId: string; data: MessageData }
  | { kind: 'refuse'; ruleId: string; messageId: string; data: MessageData }
  /** The summary proves nothing: the unknown-callee policy applies, as without the model. */
  | { kind: 'unknown' };

/** The package callee of `call`, matched by its position in the file as read. */
export function packageCalleeAt(options: Pick<TransformOptions, 'packageCallees'>, call: AnyNode): PackageCallee | undefined {
  const callees = options.packageCallees;
  if (!callees || callees.length === 0 || !call.loc) return undefined;
  const at = `${call.loc.start.line}:${call.loc.start.column + 1}`;
  return callees.find((callee) => callee.at === at);
}

export function judgePackageCallee(callee: PackageCallee, allow: readonly string[]): PackageCalleeVerdict {
  const data = { name: callee.name, definedIn: callee.definedIn };
  if (callee.calls === 'maybe-twice') return { kind: 'refuse', ruleId: 'timing/multiple-callback-calls', messageId: 'packageCalleeTwice', data };
  // One that may never call back is not refused: the awaited promise then never settles, and the
  // code after it never runs, as the callback body never ran. But nothing is proven: unknown.
  if (callee.calls !== 'once' || callee.timing === 'unknown' || callee.throws) return { kind: 'unknown' };
  if (callee.timing === 'deferred' && callee.viaMicrotask) {
    // Its callback ran in a tick or promise job; awaited, the continuation runs one promise job
    // after that, behind the ticks and promise jobs the code after the call queued meanwhile.
    const tickRule = 'timing/next-tick-ordering';
    return allow.includes(tickRule) ? { kind: 'flag', ruleId: tickRule, messageId: 'packageCalleeMicrotaskAllowed', data } : { kind: 'refuse', ruleId: tickRule, messageId: 'packageCalleeMicrotask', data };
  }
  if (callee.timing === 'deferred') return { kind: 'proven' };
  const ruleId = 'timing/sync-callback-now-async';
  return allow.includes(ruleId) ? { kind: 'flag', ruleId, messageId: 'packageCalleeSyncAllowed', data } : { kind: 'refuse', ruleId, messageId: 'packageCalleeSync', data };
}
