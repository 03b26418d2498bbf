/**
 * @module The names the engine binds when it evaluates an integration's expressions: `$record`, `$body`, …
 * (`run/`, `http/pagination/` and error mapping). A definition may not take one of them, because the binding
 * would win in the expressions that have it and the definition in the others.
 */
export const ENGINE_BINDINGS: ReadonlySet<string> = new Set([
  'record',
  'body',
  'headers',
  'query',
  'parent',
  'request',
  'connection',
  'now',
  'id',
  'status',
  'previous',
  'records',
  'page',
  'params',
  'current',
  'enriched',
  // `$secret(length)` in write bodies (mapping/secret-helper.ts).
  'secret',
]);
