import type { FindingInput } from '../../types';
import { some, type AnyNode } from '../shared/ast';
import { ownThrows } from './callback-shape';
import { siteLabel, type Plan } from './plan';

export type Report = (finding: FindingInput) => void;

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


/** The findings of one call site's plan: its refusal, or what its conversion changes. */
export function reportPlan(report: Report, plan: Plan): void {
  if (plan.kind === 'ignore') return;
  if (plan.kind === 'skip') {
    report({ ruleId: plan.ruleId, message: plan.message, node: plan.site.call, applied: false });
    return;
  }
  const { site, shape } = plan;
  const label = siteLabel(site);
  report({
    ruleId: 'timing/callback-moved-to-microtask',
    message: `${label}: the callback body now runs as a promise job once the operation completes.`,
    node: site.call,
    applied: true,
  });
  for (const allowed of plan.allowed) report({ ...allowed, applied: true });
  const errorStyle = shape.errorStyle;
  const moved = errorStyle.kind === 'catch' ? [...errorStyle.handler, ...shape.success] : shape.success;
  if (errorStyle.kind === 'throw') {
    report({
      ruleId: 'timing/throw-becomes-rejection',
      message: `\`if (${errorStyle.test.name ?? 'err'}) throw\` was an uncaught exception; the error now rejects the async function instead.`,
      node: errorStyle.test,
      applied: true,
    });
  }
  for (const thrown of ownThrows(moved)) {
    if (!thrown.loc) continue;
    report({
      ruleId: 'timing/throw-becomes-rejection',
      message: 'This throw ran inside a callback (an uncaught exception); it now rejects the async function instead.',
      node: thrown,
      applied: true,
    });
  }
}

