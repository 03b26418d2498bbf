/**
 * End to end: unified activities from the Okta System Log through the real engine and `okta.yaml`, checked
 * against the simulator's stored events and the §9.7 action table.
 */
import type { LogEventRecord } from '@switchboard/sim-okta';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  idsOf,
  iso,
  type OktaHarness,
  readAll,
  startOkta,
  switchboardError,
  withoutRemote,
} from './okta-support/okta-sim.js';

// Full listings page through hundreds of upstream calls; the machine is shared, so allow time.
vi.setConfig({ testTimeout: 60_000 });

let h: OktaHarness;
beforeAll(async () => {
  h = await startOkta({ users: 120, seed: 5 });
});
afterAll(async () => {
  await h?.close();
});

/** §9.7, row by row: event types whose action does not depend on the outcome. */
const PLAIN_ACTIONS: Record<string, string> = {
  'user.session.end': 'logout',
  'user.lifecycle.create': 'user_created',
  'user.account.update_profile': 'user_updated',
  'user.lifecycle.suspend': 'user_suspended',
  'user.lifecycle.activate': 'user_activated',
  'user.lifecycle.unsuspend': 'user_reactivated',
  'user.lifecycle.reactivate': 'user_reactivated',
  'user.lifecycle.deactivate': 'user_deleted',
  'user.lifecycle.delete.initiated': 'user_deleted',
  'user.account.lock': 'user_locked',
  'user.account.unlock': 'user_unlocked',
  'user.account.reset_password': 'password_reset_requested',
  'user.mfa.factor.activate': 'mfa_enrolled',
  'group.user_membership.add': 'group_member_added',
  'group.user_membership.remove': 'group_member_removed',
  'user.account.privilege.grant': 'role_assigned',
  'user.account.privilege.revoke': 'role_unassigned',
};

function expectedAction(event: LogEventRecord): string {
  const failed = ['FAILURE', 'DENY'].includes(event.outcome.result);
  const success = event.outcome.result === 'SUCCESS';
  switch (event.eventType) {
    case 'user.session.start':
      return success ? 'login' : failed ? 'login_failed' : 'other';
    case 'user.authentication.sso':
      return success ? 'app_login' : failed ? 'app_login_failed' : 'other';
    case 'user.authentication.auth_via_mfa':
      return event.outcome.result === 'FAILURE' ? 'mfa_challenge_failed' : 'other';
    default:
      if (event.eventType.startsWith('user.authentication.') && event.outcome.result === 'FAILURE')
        return 'login_failed';
      return PLAIN_ACTIONS[event.eventType] ?? 'other';
  }
}

const TARGET_TYPES: Record<string, string> = { User: 'user', UserGroup: 'group', AppInstance: 'app' };

function expectedActivity(event: LogEventRecord): Record<string, unknown> {
  const targets = event.target ?? [];
  const main = event.eventType.startsWith('group.user_membership')
    ? targets.find((t) => t.type === 'UserGroup')
    : targets[0];
  return {
    id: event.uuid,
    action: expectedAction(event),
    description: event.displayMessage,
    actor:
      event.actor.type === 'User'
        ? { type: 'user', id: event.actor.id, name: event.actor.displayName }
        : { type: 'system', id: event.actor.id, name: event.actor.displayName },
    ...(main === undefined
      ? {}
      : { target: { type: TARGET_TYPES[main.type] ?? 'other', id: main.id, name: main.displayName } }),
    context: {
      ip_address: event.ipAddress,
      user_agent: event.userAgent,
      location: `${event.geo.city}, ${event.geo.state}, ${event.geo.country}`,
    },
    created_at: iso(event.published),
  };
}

const logs = () => h.sim.state.data.logs;

