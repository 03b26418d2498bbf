/**
 * @module Test support: a fresh HTTP runtime on a fake clock for each test, with nock closed to the network, and
 * everything undone after it. Call it at the top of a file or a `describe`; read `runtime` and `time` inside tests.
 */
import nock from 'nock';
import { afterEach, beforeEach } from 'vitest';
import { createHttpRuntime } from '../create-http-runtime.js';
import type { HttpRuntime } from '../http-runtime.js';
import { type FakeTime, fakeTime } from './fake-time.js';

export interface HttpRuntimeFixture {
  readonly runtime: HttpRuntime;
  readonly time: FakeTime;
}

export function useHttpRuntime(): HttpRuntimeFixture {
  let current: HttpRuntimeFixture | undefined;
  beforeEach(() => {
    nock.disableNetConnect();
    const time = fakeTime();
    current = { time, runtime: createHttpRuntime({ clock: time.clock, sleep: time.sleep }) };
  });
  afterEach(async () => {
    nock.cleanAll();
    nock.enableNetConnect();
    await current?.runtime.close();
    current = undefined;
  });
  const now = (): HttpRuntimeFixture => {
    if (current === undefined) throw new Error('useHttpRuntime: read runtime and time inside a test');
    return current;
  };
  return {
    get runtime() {
      return now().runtime;
    },
    get time() {
      return now().time;
    },
  };
}
