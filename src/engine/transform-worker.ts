import { parentPort } from 'node:worker_threads';
import { answer, type TransformRequest } from './transform-request';

/**
 * The entry of a worker thread of `--jobs` (compiled: dist/src/engine/transform-worker.js).
 * It holds no state between files: each message is one file's request (transform-request.ts).
 */
parentPort?.on('message', (request: TransformRequest) => {
  parentPort!.postMessage(answer(request));
});
