/**
 * @module Shared pieces of v1 handlers: the id parameter ("ID is incorrect" when not an integer), the
 * JSON body ("Input JSON is not valid"), and keyset-paginated list responses.
 */

import type { PageSizeRule } from '@switchboard/sim-kit';
import { bodyOf, isPlainObject, originOf, pathOf, type QueryMap, queryOf } from '@switchboard/sim-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SimContext } from '../http/context.js';
import { keysetPage, readKeysetRequest, v1Pagination } from '../pagination/v1-keyset.js';
import { idParam } from '../wire/path-id.js';
import { sendError, sendJson } from '../wire/send.js';
import { V1Messages, v1Data } from '../wire/v1-envelope.js';

/** v1 lists: "up to 50" per page; the maximum is unconfirmed, 1000 is what event collectors send. */
export const V1_PAGE: PageSizeRule = { defaultLimit: 50, maxLimit: 1000 };

/** The id path parameter, or `undefined` after answering 400 "ID is incorrect". */
export function v1Id(request: FastifyRequest, reply: FastifyReply, name = 'id'): number | undefined {
  const id = idParam(request.params, name);
  if (id === undefined) sendError(reply, 'v1', 400, V1Messages.idIncorrect);
  return id;
}

/** A JSON object body (an empty body counts as `{}`), or `undefined` after answering 400. */
export function v1Body(request: FastifyRequest, reply: FastifyReply): Record<string, unknown> | undefined {
  const body = bodyOf(request);
  if (body.kind === 'none') return {};
  if (body.kind === 'json' && isPlainObject(body.value)) return body.value;
  sendError(reply, 'v1', 400, V1Messages.invalidJson);
  return undefined;
}

export function v1NotFound(reply: FastifyReply, noun: string, id: number): FastifyReply {
  return sendError(reply, 'v1', 404, `${noun} for id ${id} was not found`);
}

export interface V1ListSource<T extends { readonly id: number }> {
  readonly items: readonly T[];
  readonly match: ((item: T) => boolean) | null;
  readonly range?: { from: number; to: number };
  readonly render: (item: T) => unknown;
}

/** Answers a keyset-paginated v1 list (`after_cursor`/`before_cursor`, `limit`, `sort=±id`, `fields`). */
export function sendV1List<T extends { readonly id: number }>(
  context: SimContext,
  request: FastifyRequest,
  reply: FastifyReply,
  source: V1ListSource<T>,
  query: QueryMap = queryOf(request),
): FastifyReply {
  const keyset = readKeysetRequest(query, V1_PAGE);
  if (keyset === undefined) return sendError(reply, 'v1', 400, 'Invalid cursor or sort');
  const page = keysetPage(source.items, source.match, keyset, source.range);
  const pagination = v1Pagination(page, context.state.accountId, {
    origin: originOf(request),
    path: pathOf(request),
    query,
  });
  return sendJson(reply, 'v1', 200, v1Data(page.data.map(source.render), pagination));
}
