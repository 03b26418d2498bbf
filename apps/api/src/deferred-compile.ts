/**
 * @module Route schemas compiled on first use instead of when the app becomes ready. Fastify compiles every
 * route's request validators (Ajv) and response serializers (fast-json-stringify) at `ready()` — every status code
 * of every route, and again for the HEAD twin of every GET: about a second of CPU before the API can answer
 * `/health`, mostly for routes a given process may never serve. Deferred, each costs its compile once, on the first
 * request that needs it; the compiled function is the one Fastify would have built, so what is accepted, refused
 * and written is unchanged. `compileAll()` compiles whatever is still pending: tests call it so that a schema Ajv or
 * fast-json-stringify refuses still fails the build, not a request.
 */
import { createRequire } from 'node:module';
import type { SerializerFactory } from '@fastify/fast-json-stringify-compiler';
import type { ValidateFunction } from 'ajv';

type Serializer = ReturnType<ReturnType<SerializerFactory>>;

// fast-json-stringify (CommonJS, with Ajv under it) is required by the first compile, not loaded at start-up.
const require = createRequire(import.meta.url);
function fastJsonStringify(): SerializerFactory {
  const compiler =
    require('@fastify/fast-json-stringify-compiler') as typeof import('@fastify/fast-json-stringify-compiler');
  return compiler.SerializerSelector();
}

export class DeferredCompiles {
  readonly #pending = new Set<() => unknown>();

  /** Fastify's own serializer factory (`@fastify/fast-json-stringify-compiler`), each compile deferred. */
  serializerFactory(): SerializerFactory {
    // A compiler per route: Fastify's drops from its (shared) options the external schema a route's response
    // schema is, which would make what a later compile can `$ref` depend on the order of first requests.
    return (externalSchemas, options) => (route) =>
      this.#serializer(() => fastJsonStringify()(externalSchemas, options)(route));
  }

  /** An Ajv validator compiled on its first call. */
  validator(compile: () => ValidateFunction): ValidateFunction {
    const load = this.#defer(compile);
    const validate = ((data: unknown, context?: Parameters<ValidateFunction>[1]) => {
      const real = load();
      const valid = real(data, context);
      validate.errors = real.errors ?? null;
      return valid;
    }) as ValidateFunction;
    // Fastify passes the parent object (so Ajv can coerce or default a root value) only to a function that has
    // Ajv's `schemaEnv`; it reads it right before the call, so reading it compiles.
    Object.defineProperty(validate, 'schemaEnv', { get: () => load().schemaEnv });
    return validate;
  }

  /** Compiles every schema not compiled yet; returns how many were. Throws what a compile throws. */
  compileAll(): number {
    const pending = [...this.#pending];
    for (const load of pending) load();
    return pending.length;
  }

  #serializer(compile: () => Serializer): Serializer {
    const load = this.#defer(compile);
    return (data: unknown) => load()(data);
  }

  /** `compile` run once, on the first call of what this returns (a compile that throws is tried again). */
  #defer<T>(compile: () => T): () => T {
    let compiled: { value: T } | undefined;
    const load = (): T => {
      if (compiled === undefined) {
        compiled = { value: compile() };
        this.#pending.delete(load);
      }
      return compiled.value;
    };
    this.#pending.add(load);
    return load;
  }
}
