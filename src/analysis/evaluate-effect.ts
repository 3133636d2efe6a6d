import { protocolOf, type PackageCallbackView } from './callee-protocols';
import { finishPath, followPath, markUnknown, runInside, samePaths, startPath, uniquePaths } from './paths';
import type { Callee, CallbackPath, Effect, Ref } from './types';

/**
 * Evaluates a function's Effect tree against what is known of its callees: the set of paths
 * its callback can take. Pure: the same tree and callee summaries give the same paths.
 */

export interface EvaluationInput {
  resolve: (ref: Ref) => Callee;
  packageFunction: (id: string) => PackageCallbackView | undefined;
  /** While a local function is solved: the paths found so far for it. */
  locals?: Readonly<Record<string, CallbackPath[]>>;
}

const maxLocalRounds = 8;

export interface Evaluation {
  paths: CallbackPath[];
  unknownBecause: string[];
}

interface Flow {
  /** Paths still running after the effect. */
  normal: CallbackPath[];
  /** Paths that returned or threw inside it. */
  exits: CallbackPath[];
}

/** Loops are unrolled until their paths stop changing; counts saturate at 2, so a few rounds do. */
const maxLoopRounds = 4;

export function evaluateEffect(effect: Effect, input: EvaluationInput): Evaluation {
  const reasons = new Set<string>();
  const flow = run(effect, [startPath], input, reasons);
  return { paths: uniquePaths([...flow.normal, ...flow.exits].map(finishPath)), unknownBecause: [...reasons].sort() };
}

function run(effect: Effect, states: CallbackPath[], input: EvaluationInput, reasons: Set<string>): Flow {
  if (states.length === 0) return { normal: [], exits: [] };
  switch (effect.k) {
    case 'seq': {
      let normal = states;
      const exits: CallbackPath[] = [];
      for (const item of effect.items) {
        const flow = run(item, normal, input, reasons);
        normal = flow.normal;
        exits.push(...flow.exits);
      }
      return { normal, exits: uniquePaths(exits) };
    }
    case 'branch': {
      const flows = effect.options.map((option) => run(option, states, input, reasons));
      return { normal: uniquePaths(flows.flatMap((f) => f.normal)), exits: uniquePaths(flows.flatMap((f) => f.exits)) };
    }
    case 'loop': {
      let all = states;
      let current = states;
      const exits: CallbackPath[] = [];
      for (let round = 0; round < maxLoopRounds && current.length > 0; round++) {
        const flow = run(effect.body, current, input, reasons);
        exits.push(...flow.exits);
        const grown = uniquePaths([...all, ...flow.normal]);
        if (grown.length === all.length) break;
        current = flow.normal;
        all = grown;
      }
      return { normal: all, exits: uniquePaths(exits) };
    }
    case 'await':
      return { normal: uniquePaths(states.map((path) => ({ ...path, suspended: true }))), exits: [] };
    case 'exit':
      return { normal: [], exits: effect.how === 'throw' ? states.map((path) => ({ ...path, throws: true })) : states };
    case 'try':
      return runTry(effect, states, input, reasons);
    case 'call':
      return { normal: uniquePaths(states.map((path) => followPath(path, { calls: 1, sync: true, via: [] }))), exits: [] };
    case 'stored':
      reasons.add(`stored in ${effect.where} (line ${effect.line})`);
      return { normal: uniquePaths(states.map(markUnknown)), exits: [] };
    case 'local': {
      // The local function's own paths, from its entry; a call of itself inside takes the paths
      // found so far, starting from none, until they stop changing (the lattice is finite).
      let paths: CallbackPath[] = [];
      for (let round = 0; round < maxLocalRounds; round++) {
        const inner = run(effect.body, [startPath], { ...input, locals: { ...input.locals, [effect.name]: paths } }, reasons);
        const found = uniquePaths([...inner.normal, ...inner.exits].map(({ throws: _ignored, ...path }) => finishPath(path)));
        if (samePaths(found, paths)) break;
        paths = found;
      }
      return { normal: uniquePaths(states.flatMap((path) => paths.map((next) => followPath(path, next)))), exits: [] };
    }
    case 'recursive': {
      const paths = input.locals?.[effect.name];
      if (!paths) {
        reasons.add(`the local function ${effect.name} calls itself (line ${effect.line})`);
        return { normal: uniquePaths(states.map(markUnknown)), exits: [] };
      }
      return { normal: uniquePaths(states.flatMap((path) => paths.map((next) => followPath(path, next)))), exits: [] };
    }
    case 'handoff':
    case 'nested': {
      const resolved = input.resolve(effect.callee);
      const callee = resolved.kind === 'unresolved' ? { ...resolved, text: effect.text } : resolved; // as written, for the reason
      const protocol = protocolOf(callee, effect.index, effect.last, input.packageFunction);
      if ('unknown' in protocol) {
        reasons.add(`${protocol.unknown} (line ${effect.line})`);
        return { normal: uniquePaths(states.map(markUnknown)), exits: [] };
      }
      let added = protocol.paths;
      if (effect.k === 'nested') {
        const inner = run(effect.body, [startPath], input, reasons);
        const innerPaths = uniquePaths([...inner.normal, ...inner.exits].map(({ throws: _ignored, ...path }) => finishPath(path)));
        added = uniquePaths(protocol.paths.flatMap((outer) => innerPaths.map((path) => runInside(outer, path))));
      }
      return { normal: uniquePaths(states.flatMap((path) => added.map((next) => followPath(path, next)))), exits: [] };
    }
  }
}

function runTry(effect: Extract<Effect, { k: 'try' }>, states: CallbackPath[], input: EvaluationInput, reasons: Set<string>): Flow {
  const block = run(effect.block, states, input, reasons);
  let normal = block.normal;
  let exits = block.exits;
  if (effect.handler) {
    // The handler may start from any point of the block: before it, after it, or where it threw.
    const thrown = block.exits.filter((path) => path.throws).map(({ throws: _ignored, ...path }) => path);
    const handler = run(effect.handler, uniquePaths([...states, ...block.normal, ...thrown]), input, reasons);
    normal = uniquePaths([...normal, ...handler.normal]);
    exits = uniquePaths([...block.exits.filter((path) => !path.throws), ...handler.exits]);
  }
  if (effect.finalizer) {
    const afterNormal = run(effect.finalizer, normal, input, reasons);
    const returned = run(effect.finalizer, exits.filter((path) => !path.throws), input, reasons);
    const threw = run(effect.finalizer, exits.filter((path) => path.throws).map(({ throws: _ignored, ...path }) => path), input, reasons);
    normal = afterNormal.normal;
    exits = uniquePaths([...afterNormal.exits, ...returned.normal, ...returned.exits, ...threw.normal.map((path) => ({ ...path, throws: true })), ...threw.exits]);
  }
  return { normal, exits };
}
