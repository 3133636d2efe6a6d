import type { FindingInput, MessageRef } from '../../types';
import { some, type AnyNode } from '../shared/ast';
import { ownThrows } from './callback-shape';
import { siteLabel, type Plan } from './plan';
import type { CallSite } from './detect';
import type { PromisableApi } from './node-api-table';

export type Report = (finding: FindingInput) => void;

/** Why a function or call is left as it is: a rule and one of its messages. */
export type Refusal = { ruleId: string; node: AnyNode } & MessageRef;

/**
 * The refusal of an `async` package call whose task did not convert: `asyncTaskRefused`
 * around the task's own reason, whose id is `data.reasonId` (the engine fills `{{reason}}`).
 */
export function wrapAsyncTaskRefusal(asyncMethod: string, failure: Refusal): MessageRef {
  // The loop test is the call's own reason, not a task's.
  if (failure.messageId === 'asyncV2Test') return { messageId: failure.messageId, data: failure.data };
  return { messageId: 'asyncTaskRefused', data: { ...failure.data, asyncMethod, reasonId: failure.messageId } };
}

/** The `throw` in `if (test) throw …` for a test node, to match findings reported at the test. */
export function findThrowOfTest(root: AnyNode, test: AnyNode): AnyNode | undefined {
  let found: AnyNode | undefined;
  walkStatements(root, (node) => {
    if (node.type === 'IfStatement' && node.test === test) {
      const consequent = node.consequent.type === 'BlockStatement' ? node.consequent.body[0] : node.consequent;
      found = consequent;
    }
  });
  return found;
}

function walkStatements(root: AnyNode, visit: (node: AnyNode) => void): void {
  some(root, (node) => {
    visit(node);
    return false;
  });
}


/** The operation's callback body now runs as a promise job: said with where the callee is known from. */
export function movedToMicrotask(site: CallSite, api: PromisableApi): FindingInput {
  const label = siteLabel(site);
  const known = api.known;
  return {
    ruleId: 'timing/callback-moved-to-microtask',
    ...(known
      ? { messageId: known.source === 'table' ? 'knownPackageCallback' : 'sourceSummaryCallback', data: { api: label, entry: known.label } }
      : { messageId: 'operationCallback', data: { api: label } }),
    node: site.call,
    applied: true,
  };
}

/** The findings of one call site's plan: its refusal, or what its conversion changes. */
export function reportPlan(report: Report, plan: Plan): void {
  if (plan.kind === 'ignore') return;
  if (plan.kind === 'skip') {
    report({ ruleId: plan.ruleId, messageId: plan.messageId, data: plan.data, node: plan.site.call, applied: false });
    return;
  }
  const { site, shape } = plan;
  report(movedToMicrotask(site, plan.api));
  for (const allowed of plan.allowed) report({ ...allowed, applied: true });
  const errorStyle = shape.errorStyle;
  const moved = errorStyle.kind === 'catch' ? [...errorStyle.handler, ...shape.success] : shape.success;
  if (errorStyle.kind === 'throw') {
    report({
      ruleId: 'timing/throw-becomes-rejection',
      messageId: 'errorThrown',
      data: { error: errorStyle.test.name ?? 'err' },
      node: errorStyle.test,
      applied: true,
    });
  }
  for (const thrown of ownThrows(moved)) {
    if (!thrown.loc) continue;
    report({
      ruleId: 'timing/throw-becomes-rejection',
      messageId: 'throwInCallback',
      node: thrown,
      applied: true,
    });
  }
}

