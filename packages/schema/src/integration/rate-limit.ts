/**
 * @module `rate_limit:` and `retry:` — proactive budgets and reactive retries.
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../typebox.js';
import { Closed, Duration, HttpMethod, StringEnum } from './primitives.js';

export const ResetFormat = StringEnum(['delta_seconds', 'epoch_seconds', 'epoch_ms', 'http_date'], {
  description:
    'How the reset header is written: seconds left, a Unix time in seconds or ms, or an HTTP date.',
});
export type ResetFormat = Static<typeof ResetFormat>;

const RequestMatch = Type.Object(
  {
    method: Type.Optional(HttpMethod),
    methods: Type.Optional(
      Type.Array(HttpMethod, {
        minItems: 1,
        uniqueItems: true,
        description: 'Any of these methods, e.g. `[POST, PUT, DELETE]` (instead of `method`).',
      }),
    ),
    path: Type.Optional(
      Type.String({ description: 'A regular expression tested against the request path.' }),
    ),
  },
  { ...Closed, description: 'Which requests are meant; all when absent.' },
);

const Cost = Type.Integer({ minimum: 1, maximum: 1000, description: 'Units one call takes.' });

const Policy = Type.Object(
  {
    match: Type.Optional(RequestMatch),
    limit: Type.Integer({
      minimum: 1,
      description: 'Units (calls, unless `cost` says otherwise) per window.',
    }),
    per: Duration,
    cost: Type.Optional(
      Type.Union(
        [
          Cost,
          Type.Array(
            Type.Object(
              { match: RequestMatch, cost: Cost },
              { ...Closed, description: 'The cost of the calls this matches.' },
            ),
            { minItems: 1 },
          ),
        ],
        {
          description:
            'Units each matching call takes from this budget (default 1): a number, or a list whose first matching entry wins (1 when none matches).',
        },
      ),
    ),
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
    /** Deadline of one call, its retries and waits included (default 40s); past it: SB_ERR_HTTP_TIMEOUT (504). */
    total: Type.Optional(Duration),
  },
  { ...Closed, description: 'Per-request timeouts, and `total`: the deadline of a call with its retries.' },
);
export type Timeouts = Static<typeof Timeouts>;
