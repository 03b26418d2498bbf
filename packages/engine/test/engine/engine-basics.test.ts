import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/run/create-engine.js';
import { account, acmeIntegration, useAcme } from '../support/acme-engine.js';
import { ACME_CONNECTION } from '../support/acme-upstream.js';

const acme = useAcme();

describe('engine', () => {
  it('lists its integrations and refuses unknown ones', async () => {
    expect(acme.engine.integrations().map((i) => i.name)).toEqual(['acme']);
    expect(() => acme.engine.integration('nope')).toThrow(
      expect.objectContaining({ code: 'SB_ERR_RUN_UNKNOWN_INTEGRATION' }),
    );
    await expect(
      acme.engine.list({
        integration: 'nope',
        account: account(),
        model: 'user-directory',
        resource: 'users',
      }),
    ).rejects.toMatchObject({ code: 'SB_ERR_RUN_UNKNOWN_INTEGRATION' });
  });

  it('requires a cursor secret of at least 32 bytes', async () => {
    expect(() => createEngine({ integrations: [], cursorSecret: 'short' })).toThrow(
      expect.objectContaining({ code: 'SB_ERR_RUN_INVALID_INPUT' }),
    );
  });

  it('describes its capabilities per model and resource', () => {
    expect(acme.engine.capabilities('acme')).toEqual({
      'user-directory': {
        users: {
          methods: ['list', 'get', 'create', 'update', 'delete'],
          filters: ['email', 'status', 'updated_at[gte]'],
          expand: ['teams', 'manager'],
        },
        groups: { methods: ['list'], filters: [], expand: [] },
        roles: { methods: ['list', 'get'], filters: [], expand: [] },
        role_assignments: { methods: ['list', 'delete'], filters: ['user_id', 'role_id'], expand: [] },
        activities: {
          methods: ['list'],
          filters: ['action', 'user_id', 'created_at[gte]', 'created_at[lt]'],
          expand: [],
        },
      },
    });
  });

  it('answers UnsupportedOperation for a resource the integration does not map', async () => {
    await expect(
      acme.engine.list({
        integration: 'acme',
        account: account(),
        model: 'user-directory',
        resource: 'devices',
      }),
    ).rejects.toMatchObject({ code: 'SB_ERR_RUN_UNSUPPORTED_OPERATION' });
  });

  it('verifies credentials through the upstream', async () => {
    await acme.engine.verify('acme', account());
    expect(acme.upstream.calls('/v1/me')).toHaveLength(1);
  });
});

describe('checkConnection', () => {
  it('accepts declared fields, optional ones included', async () => {
    expect(acme.engine.checkConnection('acme', { ...ACME_CONNECTION, region: 'eu' })).toEqual({
      ...ACME_CONNECTION,
      region: 'eu',
    });
    expect(acme.engine.checkConnection('acme', ACME_CONNECTION)).toEqual(ACME_CONNECTION);
  });

  it('lists every problem at once without echoing values', async () => {
    const failure = (() => {
      try {
        acme.engine.checkConnection('acme', { tenant: 'Not Valid!', client_secret: 42, extra: 'x' });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(failure).toMatchObject({
      code: 'SB_ERR_RUN_INVALID_INPUT',
      details: {
        problems: [
          { field: 'extra', message: 'is not a field of this integration' },
          { field: 'tenant', message: expect.stringContaining('expected format') },
          { field: 'client_id', message: 'is required' },
          { field: 'client_secret', message: 'must be a string' },
        ],
      },
    });
    expect((failure as Error).message).not.toContain('Not Valid!');
  });

  it.each([
    ['CR/LF', 'id\r\nx-injected: 1'],
    ['NUL', 'id\u0000'],
    ['U+2028', 'id\u2028'],
    ['DEL', 'id\u007f'],
  ])('refuses a %s control character, naming the field and not the value', (_name, value) => {
    const failure = (() => {
      try {
        acme.engine.checkConnection('acme', { ...ACME_CONNECTION, client_id: value });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(failure).toMatchObject({
      code: 'SB_ERR_RUN_INVALID_INPUT',
      details: { problems: [{ field: 'client_id', message: 'must not contain control characters' }] },
    });
    expect((failure as Error).message).not.toContain(value);
  });

  it('loads the fixture with the real loader', async () => {
    expect((await acmeIntegration()).secretFields).toEqual(new Set(['client_secret']));
  });
});
