/**
 * @module `POST /api/v1/users/{id}/lifecycle/{op}` with the reference's rules (§5): which statuses each
 * operation accepts, what it leaves, and the documented wrong-status answers (activate on ACTIVE → 403
 * E0000016, suspend/unsuspend → 400 E0000001, other refusals 403 E0000038). Activation of a user without a
 * password stops at PROVISIONED: the emailed flow that would finish it is outside the API.
 */
import { queryOf, RESOURCE } from '@switchboard/sim-kit';
import type { FastifyInstance } from 'fastify';
import { userTarget } from '../data/log-events.js';
import type { UserRecord, UserStatus } from '../data/records.js';
import { recordApiEvent } from '../http/api-events.js';
import type { SimContext } from '../http/context.js';
import { orgOrigin } from '../http/org-origin.js';
import { type OktaError, OktaErrors, sendOktaError } from '../wire/okta-errors.js';
import { sendJson } from '../wire/send-json.js';
import { userView } from '../wire/user-view.js';
import { userNotFound } from './users-routes.js';

interface Operation {
  /** Statuses the operation accepts. */
  readonly from: readonly UserStatus[];
  /** The answer from any other status. */
  readonly refusal: (user: UserRecord) => OktaError;
  /** The status it leaves the user in. */
  to(user: UserRecord): UserStatus;
  readonly eventType: string;
  /** What the call answers: `{}`, the user, or tokens when `sendEmail=false`. */
  readonly answer: 'empty' | 'user' | 'activation' | 'reset';
}

const wrongStatus = () => OktaErrors.wrongStatus;
const ALL_BUT_DEPROVISIONED: readonly UserStatus[] = [
  'STAGED',
  'PROVISIONED',
  'ACTIVE',
  'RECOVERY',
  'LOCKED_OUT',
  'PASSWORD_EXPIRED',
  'SUSPENDED',
];

const OPERATIONS: Readonly<Record<string, Operation>> = {
  activate: {
    from: ['STAGED', 'DEPROVISIONED'],
    refusal: (user) => (user.status === 'ACTIVE' ? OktaErrors.alreadyActive : OktaErrors.wrongStatus),
    to: (user) => (user.hasPassword ? 'ACTIVE' : 'PROVISIONED'),
    eventType: 'user.lifecycle.activate',
    answer: 'activation',
  },
  reactivate: {
    from: ['PROVISIONED', 'RECOVERY'],
    refusal: wrongStatus,
    // Restarts the activation flow; the user finishes it outside the API.
    to: () => 'PROVISIONED',
    eventType: 'user.lifecycle.reactivate',
    answer: 'activation',
  },
  deactivate: {
    from: ALL_BUT_DEPROVISIONED,
    refusal: wrongStatus,
    to: () => 'DEPROVISIONED',
    eventType: 'user.lifecycle.deactivate',
    answer: 'empty',
  },
  suspend: {
    from: ['ACTIVE'],
    refusal: () => OktaErrors.validation('suspendUser', ['Cannot suspend a user that is not active']),
    to: () => 'SUSPENDED',
    eventType: 'user.lifecycle.suspend',
    answer: 'empty',
  },
  unsuspend: {
    from: ['SUSPENDED'],
    refusal: () => OktaErrors.validation('unsuspendUser', ['Cannot unsuspend a user that is not suspended']),
    to: () => 'ACTIVE',
    eventType: 'user.lifecycle.unsuspend',
    answer: 'empty',
  },
  unlock: {
    from: ['LOCKED_OUT', 'ACTIVE'],
    refusal: wrongStatus,
    to: () => 'ACTIVE',
    eventType: 'user.account.unlock',
    answer: 'empty',
  },
  expire_password: {
    from: ['ACTIVE', 'RECOVERY', 'LOCKED_OUT', 'PASSWORD_EXPIRED'],
    refusal: wrongStatus,
    to: () => 'PASSWORD_EXPIRED',
    eventType: 'user.lifecycle.password_mass_expiry',
    answer: 'user',
  },
  reset_password: {
    from: ['ACTIVE', 'RECOVERY', 'LOCKED_OUT', 'PASSWORD_EXPIRED', 'PROVISIONED'],
    refusal: wrongStatus,
    to: () => 'RECOVERY',
    eventType: 'user.account.reset_password',
    answer: 'reset',
  },
};

type Params = { Params: { id: string; op: string } };

export function registerLifecycleRoutes(app: FastifyInstance, context: SimContext): void {
  app.post<Params>('/api/v1/users/:id/lifecycle/:op', RESOURCE, async (request, reply) => {
    const operation = OPERATIONS[request.params.op];
    if (operation === undefined)
      return sendOktaError(reply, OktaErrors.notFound(request.url.split('?')[0] ?? ''));
    const user = context.state.data.findUser(request.params.id);
    if (user === undefined) return userNotFound(reply, request.params.id);
    if (!operation.from.includes(user.status)) return sendOktaError(reply, operation.refusal(user));
    const now = context.now();
    const to = operation.to(user);
    if (to !== user.status) {
      user.status = to;
      user.statusChanged = now;
    }
    if (to === 'ACTIVE' && user.activated === null) user.activated = now;
    if (to === 'RECOVERY') user.hasPassword = false;
    user.lastUpdated = now;
    recordApiEvent(context, request, operation.eventType, [userTarget(user)]);
    const sendEmail = queryOf(request).get('sendEmail') !== 'false';
    const origin = orgOrigin(context, request);
    switch (operation.answer) {
      case 'user':
        return sendJson(reply, 200, userView(user, origin));
      case 'activation':
        return sendJson(
          reply,
          200,
          sendEmail || user.status === 'ACTIVE'
            ? {}
            : {
                activationUrl: `${origin}/welcome/XE6wE17zmphl3KqAPFxO`,
                activationToken: 'XE6wE17zmphl3KqAPFxO',
              },
        );
      case 'reset':
        return sendJson(
          reply,
          200,
          sendEmail ? {} : { resetPasswordUrl: `${origin}/reset_password/XE6wE17zmphl3KqAPFxO` },
        );
      default:
        return sendJson(reply, 200, {});
    }
  });
}
