/**
 * @module `rate_limit:` and `retry:` — proactive budgets and reactive retries.
 */
import { type Static, Type } from '@sinclair/typebox';
import { Closed, Duration, HttpMethod, StringEnum } from './primitives.js';

export const ResetFormat = StringEnum(['delta_seconds', 'epoch_seconds', 'epoch_ms', 'http_date'], {
  description:
    'How the reset header is written: seconds left, a Unix time in seconds or ms, or an HTTP date.',
});
export type ResetFormat = Static<typeof ResetFormat>;

const Policy = Type.Object(
  {
    match: Type.Optional(
      Type.Object(
        {
          method: Type.Optional(HttpMethod),
          path: Type.Optional(
            Type.String({ description: 'A regular expression tested against the request path.' }),
          ),
        },
        { ...Closed, description: 'Which requests this budget counts; all when absent.' },
      ),
    ),
    limit: Type.Integer({ minimum: 1, description: 'Calls allowed per window.' }),
    per: Duration,
  },
  { ...Closed, description: 'A budget per integrated account (token bucket).' },
);

export const RateLimit = Type.Object(
  {
    policies: Type.Optional(Type.Array(Policy, { minItems: 1 })),
    headers: Type.Optional(
      Type.Object(
        {
          limit: Type.Optional(Type.String()),
          remaining: Type.String(),
          reset: Type.String(),
          reset_format: ResetFormat,
        },
        { ...Closed, description: 'Response headers that correct the budget.' },
      ),
    ),
    concurrency: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Upstream requests in flight per account.' }),
    ),
  },
  { ...Closed, description: 'The upstream rate limit, enforced before sending.' },
);
export type RateLimit = Static<typeof RateLimit>;

export const Retry = Type.Object(
  {
    max_attempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 4 })),
    on_status: Type.Optional(
      Type.Array(Type.String({ pattern: '^([1-5][0-9][0-9]|[1-5]XX)$' }), {
        description: 'Statuses or classes to retry, e.g. `429`, `5XX`.',
      }),
    ),
    on_network_error: Type.Optional(
      Type.Boolean({ description: 'Retry resets, timeouts and DNS failures.' }),
    ),
    backoff: Type.Optional(
      Type.Object(
        {
          initial: Type.Optional(Duration),
          max: Type.Optional(Duration),
          factor: Type.Optional(Type.Number({ minimum: 1 })),
          jitter: Type.Optional(StringEnum(['full', 'none'])),
        },
        { ...Closed, description: 'Exponential backoff.' },
      ),
    ),
    wait_from: Type.Optional(
      Type.Array(
        Type.Object(
          {
            header: Type.String({ minLength: 1 }),
            format: StringEnum(['auto', 'delta_seconds', 'epoch_seconds', 'epoch_ms', 'http_date']),
          },
          { ...Closed, description: 'A header telling how long to wait (`auto`: seconds or HTTP date).' },
        ),
      ),
    ),
    max_wait: Type.Optional(Duration),
  },
  {
    ...Closed,
    description: 'Reactive retries. Non-idempotent requests are never retried after an ambiguous failure.',
  },
);
export type Retry = Static<typeof Retry>;

export const Timeouts = Type.Object(
  {
    connect: Type.Optional(Duration),
    headers: Type.Optional(Duration),
    body: Type.Optional(Duration),
  },
  { ...Closed, description: 'Per-request timeouts.' },
);
export type Timeouts = Static<typeof Timeouts>;
