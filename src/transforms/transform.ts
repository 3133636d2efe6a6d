import type { Collection, JSCodeshift } from 'jscodeshift';
import type { ConvertedApi, FindingInput, TransformInfo, TransformOptions } from '../types';

// The transforms' own contract. It names jscodeshift's types, which are a dev dependency,
// so it stays out of the published declarations that src/index.ts reaches.

/** What a transform gets for one file. */
export interface TransformContext {
  j: JSCodeshift;
  root: Collection;
  path: string;
  source: string;
  options: TransformOptions;
  report(finding: FindingInput): void;
  /**
   * Async functions that awaitify itself made in this file during this run, shared by all
   * transforms: their bodies run only what awaitify put there, so later conversions may add
   * awaits to them (see src/transforms/shared/async-placement.ts).
   */
  ownAsyncFunctions: WeakSet<object>;
  /** Where a transform lists the callback functions it made async (FileResult.convertedApis). */
  convertedApis: ConvertedApi[];
  /** Says that the code a transform wrote needs Node `major` or later (FileResult.nodeFloor). */
  requireNode(major: number, feature: string): void;
}

/**
 * A codemod: `run` edits `ctx.root` in place and returns true when it changed anything.
 * Like an ESLint rule, `meta` is data and `run` does the work.
 */
export interface Transform extends TransformInfo {
  run(ctx: TransformContext): boolean;
}
