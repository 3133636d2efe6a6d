// The library's public face. Its declarations must compile in a strict consumer with only this
// package installed: nothing here may reach a type of a dev dependency (jscodeshift's, ts-morph's).
import { getTransform as findTransform, transforms as allTransforms } from './transforms';
import type { TransformInfo } from './types';

export { transformSource } from './engine/transform-source';
export { listRules, getRule } from './timing/rules';
export type * from './types';
export type { JscodeshiftApi, JscodeshiftFileInfo, JscodeshiftOptions, JscodeshiftTransform } from './engine/jscodeshift-adapter';
export { run, RunOptionsError } from './engine/run';
export { runSource } from './engine/run-source';
export type { SourceRunOptions } from './engine/run-source';
export { writeResults } from './io/write-results';
export { formatChangedWithPrettier } from './io/format-with-prettier';
export { formatReport, reportFormats } from './report/format';
export type { FormatOptions, ReportFormat } from './report/format';

/** Every transform (id and description), in the order the engine applies them. */
export const transforms: readonly TransformInfo[] = allTransforms;

export function getTransform(id: string): TransformInfo | undefined {
  return findTransform(id);
}
