import type { Transform, TransformContext } from '../../types';
import { collectIdentifierNames, type AnyNode } from '../shared/ast';
import { detectModuleStyle, findModuleBindings, type ModuleBinding } from '../shared/module-bindings';
import { ownThrows } from './callback-shape';
import { findCallSites, type CallSite } from './detect';
import { planCallSite, type Plan, type RewritePlan } from './plan';
import { PromiseBindings, removeUnusedBindings } from './promise-bindings';
import { usesSemicolons } from '../shared/async-placement';
import { applyRewrite } from './rewrite';

const id = 'callbacks-to-async';

function reportPlan(ctx: TransformContext, plan: Plan): void {
  if (plan.kind === 'skip') {
    ctx.report({ ruleId: plan.ruleId, message: plan.message, node: plan.site.call, applied: false });
    return;
  }
  const { site, shape } = plan;
  ctx.report({
    ruleId: 'timing/callback-moved-to-microtask',
    message: `${site.module}.${site.name}: the callback body now runs as a promise job once the operation completes.`,
    node: site.call,
    applied: true,
  });
  for (const allowed of plan.allowed) ctx.report({ ...allowed, applied: true });
  const errorStyle = shape.errorStyle;
  const moved = errorStyle.kind === 'catch' ? [...errorStyle.handler, ...shape.success] : shape.success;
  if (errorStyle.kind === 'throw') {
    ctx.report({
      ruleId: 'timing/throw-becomes-rejection',
      message: `\`if (${errorStyle.test.name ?? 'err'}) throw\` was an uncaught exception; the error now rejects the async function instead.`,
      node: errorStyle.test,
      applied: true,
    });
  }
  for (const thrown of ownThrows(moved)) {
    ctx.report({
      ruleId: 'timing/throw-becomes-rejection',
      message: 'This throw ran inside a callback (an uncaught exception); it now rejects the async function instead.',
      node: thrown,
      applied: true,
    });
  }
}

function run(ctx: TransformContext): boolean {
  const { j, root } = ctx;
  const program: AnyNode = root.get().value.program;
  const bindings = findModuleBindings(program);
  const takenNames = collectIdentifierNames(program);
  const promiseBindings = new PromiseBindings(j, program, detectModuleStyle(program, ctx.path), takenNames, ctx.options.minNodeMajor);
  const ownAsyncFunctions = ctx.ownAsyncFunctions;
  const visited = new WeakSet<AnyNode>();
  const touched = new Set<ModuleBinding>();
  let changed = false;

  const rewriteContext = {
    j,
    takenNames,
    ownAsyncFunctions,
    usesSemicolons: usesSemicolons(ctx.source),
    typescript: /\.(ts|tsx|mts|cts)$/.test(ctx.path),
    calleeFor: (plan: RewritePlan) => promiseBindings.calleeFor(plan.api, plan.site.binding),
  };

  // Outermost first; after each rewrite the tree has moved, so look again.
  for (;;) {
    const sites: CallSite[] = findCallSites(j, root, bindings).filter((site) => !visited.has(site.call));
    let rewrote = false;
    for (const site of sites) {
      visited.add(site.call);
      const plan = planCallSite(site, { ownAsyncFunctions, minNodeMajor: ctx.options.minNodeMajor, allow: ctx.options.allow });
      reportPlan(ctx, plan);
      if (plan.kind === 'skip') continue;
      applyRewrite(plan, rewriteContext);
      touched.add(site.binding);
      changed = rewrote = true;
      break;
    }
    if (!rewrote) break;
  }

  if (changed) {
    promiseBindings.flush();
    removeUnusedBindings(program, [...touched]);
  }
  return changed;
}

export const callbacksToAsync: Transform = {
  meta: {
    id,
    description: 'Node core callback calls (fs, child_process, dns, zlib, crypto) to awaits of their promise APIs, order kept',
  },
  run,
};
