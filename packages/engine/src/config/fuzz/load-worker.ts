/**
 * @module Drives `load-worker.mjs` from a test: one case at a time, each raced against a time limit; a worker
 * that exceeds it is terminated and replaced.
 */
import { Worker } from 'node:worker_threads';
import type { ConfigIssue } from '../compiled-integration.js';

export type Outcome =
  | { kind: 'valid'; name: string }
  | { kind: 'invalid'; issues: ConfigIssue[] }
  | { kind: 'crash'; message: string }
  | { kind: 'timeout' };

const SCRIPT = new URL('./load-worker.mjs', import.meta.url);

export class LoadWorker {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private nextId = 0;

  /** Starts the worker (tsx and the Ajv compile take a while; not counted against any case). */
  start(): Promise<void> {
    const worker = new Worker(SCRIPT);
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', () => resolve());
    });
    return this.ready;
  }

  async load(text: string, timeoutMs: number): Promise<Outcome> {
    if (!this.worker) await this.start();
    await this.ready;
    const worker = this.worker as Worker;
    const id = this.nextId++;
    let timer: NodeJS.Timeout | undefined;
    let cleanUp = () => {};
    const answer = new Promise<Outcome>((resolve) => {
      const onMessage = (message: Outcome & { id: number }) => {
        if (message.id !== id) return;
        const { id: _id, ...outcome } = message;
        resolve(outcome as Outcome);
      };
      const onError = (error: Error) => resolve({ kind: 'crash', message: String(error.stack ?? error) });
      worker.on('message', onMessage);
      worker.on('error', onError);
      cleanUp = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
    });
    const timeout = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs);
    });
    worker.postMessage({ id, text });
    const outcome = await Promise.race([answer, timeout]);
    clearTimeout(timer);
    cleanUp();
    if (outcome.kind === 'timeout' || outcome.kind === 'crash') {
      // A stuck or broken worker is replaced so the remaining cases still run.
      await this.stop();
    }
    return outcome;
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    await worker?.terminate();
  }
}
