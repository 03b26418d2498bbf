import { afterEach, describe, expect, it } from 'vitest';
import type { UserRecord, UserStatus } from '../data/records.js';
import { type Harness, startHarness } from '../testing/harness.js';

describe('user lifecycle', () => {
  let h: Harness;
  afterEach(() => h.sim.close());
  /** The first seeded user in `status` (the seed holds every status at fixed indexes). */
  const inStatus = (status: UserStatus): UserRecord =>
    h.sim.state.data.users.items.find((user) => user.status === status) as UserRecord;
  const call = (user: UserRecord, op: string) => h.send('POST', `/api/v1/users/${user.id}/lifecycle/${op}`);

  it('suspends only ACTIVE users: a PROVISIONED user cannot be suspended', async () => {
    h = await startHarness({ users: 12 });
    const provisioned = inStatus('PROVISIONED');
    const refused = await call(provisioned, 'suspend');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      errorCode: 'E0000001',
      errorSummary: 'Api validation failed: suspendUser',
    });
    expect(provisioned.status).toBe('PROVISIONED');
    const active = inStatus('ACTIVE');
    expect((await call(active, 'suspend')).json()).toEqual({});
    expect(active.status).toBe('SUSPENDED');
    expect((await call(active, 'suspend')).statusCode).toBe(400);
    expect((await call(active, 'unsuspend')).statusCode).toBe(200);
    expect(active.status).toBe('ACTIVE');
    expect((await call(active, 'unsuspend')).json().errorCode).toBe('E0000001');
  });

  it('activates STAGED and DEPROVISIONED users; ACTIVE answers 403 E0000016', async () => {
    h = await startHarness({ users: 12 });
    const staged = inStatus('STAGED');
    expect((await call(staged, 'activate')).statusCode).toBe(200);
    // No password: activation waits for the emailed flow.
    expect(staged.status).toBe('PROVISIONED');
    const deprovisioned = h.sim.state.data.users.items.find(
      (u) => u.status === 'DEPROVISIONED' && u.hasPassword,
    )!;
    await call(deprovisioned, 'activate');
    expect(deprovisioned.status).toBe('ACTIVE');
    const again = await call(deprovisioned, 'activate');
    expect(again.statusCode).toBe(403);
    expect(again.json().errorCode).toBe('E0000016');
    const provisioned = inStatus('PROVISIONED');
    expect((await call(provisioned, 'activate')).json().errorCode).toBe('E0000038');
  });

  it('reactivates PROVISIONED and RECOVERY users only (403 E0000038 otherwise)', async () => {
    h = await startHarness({ users: 12 });
    expect((await call(inStatus('RECOVERY'), 'reactivate')).statusCode).toBe(200);
    const refused = await call(inStatus('ACTIVE'), 'reactivate');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().errorCode).toBe('E0000038');
  });

  it('unlocks LOCKED_OUT users, deactivates anyone not DEPROVISIONED, expires and resets passwords', async () => {
    h = await startHarness({ users: 12 });
    const locked = inStatus('LOCKED_OUT');
    await call(locked, 'unlock');
    expect(locked.status).toBe('ACTIVE');
    const suspended = inStatus('SUSPENDED');
    await call(suspended, 'deactivate');
    expect(suspended.status).toBe('DEPROVISIONED');
    expect((await call(suspended, 'deactivate')).statusCode).toBe(403);
    const expired = await call(locked, 'expire_password');
    expect(expired.json()).toMatchObject({ id: locked.id, status: 'PASSWORD_EXPIRED' });
    await call(locked, 'reset_password');
    expect(locked.status).toBe('RECOVERY');
  });

  it('writes each change to the System Log', async () => {
    h = await startHarness({ users: 12 });
    const active = inStatus('ACTIVE');
    await call(active, 'suspend');
    const last = h.sim.state.data.logs.at(-1)!;
    expect(last).toMatchObject({
      eventType: 'user.lifecycle.suspend',
      target: [{ id: active.id, type: 'User' }],
    });
  });
});
