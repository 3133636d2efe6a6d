export { transformSource } from './engine/transform-source';
export { transforms, getTransform } from './transforms';
export { listRules, getRule } from './timing/rules';
export type * from './types';
