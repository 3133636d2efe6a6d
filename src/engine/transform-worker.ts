import { parentPort } from 'node:worker_threads';
import type { FileResult, TransformSourceOptions } from '../types';
import { transformSafely } from './transform-safely';

/**
 * The entry of a worker thread of `--jobs` (compiled: dist/src/engine/transform-worker.js).
 * It holds no state between files: each message is a file's text and its options, all plain
 * data computed once in the main thread (package facts, dependency summaries, the package
 * model's cross-file options); the answer is the file's result.
 */
export interface TransformRequest {
  id: number;
  text: string;
  options: TransformSourceOptions;
}

export interface TransformResponse {
  id: number;
  result: FileResult;
}

parentPort?.on('message', (request: TransformRequest) => {
  const response: TransformResponse = { id: request.id, result: transformSafely(request.text, request.options) };
  parentPort!.postMessage(response);
});
