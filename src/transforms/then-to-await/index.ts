import type { ASTPath } from 'jscodeshift';
import type { Transform, TransformContext } from '../transform';
import { collectIdentifierNames, type AnyNode } from '../shared/ast';
import { cloneNode } from '../shared/clone';
import { findChains, findPromiseSources, readChain, type Chain } from './detect';
import { findDeclaredFunctions, readLinks, type HandlerProblem } from './handlers';
import { planChain, type ChainPlan } from './plan';
import { countAwaits, emitChain, type RewriteContext } from './rewrite';
import { convertWrappers } from './wrappers';

const id = 'then-to-await';

function isSkipped(ctx: TransformContext, node: AnyNode): boolean {
  const line = node.loc?.start.line;
  return line !== undefined && !!ctx.options.skipLines?.has(line);
}

function reportRefusal(ctx: TransformContext, refusal: HandlerProblem): void {
  ctx.report({ ruleId: refusal.ruleId, messageId: refusal.messageId, data: refusal.data, node: refusal.node, applied: false });
}

function functionName(fn: AnyNode, path: ASTPath<AnyNode>): string {
  if (fn.id?.name) return fn.id.name;
  if (fn.key?.name) return fn.key.name;
  const parent = path.parent?.value;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  return 'the function';
}

function reportConversion(ctx: TransformContext, plan: ChainPlan, ticksAfter: number): void {
  const node = plan.chain.outer;
  ctx.report({ ruleId: 'timing/chain-to-await', messageId: 'chainAwaited', data: { links: plan.links.length }, node, applied: true });
  if (plan.makeAsync) {
    const name = functionName(plan.fnPath!.value, plan.fnPath!);
    ctx.report({ ruleId: 'timing/throw-becomes-rejection', messageId: 'chainFunctionNowAsync', data: { name }, node: plan.fnPath!.value, applied: true });
  }
  if (!plan.receiverKnown) ctx.report({ ruleId: 'timing/promise-receiver-unknown', messageId: 'receiverUnknown', node, applied: true });
  if (ticksAfter !== plan.ticksBefore) {
    const difference = ticksAfter - plan.ticksBefore;
    ctx.report({
      ruleId: 'timing/microtask-ticks-changed',
      messageId: difference < 0 ? 'fewerTicks' : 'moreTicks',
      data: { before: plan.ticksBefore, after: ticksAfter, count: Math.abs(difference) },
      node,
      applied: true,
    });
  }
}

/** Puts `statements` where `path`'s statement was: spliced into its list, or as a block. */
function replaceStatement(j: AnyNode, path: ASTPath<AnyNode>, statements: AnyNode[]): void {
  const parent = path.parent.value;
  const list: AnyNode[] | undefined = Array.isArray(parent.body) ? parent.body : parent.type === 'SwitchCase' ? parent.consequent : undefined;
  const comments = path.value.comments;
  if (comments && statements[0]) statements[0].comments = [...comments, ...(statements[0].comments ?? [])];
  if (list && list.includes(path.value)) {
    list.splice(list.indexOf(path.value), 1, ...statements);
    // A bare `return;` left last in a function body says nothing.
    const last = list[list.length - 1];
    if (list === parent.body && isFunctionBody(path.parent) && last?.type === 'ReturnStatement' && !last.argument && !last.comments) list.pop();
    return;
  }
  path.replace(statements.length === 1 ? statements[0] : j.blockStatement(statements));
}

function isFunctionBody(blockPath: ASTPath<AnyNode>): boolean {
  const owner = blockPath.parent?.value;
  return blockPath.value.type === 'BlockStatement' && !!owner && /Function|Method/.test(owner.type) && owner.body === blockPath.value;
}

/**
 * The awaits the rewrite would put on the success path, counted on a copy of the chain (the
 * rewrite moves and edits handler bodies), so that a refusal can still leave the code as it was.
 */
function countTicksAfter(plan: ChainPlan, rewrite: RewriteContext, functions: Set<string>): number {
  const copy = cloneNode(plan.chain.outer);
  const { links } = readChain(copy);
  const read = readLinks(links, functions);
  if ('ruleId' in read) return plan.ticksBefore;
  const trial = emitChain({ j: rewrite.j, takenNames: new Set(rewrite.takenNames) }, { ...plan, links: read, chain: { ...plan.chain, base: readChain(copy).base } });
  return countAwaits(trial);
}

