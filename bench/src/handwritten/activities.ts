/**
 * @module OneLogin event (v1) → unified activity, by hand (the `activities` `response:` mapping of onelogin.yaml).
 * Placeholders are replaced literally; a template naming a value the event lacks yields no description.
 */
import { EVENT_TYPES } from './event-types.js';
import { idText, present, put, text, truthy, type UnifiedRecord, type UpstreamRecord } from './values.js';

const PLACEHOLDERS = ['%user%', '%actor_user%', '%app%', '%role%', '%group%', '%otp_device%'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

/** The first of `preferred` and `fallback` that is present (truthy after dropping null and ""). */
function either(preferred: unknown, fallback: unknown): unknown {
  return truthy(present(preferred)) ? preferred : present(fallback);
}

function fill(template: string, names: Readonly<Record<Placeholder, unknown>>): string | undefined {
  let description: string | undefined = template;
  for (const key of PLACEHOLDERS) {
    if (description === undefined || !description.includes(key)) continue;
    const value = names[key];
    description = value === undefined ? undefined : description.replaceAll(key, () => String(value));
  }
  return description;
}

export function mapActivity(event: UpstreamRecord): UnifiedRecord {
  const kind = EVENT_TYPES.get(text(event['event_type_id']) ?? '');
  // Resource docs spell some keys `app-name`/`group-name`; payloads use underscores.
  const app = either(event['app_name'], event['app-name']);
  const group = either(event['group_name'], event['group-name']);
  const userName = present(event['user_name']);
  const actorId = idText(event['actor_user_id']);
  const actorName = present(event['actor_user_name']);
  const actorSystem = present(event['actor_system']);

  const out: UnifiedRecord = {};
  put(out, 'id', text(event['id']));
  out['action'] = kind === undefined ? 'other' : kind[0];
  if (kind !== undefined) {
    put(
      out,
      'description',
      fill(kind[1], {
        '%user%': userName,
        '%actor_user%': either(event['actor_user_name'], event['actor_system']),
        '%app%': app,
        '%role%': present(event['role_name']),
        '%group%': group,
        '%otp_device%': present(event['otp_device_name']),
      }),
    );
  }
  if (truthy(actorId)) {
    const actor: UnifiedRecord = { type: 'user', id: actorId };
    put(actor, 'name', actorName);
    out['actor'] = actor;
  } else if (truthy(actorSystem)) {
    out['actor'] = { type: 'system', name: event['actor_system'] };
  }
  put(out, 'target', targetOf(event, userName, app, group));
  const context: UnifiedRecord = {};
  put(context, 'ip_address', present(event['ipaddr']));
  if (typeof event['risk_score'] === 'number') context['risk_score'] = event['risk_score'];
  if (Object.keys(context).length > 0) out['context'] = context;
  put(out, 'created_at', event['created_at']);
  return out;
}

function targetOf(
  event: UpstreamRecord,
  userName: unknown,
  app: unknown,
  group: unknown,
): UnifiedRecord | undefined {
  const candidates: [type: string, id: string | undefined, name: unknown][] = [
    ['user', idText(event['user_id']), userName],
    ['role', idText(event['role_id']), present(event['role_name'])],
    ['group', idText(event['group_id']), group],
    ['app', idText(event['app_id']), app],
  ];
  for (const [type, id, name] of candidates) {
    // A user is a target by id or by name alone; the others need an id.
    if (truthy(id) || (type === 'user' && truthy(name))) {
      const target: UnifiedRecord = { type };
      put(target, 'id', id);
      put(target, 'name', name);
      return target;
    }
  }
  return undefined;
}
