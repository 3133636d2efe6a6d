import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ModuleFacts } from '../analysis/types';
import type { FileResult, TransformSourceOptions } from '../types';
import { answer, type TransformRequest, type TransformResponse } from './transform-request';

/**
 * Transforms files on `jobs` worker threads (`--jobs`), or in this thread when jobs is 1.
 * Workers start on the first file given to them, so a run whose files all come from the cache
 * starts none. Results come back as promises; the caller keeps its own order, so the report
 * does not depend on which worker finished first.
 */
export interface TransformPool {
  transform(text: string, options: TransformSourceOptions): Promise<FileResult>;
  /** transform, and the file's facts for the package model read from its path in its package (`factsFile`). */
  transformWithFacts(text: string, options: TransformSourceOptions, factsFile: string | undefined): Promise<{ result: FileResult; facts?: ModuleFacts }>;
  /** Ends the workers; the pool must not be used after. */
  close(): Promise<void>;
  /** How many workers were started (0: everything ran in this thread). */
  readonly started: number;
}

/**
 * A worker costs a start (loading the engine, a few hundred milliseconds) and its own heap: it
 * is worth it only with a few files to do, so a run of few files uses fewer workers than --jobs.
 */
export const minFilesPerWorker = 4;

/**
 * A worker's young generation, smaller than V8's default: measured on bench:real's tree with
 * --jobs 2, 8 MB took 40 MB off the peak for 2% more CPU (4 MB cost 15% more).
 */
const workerYoungGenerationMb = 8;

export function workersFor(jobs: number, files: number): number {
  return Math.max(1, Math.min(jobs, Math.floor(files / minFilesPerWorker)));
}

/** The compiled worker entry: absent when running from the TypeScript sources (tests), then files run in this thread. */
const workerEntry = path.join(__dirname, 'transform-worker.js');

export function createTransformPool(jobs: number): TransformPool {
  if (jobs <= 1 || !existsSync(workerEntry)) return inlinePool();
  return new WorkerPool(jobs);
}

function inlinePool(): TransformPool {
  return {
    transform: async (text, options) => answer({ id: 0, text, options }).result,
    transformWithFacts: async (text, options, factsFile) => answer({ id: 0, text, options, factsFile }),
    close: async () => undefined,
    started: 0,
  };
}

interface Pending {
  request: TransformRequest;
  resolve(response: TransformResponse): void;
  reject(error: Error): void;
}

class WorkerPool implements TransformPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private nextId = 0;

  constructor(private readonly jobs: number) {}

  get started(): number {
    return this.all.length;
  }

  async transform(text: string, options: TransformSourceOptions): Promise<FileResult> {
    return (await this.transformWithFacts(text, options, undefined)).result;
  }

  transformWithFacts(text: string, options: TransformSourceOptions, factsFile: string | undefined): Promise<TransformResponse> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, text, options, ...(factsFile !== undefined && { factsFile }) }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.all.length < this.jobs ? this.spawn() : undefined);
      if (!worker) return;
      const pending = this.queue.shift()!;
      this.running.set(worker, pending);
      worker.postMessage(pending.request);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(workerEntry, { resourceLimits: { maxYoungGenerationSizeMb: workerYoungGenerationMb } });
    this.all.push(worker);
    worker.on('message', (response: TransformResponse) => {
      const pending = this.running.get(worker);
      this.running.delete(worker);
      this.idle.push(worker);
      if (pending && pending.request.id === response.id) pending.resolve(response);
      this.dispatch();
    });
    // A worker that dies (out of memory, a crash outside transformSafely) fails the file it held and the run.
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => {
      if (this.running.has(worker)) this.fail(worker, new Error(`worker thread exited with code ${code}`));
    });
    return worker;
  }

  private fail(worker: Worker, error: Error): void {
    const pending = this.running.get(worker);
    this.running.delete(worker);
    pending?.reject(error);
    for (const waiting of this.queue.splice(0)) waiting.reject(error);
  }
}
