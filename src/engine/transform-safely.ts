import type { FileResult, TransformSourceOptions } from '../types';
import { transformSource } from './transform-source';

/** transformSource, but a bug in a transform is an error result against the file: the run goes on. */
export function transformSafely(text: string, sourceOptions: TransformSourceOptions): FileResult {
  try {
    return transformSource(text, sourceOptions);
  } catch (error) {
    const message = `${sourceOptions.path}: internal error in a transform, file left as it was (${(error as Error).stack ?? error})`;
    return { path: sourceOptions.path ?? '', status: 'error', source: text, findings: [], error: { message } };
  }
}
