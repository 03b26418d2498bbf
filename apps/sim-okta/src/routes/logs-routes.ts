/**
 * @module The System Log (reference §8): `since` (default 7 days before `until`), `until` (default now,
 * exclusive here), `after` (opaque `<published ms>_<position>`), `filter` (SCIM, any attribute and operator),
 * `q` (every keyword must appear), `limit` (default 100, capped at 1000) and `sortOrder`. A polling request
 * (no `until`, ASCENDING) always carries `rel="next"`, even on an empty page; a bounded one stops.
 */
import { queryOf, RESOURCE, readLimit } from '@switchboard/sim-kit';
import type { FastifyInstance } from 'fastify';
import type { LogEventRecord } from '../data/records.js';
import type { SimContext } from '../http/context.js';
import {
  type Expression,
  ExpressionError,
  matches,
  parseExpression,
  readPath,
} from '../query/scim-expression.js';
import { logView } from '../wire/log-view.js';
import { type OktaError, OktaErrors, sendOktaError } from '../wire/okta-errors.js';
import { setPageLinks } from '../wire/okta-links.js';
import { sendJson } from '../wire/send-json.js';

const PAGE = { defaultLimit: 100, maxLimit: 1000 };
const WEEK = 7 * 86_400_000;
const TIME_ATTRIBUTES = new Set(['published']);

function badDate(name: string): OktaError {
  const message = `'${name}': The date format in your query is not recognized. Please enter dates using ISO8601 string format.`;
  return OktaErrors.validation(message, [message, `'${name}' must be a valid date in ISO8601 format.`]);
}

function parseInstant(raw: string | undefined): number | undefined | 'invalid' {
  if (raw === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw)) return 'invalid';
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? 'invalid' : ms;
}

export function registerLogsRoutes(app: FastifyInstance, context: SimContext): void {
  app.get('/api/v1/logs', RESOURCE, async (request, reply) => {
    const query = queryOf(request);
    const until = parseInstant(query.get('until'));
    if (until === 'invalid') return sendOktaError(reply, badDate('until'));
    const since = parseInstant(query.get('since'));
    if (since === 'invalid') return sendOktaError(reply, badDate('since'));
    const sortOrder = query.get('sortOrder') ?? 'ASCENDING';
    if (sortOrder !== 'ASCENDING' && sortOrder !== 'DESCENDING') {
      return sendOktaError(
        reply,
        OktaErrors.validation('sortOrder', ['sortOrder: must be ASCENDING or DESCENDING']),
      );
    }
    const now = context.now();
    const end = until ?? now;
    const start = since ?? end - WEEK;
    if (start > end) return sendOktaError(reply, OktaErrors.validation("'since' must be before 'until'"));
    let filter: Expression | undefined;
    try {
      const raw = query.get('filter');
      filter = raw === undefined ? undefined : parseExpression(raw);
    } catch (error) {
      if (error instanceof ExpressionError) return sendOktaError(reply, OktaErrors.invalidSearch);
      throw error;
    }
    const keywords = (query.get('q') ?? '')
      .toLowerCase()
      .split(/\s+/)
      .filter((word) => word !== '');
    const after = query.get('after');
    const afterOrder = after === undefined ? undefined : Number(after.split('_')[1]);
    if (afterOrder !== undefined && !Number.isInteger(afterOrder)) {
      return sendOktaError(reply, OktaErrors.validation('after', ['after: Invalid cursor']));
    }
    const limit = readLimit(query.get('limit'), PAGE);
    const logs = context.state.data.logs;
    const keep = (event: LogEventRecord): boolean => {
      if (event.published < start || event.published >= end) return false;
      const view = logView(event);
      if (filter !== undefined) {
        const selected = matches(filter, {
          read: (attribute) => readPath(view, attribute),
          isTime: (attribute) => TIME_ATTRIBUTES.has(attribute),
          ignoreCase: false,
        });
        if (!selected) return false;
      }
      const text =
        `${event.eventType} ${event.displayMessage} ${event.actor.displayName} ${event.actor.alternateId} ${(event.target ?? []).map((t) => t.displayName).join(' ')}`.toLowerCase();
      return keywords.every((word) => text.includes(word));
    };
    const ascending = sortOrder === 'ASCENDING';
    const step = ascending ? 1 : -1;
    let index = afterOrder !== undefined ? afterOrder + step : ascending ? 0 : logs.length - 1;
    const page: LogEventRecord[] = [];
    let more = false;
    for (; index >= 0 && index < logs.length; index += step) {
      const event = logs[index] as LogEventRecord;
      if (!keep(event)) continue;
      if (page.length === limit) {
        more = true;
        break;
      }
      page.push(event);
    }
    const polling = until === undefined && ascending;
    const last = page.at(-1);
    const nextAfter = last !== undefined ? `${last.published}_${last.order}` : after;
    if (polling || more) {
      setPageLinks(request, reply, limit, nextAfter ?? `${start}_-1`, query);
    } else {
      setPageLinks(request, reply, limit, undefined, query);
    }
    return sendJson(reply, 200, page.map(logView));
  });
}
