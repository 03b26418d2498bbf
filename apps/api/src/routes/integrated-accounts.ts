/**
 * @module Integrated accounts: link (fields checked, then credentials verified live), list, read, rotate
 * credentials, delete (revoking the upstream token), and capabilities. Secrets never leave: responses carry the
 * non-secret connection fields only.
 */
import type { Engine } from '@switchboard/engine';
import { isSwitchboardError } from '@switchboard/errors';
import type { IntegratedAccount, Store } from '@switchboard/store';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { accountContext, loadAccount } from '../account-access.js';
import { accountGateOf } from '../account-gate.js';
import { NotFound } from '../errors.js';
import type { Caller } from '../request-context.js';
import { callerOf } from '../request-context.js';
import type { RouteDeps } from '../route-deps.js';
import { errors, IdParam, listEnvelope, VERIFY_ERRORS } from '../schemas/common.js';
import { IntegratedAccount as AccountSchema, Connection } from '../schemas/components.js';
import { storePage } from '../store-page.js';
import { verifyCredentials } from '../verify-credentials.js';

const accountRef = { $ref: `${AccountSchema.$id}#` };
const connectionRef = { $ref: `${Connection.$id}#` };
const idParams = { type: 'object', required: ['id'], properties: { id: IdParam } } as const;

interface CreateBody {
  integration: string;
  tenant_id: string;
  connection: Record<string, string>;
}

interface ListQuery {
  limit: number;
  next_cursor?: string;
  integration?: string;
  tenant_id?: string;
}

