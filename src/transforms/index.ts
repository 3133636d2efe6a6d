import type { Transform } from './transform';
import { callbacksToAsync } from './callbacks-to-async';
import { thenToAwait } from './then-to-await';
import { timersToAsync } from './timers-to-async';

/** Every transform, in the order the engine applies them. */
export const transforms: readonly Transform[] = [callbacksToAsync, thenToAwait, timersToAsync];

export function getTransform(id: string): Transform | undefined {
  return transforms.find((transform) => transform.meta.id === id);
}

/** The transforms for the given ids (all when none given); unknown ids are an error. */
export function selectTransforms(ids?: string[]): Transform[] {
  if (!ids || ids.length === 0) return [...transforms];
  return ids.map((id) => {
    const transform = getTransform(id);
    if (!transform) {
      const known = transforms.map((t) => t.meta.id).join(', ');
      throw new Error(`Unknown transform "${id}" (known: ${known})`);
    }
    return transform;
  });
}
