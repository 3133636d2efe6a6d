import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ModuleFacts } from '../analysis/types';
import type { FileResult, TransformSourceOptions } from '../types';
import { answer, type TransformRequest, type TransformResponse } from './transform-request';

/**
 * Transforms files on `jobs` threads: this one and `jobs - 1` worker threads (`--jobs`), or in
 * this thread alone when jobs is 1. Workers start on the first file given to them, so a run whose
 * files all come from the cache starts none. Results come back as promises; the caller keeps its
 * own order, so the report does not depend on which thread finished first.
 */
export interface TransformPool {
  transform(text: string, options: TransformSourceOptions): Promise<FileResult>;
  /** transform, and the file's facts for the package model read from its path in its package (`factsFile`). */
  transformWithFacts(text: string, options: TransformSourceOptions, factsFile: string | undefined): Promise<{ result: FileResult; facts?: ModuleFacts }>;
  /** Ends the workers; the pool must not be used after. */
  close(): Promise<void>;
  /** How many workers were started (0: everything ran in this thread). */
  readonly started: number;
  /** How many files this thread transformed itself. */
  readonly ranHere: number;
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
  let runs = 0;
  return {
    transform: async (text, options) => (runs++, answer({ id: 0, text, options }).result),
    transformWithFacts: async (text, options, factsFile) => (runs++, answer({ id: 0, text, options, factsFile })),
    close: async () => undefined,
    started: 0,
    get ranHere() {
      return runs;
    },
  };
}

interface Pending {
  request: TransformRequest;
  resolve(response: TransformResponse): void;
  reject(error: Error): void;
}

/**
 * How many files a worker holds at once: the one it works on and the next, so that it need not
 * wait for this thread to hand it one while this thread is busy with a file of its own.
 */
const workerDepth = 2;

/**
 * This thread is one of the `jobs`: a worker costs a start (loading the engine) and its own
 * compiler warm-up and heap, which this thread has already paid for. It takes a file when every
 * worker holds `workerDepth` of them, and works on it in a macrotask of its own.
 */
class WorkerPool implements TransformPool {
  private readonly all: Worker[] = [];
  private readonly queue: Pending[] = [];
  /** The files each worker holds, in the order it answers them (it works through its messages one by one). */
  private readonly held = new Map<Worker, Pending[]>();
  private inlineBusy = false;
  ranHere = 0;
  private closed = false;
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
    this.closed = true;
    await Promise.all(this.all.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.freeWorker();
      if (worker) {
        const pending = this.queue.shift()!;
        this.held.get(worker)!.push(pending);
        worker.postMessage(pending.request);
        continue;
      }
      if (!this.inlineBusy) {
        this.inlineBusy = true;
        const pending = this.queue.shift()!;
        setImmediate(() => this.runInline(pending));
      }
      return;
    }
  }

  /** The worker holding the fewest files, below workerDepth; a new one while fewer than jobs - 1 run. */
  private freeWorker(): Worker | undefined {
    let best: Worker | undefined;
    for (const worker of this.all) {
      const count = this.held.get(worker)!.length;
      if (count < workerDepth && (best === undefined || count < this.held.get(best)!.length)) best = worker;
    }
    if (best && this.held.get(best)!.length === 0) return best;
    if (this.all.length < this.jobs - 1) return this.spawn();
    return best;
  }

  private runInline(pending: Pending): void {
    this.ranHere++;
    try {
      pending.resolve(answer(pending.request));
    } catch (error) {
      pending.reject(error as Error);
    }
    this.inlineBusy = false;
    if (!this.closed) this.dispatch();
  }

  private spawn(): Worker {
    const worker = new Worker(workerEntry, { resourceLimits: { maxYoungGenerationSizeMb: workerYoungGenerationMb } });
    this.all.push(worker);
    this.held.set(worker, []);
    worker.on('message', (response: TransformResponse) => {
      const pending = this.held.get(worker)!.shift();
      if (pending && pending.request.id === response.id) pending.resolve(response);
      this.dispatch();
    });
    // A worker that dies (out of memory, a crash outside transformSafely) fails the files it held and the run.
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => {
      if (this.held.get(worker)!.length > 0) this.fail(worker, new Error(`worker thread exited with code ${code}`));
    });
    return worker;
  }

  private fail(worker: Worker, error: Error): void {
    for (const pending of this.held.get(worker)!.splice(0)) pending.reject(error);
    for (const waiting of this.queue.splice(0)) waiting.reject(error);
  }
}
