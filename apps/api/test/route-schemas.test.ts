import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});

describe('route schemas', () => {
  // Validators and serializers compile on a route's first request, not at start-up (src/deferred-compile.ts): a
  // schema Ajv or fast-json-stringify refuses must still fail a test, not a customer's first call.
  it('every route validator and response serializer compiles', () => {
    expect(stack.app.compileRouteSchemas()).toBeGreaterThan(100);
    expect(stack.app.compileRouteSchemas()).toBe(0);
  });
});
