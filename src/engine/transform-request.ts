import { readModuleFacts } from '../analysis/module-facts';
import type { ModuleFacts } from '../analysis/types';
import type { FileResult, TransformSourceOptions } from '../types';
import { transformSafely } from './transform-safely';

/**
 * One file's work in the per-file pass, as plain data in and out (a worker thread's message, or
 * a call in this thread): the file's text and options, all computed once in the main thread
 * (package facts, dependency summaries, the package model's cross-file options); the answer is
 * the file's result and, with `factsFile` (its path in its package), its facts for the package
 * model, read here so that the main thread need not parse the file again.
 */
export interface TransformRequest {
  id: number;
  text: string;
  options: TransformSourceOptions;
  factsFile?: string;
}

export interface TransformResponse {
  id: number;
  result: FileResult;
  facts?: ModuleFacts;
}

export function answer(request: TransformRequest): TransformResponse {
  const result = transformSafely(request.text, request.options);
  return { id: request.id, result, ...(request.factsFile !== undefined && { facts: readModuleFacts(request.text, request.factsFile) }) };
}