export async function integratedAccountRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { engine, store } = deps;

  app.post<{ Body: CreateBody }>(
    '/integrated-accounts',
    {
      schema: {
        tags: ['integrated accounts'],
        summary: 'Link an account: fields are checked, then the credentials are verified with the upstream',
        body: {
          type: 'object',
          required: ['integration', 'tenant_id', 'connection'],
          additionalProperties: false,
          properties: {
            integration: { type: 'string', minLength: 1, maxLength: 100 },
            tenant_id: {
              type: 'string',
              minLength: 1,
              maxLength: 256,
              description: 'Your identifier of the customer who owns the account.',
            },
            connection: connectionRef,
          },
        },
        response: { 201: accountRef, ...errors(...VERIFY_ERRORS) },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { integration: name, tenant_id, connection: given } = request.body;
      const integration = engine.integration(name);
      const connection = engine.checkConnection(name, given);
      await verifyCredentials(engine, name, connection);
      const account = await store.accounts.create(caller.environmentId, {
        integration: name,
        tenantId: tenant_id,
        connection,
        secretFields: [...integration.secretFields],
      });
      return reply.code(201).send(account);
    },
  );

  app.get<{ Querystring: ListQuery }>(
    '/integrated-accounts',
    {
      schema: {
        tags: ['integrated accounts'],
        summary: 'List integrated accounts',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
            next_cursor: { type: 'string', minLength: 1, maxLength: 2048 },
            integration: { type: 'string', minLength: 1, maxLength: 100 },
            tenant_id: { type: 'string', minLength: 1, maxLength: 256 },
          },
        },
        response: {
          200: listEnvelope(accountRef, 'A page of accounts, oldest first.'),
          ...errors('SB_ERR_CURSOR_INVALID'),
        },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { limit, next_cursor, integration, tenant_id } = request.query;
      const filters = {
        ...(integration === undefined ? {} : { integration }),
        ...(tenant_id === undefined ? {} : { tenantId: tenant_id }),
      };
      return storePage({
        key: deps.cursorKey,
        list: 'integrated-accounts',
        environmentId: caller.environmentId,
        limit,
        cursor: next_cursor,
        filters: [integration ?? null, tenant_id ?? null],
        read: (page) => store.accounts.list(caller.environmentId, { ...page, ...filters }),
      });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/integrated-accounts/:id',
    {
      schema: {
        tags: ['integrated accounts'],
        summary: 'Read an integrated account',
        params: idParams,
        response: { 200: accountRef, ...errors('SB_ERR_NOT_FOUND') },
      },
    },
    async (request) => {
      const account = await store.accounts.get(callerOf(request).environmentId, request.params.id);
      if (account === undefined) throw new NotFound('integrated account');
      return account;
    },
  );

  app.patch<{ Params: { id: string }; Body: { connection: Record<string, string> } }>(
    '/integrated-accounts/:id',
    {
      schema: {
        tags: ['integrated accounts'],
        summary: 'Rotate credentials: the given fields replace the stored ones, then are verified again',
        params: idParams,
        body: {
          type: 'object',
          required: ['connection'],
          additionalProperties: false,
          properties: { connection: connectionRef },
        },
        response: { 200: accountRef, ...errors('SB_ERR_NOT_FOUND', ...VERIFY_ERRORS) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const given = request.body.connection;
      const current = await loadForChange(store, caller, request.params.id, (account) =>
        // Complete new secrets need none of the old ones: the account can be re-linked after a key change.
        [...engine.integration(account.integration).secretFields].every(
          (field) => given[field] !== undefined,
        ),
      );
      const integration = engine.integration(current.integration);
      const merged = { ...current.connection, ...(current.secrets ?? {}), ...given };
      const connection = engine.checkConnection(current.integration, merged);
      await verifyCredentials(engine, current.integration, connection, current.id);
      // After the calls in flight (one may be fetching a token for the old credentials), before any new one.
      return accountGateOf(store).write(current.id, async () => {
        const updated = await store.accounts.updateConnection(caller.environmentId, current.id, connection, [
          ...integration.secretFields,
        ]);
        if (updated === undefined) throw new NotFound('integrated account');
        // Tokens of the old credentials must not outlive them, in the store or upstream.
        await revokeTokens(engine, store, current, request.log);
        return updated;
      });
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/integrated-accounts/:id',
    {
      schema: {
        tags: ['integrated accounts'],
        summary: 'Delete an integrated account (revokes its upstream token where the integration says how)',
        params: idParams,
        response: { 204: { type: 'null', description: 'Deleted.' }, ...errors('SB_ERR_NOT_FOUND') },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      // Deleting never needs the credentials: an account sealed with a lost key can still be removed.
      const account = await loadForChange(store, caller, request.params.id, () => true);
      // After the calls in flight, so the token revoked is the last one any of them obtained; calls arriving
      // meanwhile wait and then find no account.
      await accountGateOf(store).write(account.id, async () => {
        await revokeTokens(engine, store, account, request.log);
        // The store decides the one winner among concurrent deletes (the others answer 404).
        if (!(await store.accounts.delete(caller.environmentId, account.id))) {
          throw new NotFound('integrated account');
        }
      });
      return reply.code(204).send();
    },
  );

  app.get<{ Params: { id: string } }>(
    '/integrated-accounts/:id/capabilities',
    {
      schema: {
        tags: ['integrated accounts'],
        summary: 'Which unified resources, methods, filters and expandable fields this account supports',
        params: idParams,
        response: {
          200: {
            type: 'object',
            required: ['integrated_account_id', 'integration', 'unified_models', 'proxy_resources'],
            properties: {
              integrated_account_id: { type: 'string' },
              integration: { type: 'string' },
              unified_models: {
                type: 'object',
                description: 'By model, then resource: `{ methods, filters, expand }`.',
                additionalProperties: {
                  type: 'object',
                  additionalProperties: {
                    type: 'object',
                    required: ['methods', 'filters', 'expand'],
                    properties: {
                      methods: { type: 'array', items: { type: 'string' } },
                      filters: { type: 'array', items: { type: 'string' } },
                      expand: {
                        type: 'array',
                        items: { type: 'string' },
                        description: 'Fields `expand=` can ask for: each costs extra upstream calls.',
                      },
                    },
                  },
                },
              },
              proxy_resources: {
                type: 'object',
                description:
                  'Proxy resources and the methods each declares (list, get, create, update, delete).',
                additionalProperties: { type: 'array', items: { type: 'string' } },
              },
            },
          },
          ...errors('SB_ERR_NOT_FOUND'),
        },
      },
    },
    async (request) => {
      const account = await store.accounts.get(callerOf(request).environmentId, request.params.id);
      if (account === undefined) throw new NotFound('integrated account');
      return capabilitiesOf(engine, account);
    },
  );
}

function capabilitiesOf(engine: Engine, account: IntegratedAccount) {
  const resources = engine.integration(account.integration).definition.resources;
  const proxy_resources: Record<string, string[]> = {};
  for (const [name, resource] of Object.entries(resources)) {
    // A static resource (records in the file) answers list and get.
    proxy_resources[name] =
      resource.static !== undefined
        ? ['list', 'get']
        : Object.keys(resource).filter((key) => key !== 'description' && key !== 'key');
  }
  return {
    integrated_account_id: account.id,
    integration: account.integration,
    unified_models: engine.capabilities(account.integration),
    proxy_resources,
  };
}

/** Drops cached tokens of an account. The key format is the engine's (`<integration>:<account id>`). */
async function forgetTokens(store: Store, integration: string, accountId: string): Promise<void> {
  await store.tokens.delete(`${integration}:${accountId}`).catch(() => undefined);
}

/** An account about to change; `secrets` is undefined when no configured key opens them. */
type ChangingAccount = IntegratedAccount & { secrets?: Readonly<Record<string, string>> | undefined };

/**
 * The account with its secrets, or — when no configured key opens them and `canDoWithout(account)` — without:
 * a key change must not make an account impossible to delete or re-link.
 */
async function loadForChange(
  store: Store,
  caller: Caller,
  id: string,
  canDoWithout: (account: IntegratedAccount) => boolean,
): Promise<ChangingAccount> {
  try {
    return await loadAccount(store, caller, id);
  } catch (error) {
    if (!isSwitchboardError(error, 'SB_ERR_STORE_DECRYPT_FAILED')) throw error;
    const account = await store.accounts.get(caller.environmentId, id);
    if (account === undefined) throw new NotFound('integrated account');
    if (!canDoWithout(account)) throw error;
    return account;
  }
}

/**
 * Revokes the account's token upstream where the integration says how, and forgets it in every case. Without
 * readable credentials the token cannot be revoked (revocation authenticates with them): it is only forgotten.
 */
async function revokeTokens(
  engine: Engine,
  store: Store,
  account: ChangingAccount,
  log: FastifyBaseLogger,
): Promise<void> {
  try {
    if (account.secrets !== undefined) {
      await engine.revoke(account.integration, accountContext({ ...account, secrets: account.secrets }));
    }
  } catch (error) {
    // A failed revoke is the upstream's problem to expire; the token is forgotten either way.
    log.warn({ err: error, integrated_account_id: account.id }, 'token revocation failed');
  }
  await forgetTokens(store, account.integration, account.id);
}
