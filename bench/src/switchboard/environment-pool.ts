/**
 * @module Hands out one environment at a time. Asking for another simulator size closes the current one first (so
 * one size's API memory never shows in another's); asking for the same size again reuses it — the proxy stage runs
 * against the largest unified-list environment instead of booting a fourth API process.
 */
import { type BenchEnvironment, startEnvironment } from './bench-environment.js';

export class EnvironmentPool {
  #current: BenchEnvironment | undefined;
  readonly #apiLogLevel: string;
  readonly #apiCpuProfDir: string | undefined;

  constructor(apiLogLevel: string, apiCpuProfDir?: string) {
    this.#apiLogLevel = apiLogLevel;
    this.#apiCpuProfDir = apiCpuProfDir;
  }

  /** An environment whose simulator holds `users` users (`fresh`: never one that has served before). */
  async acquire(users: number, fresh = false): Promise<BenchEnvironment> {
    if (this.#current !== undefined && this.#current.users === users && !fresh) return this.#current;
    await this.close();
    this.#current = await startEnvironment({
      users,
      apiLogLevel: this.#apiLogLevel,
      apiCpuProfDir: this.#apiCpuProfDir,
    });
    return this.#current;
  }

  async close(): Promise<void> {
    const current = this.#current;
    this.#current = undefined;
    await current?.close();
  }
}
