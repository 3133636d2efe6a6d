export { transformSource } from './engine/transform-source';
export { transforms, getTransform } from './transforms';
export { listRules, getRule } from './timing/rules';
export type * from './types';
export { run, RunOptionsError } from './engine/run';
export { writeResults } from './io/write-results';
export { formatChangedWithPrettier } from './io/format-with-prettier';
export { formatReport, reportFormats } from './report/format';
export type { FormatOptions, ReportFormat } from './report/format';
