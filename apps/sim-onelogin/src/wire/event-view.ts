/**
 * @module Events on the wire, in the key order of the documented sample. Names of apps, roles and groups are
 * looked up at render time; fields the simulator never populates are present as `null`, as in real payloads.
 */

import { iso } from '@switchboard/sim-kit';
import type { Directory } from '../data/directory.js';
import type { EventRecord } from '../data/records.js';

export function toV1Event(event: EventRecord, directory: Directory): Record<string, unknown> {
  const risky = event.risk_score !== null && event.risk_score >= 50;
  return {
    id: event.id,
    created_at: iso(event.created_at),
    account_id: directory.accountId,
    user_id: event.user_id,
    event_type_id: event.event_type_id,
    notes: event.notes,
    ipaddr: event.ipaddr,
    actor_user_id: event.actor_user_id,
    assuming_acting_user_id: null,
    role_id: event.role_id,
    app_id: event.app_id,
    group_id: event.group_id,
    otp_device_id: null,
    policy_id: null,
    actor_system: event.actor_system,
    custom_message: null,
    role_name: event.role_id === null ? null : (directory.roles.get(event.role_id)?.name ?? null),
    app_name: event.app_id === null ? null : (directory.apps.get(event.app_id)?.name ?? null),
    group_name: event.group_id === null ? null : (directory.groups.get(event.group_id)?.name ?? null),
    actor_user_name: event.actor_user_name,
    user_name: event.user_name,
    policy_name: null,
    otp_device_name: null,
    operation_name: null,
    directory_sync_run_id: null,
    directory_id: event.directory_id,
    resolution: null,
    client_id: event.client_id,
    resource_type_id: null,
    error_description: null,
    proxy_ip: null,
    risk_score: event.risk_score,
    risk_reasons: risky ? `Infrequent access from ${event.ipaddr} (13%)` : null,
    risk_cookie_id: null,
    browser_fingerprint: null,
  };
}
