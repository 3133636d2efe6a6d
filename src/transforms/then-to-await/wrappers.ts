import type { TransformContext } from '../transform';
import type { RewriteContext } from './rewrite';

export function convertWrappers(_ctx: TransformContext, _rewrite: RewriteContext): boolean {
  return false;
}