/** A convert-and-flag rule that applies and is not allowed (`--strict`): the refusal, else undefined. */
function refuseNotAllowed(ctx: TransformContext, plan: ChainPlan, ticksAfter: number): HandlerProblem | undefined {
  const allowed = (ruleId: string) => ctx.options.allow.includes(ruleId);
  const node = plan.chain.outer;
  if (!plan.receiverKnown && !allowed('timing/promise-receiver-unknown')) return { ruleId: 'timing/promise-receiver-unknown', messageId: 'receiverUnknownRefused', node };
  if (ticksAfter !== plan.ticksBefore && !allowed('timing/microtask-ticks-changed')) {
    return { ruleId: 'timing/microtask-ticks-changed', messageId: 'ticksChangedRefused', data: { before: plan.ticksBefore, after: ticksAfter }, node };
  }
  return undefined;
}

function applyPlan(ctx: TransformContext, plan: ChainPlan, rewrite: RewriteContext): void {
  const { j } = ctx;
  const statements = emitChain(rewrite, plan);
  const { sink } = plan;
  if (sink.kind === 'return' && sink.arrowBody) {
    const arrow = sink.statementPath.value;
    const only = statements.length === 1 && statements[0].type === 'ReturnStatement' && statements[0].argument ? statements[0].argument : undefined;
    arrow.body = only ?? j.blockStatement(statements);
  } else {
    replaceStatement(j, sink.statementPath, statements);
  }
  if (plan.makeAsync) plan.fnPath!.value.async = true;
}

/** The chains of the file as it is now (fresh paths: a rewrite moves handler bodies). */
function currentChains(ctx: TransformContext): Chain[] {
  return findChains(ctx.j, ctx.j(ctx.root.get().value));
}

function run(ctx: TransformContext): boolean {
  const { j, root } = ctx;
  const program: AnyNode = root.get().value.program;
  const rewrite: RewriteContext = { j, takenNames: collectIdentifierNames(program) };
  let changed = convertWrappers(ctx, rewrite);
  const visited = new WeakSet<AnyNode>();
  // What is read from the file as it is now; a refusal changes nothing, so it is read again only after a rewrite.
  let chains: Chain[] | undefined;
  let read: { functions: Set<string>; sources: ReturnType<typeof findPromiseSources> } | undefined;
  // Outermost first; after each rewrite the chains are found again, since inner chains moved.
  for (;;) {
    chains ??= currentChains(ctx);
    const next = chains.find((chain) => !visited.has(chain.outer));
    if (!next) break;
    visited.add(next.outer);
    read ??= { functions: findDeclaredFunctions(program), sources: findPromiseSources(program) };
    const { functions, sources } = read;
    const plan = planChain(next, sources, program, functions);
    if (plan.kind === 'skip') {
      // A chain with no place in the source was written by an earlier transform of this run
      // (`closeAsync(fd).catch(() => {})`): it was never the user's to convert.
      if (next.outer.loc) reportRefusal(ctx, plan.problem);
      continue;
    }
    const ticksAfter = countTicksAfter(plan.plan, rewrite, functions);
    const notAllowed = refuseNotAllowed(ctx, plan.plan, ticksAfter);
    if (notAllowed) {
      reportRefusal(ctx, notAllowed);
      continue;
    }
    if (isSkipped(ctx, next.outer)) {
      ctx.report({ ruleId: 'timing/ignored-by-comment', messageId: 'chainIgnored', node: next.outer, applied: false });
      continue;
    }
    applyPlan(ctx, plan.plan, rewrite);
    chains = read = undefined;
    reportConversion(ctx, plan.plan, ticksAfter);
    changed = true;
  }
  return changed;
}

export const thenToAwait: Transform = {
  meta: {
    id,
    description: 'Promise chains that are returned or awaited (.then/.catch/.finally) become awaits, each handler keeping the errors it saw; new Promise wrappers of Node callbacks and util.promisify(fs.x) become the promise API',
  },
  run,
};