describe('activities', () => {
  it.each([37, 100, 200])(
    'at limit %i list every event of the last 90 days once, oldest first',
    async (limit) => {
      const { records } = await readAll(h.engine, h.account, { resource: 'activities', limit });
      expect(records.map(withoutRemote)).toEqual(logs().map(expectedActivity));
    },
  );

  it('maps every action of the §9.7 table the seed holds', async () => {
    const { records } = await readAll(h.engine, h.account, { resource: 'activities', limit: 200 });
    const actions = new Set(records.map((record) => record['action']));
    for (const action of [
      'login',
      'login_failed',
      'logout',
      'app_login',
      'mfa_challenge_failed',
      'user_updated',
      'group_member_added',
      'mfa_enrolled',
      'user_locked',
      'role_assigned',
      'other',
    ]) {
      expect(actions, action).toContain(action);
    }
  });

  it('filters by action (other included), by user and by time window', async () => {
    for (const action of ['login_failed', 'logout', 'app_login']) {
      const byAction = await readAll(h.engine, h.account, {
        resource: 'activities',
        limit: 200,
        filters: { action },
      });
      expect(idsOf(byAction.records), action).toEqual(
        logs()
          .filter((e) => expectedAction(e) === action)
          .map((e) => e.uuid),
      );
    }
    const other = await readAll(h.engine, h.account, {
      resource: 'activities',
      limit: 200,
      filters: { action: 'other' },
    });
    expect(idsOf(other.records)).toEqual(
      logs()
        .filter((e) => expectedAction(e) === 'other')
        .map((e) => e.uuid),
    );
    const user = h.sim.state.data.users.items[12]!;
    const mine = await readAll(h.engine, h.account, {
      resource: 'activities',
      limit: 50,
      filters: { user_id: user.id },
    });
    // The unified meaning: the user is the record's actor or target (a membership event's target is the group).
    const mineExpected = logs()
      .map(expectedActivity)
      .filter(
        (a) =>
          (a['actor'] as { id?: string }).id === user.id ||
          (a['target'] as { id?: string } | undefined)?.id === user.id,
      );
    expect(idsOf(mine.records)).toEqual(mineExpected.map((a) => String(a['id'])));
    const from = logs()[40]!.published;
    const to = logs()[90]!.published;
    const window = await readAll(h.engine, h.account, {
      resource: 'activities',
      limit: 20,
      filters: { 'created_at[gte]': iso(from), 'created_at[lt]': iso(to) },
    });
    expect(idsOf(window.records)).toEqual(
      logs()
        .filter((e) => e.published >= from && e.published < to)
        .map((e) => e.uuid),
    );
  });

  it('gets one event by uuid (a filtered System Log read); an unknown or malformed id is not found', async () => {
    const event = logs()[17]!;
    const base = { integration: 'okta', account: h.account, model: 'user-directory', resource: 'activities' };
    const { record } = await h.engine.get({ ...base, id: event.uuid });
    expect(withoutRemote(record)).toEqual(expectedActivity(event));
    const missing = await switchboardError(
      h.engine.get({ ...base, id: '00000000-0000-4000-a000-000000000000' }),
    );
    expect(missing.code).toBe('SB_ERR_RUN_RECORD_NOT_FOUND');
    const before = h.sim.state.counters.totalCalls;
    const malformed = await switchboardError(h.engine.get({ ...base, id: 'x" or eventType pr' }));
    expect(malformed.code).toBe('SB_ERR_RUN_RECORD_NOT_FOUND');
    expect(h.sim.state.counters.totalCalls).toBe(before);
  });

  it('shows a change made through the API', async () => {
    const target = h.sim.state.data.users.items.find(
      (u) => u.status === 'ACTIVE' && u.id !== h.sim.state.data.ownerId,
    )!;
    const since = new Date().toISOString();
    await h.engine.update({
      integration: 'okta',
      account: h.account,
      model: 'user-directory',
      resource: 'users',
      id: target.id,
      body: { status: 'suspended' },
    });
    const { records } = await readAll(h.engine, h.account, {
      resource: 'activities',
      filters: { 'created_at[gte]': since, action: 'user_suspended' },
    });
    expect(records.map((r) => (r['target'] as { id: string }).id)).toEqual([target.id]);
  });
});
