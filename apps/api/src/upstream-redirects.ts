/**
 * @module `SWITCHBOARD_UPSTREAM_<INTEGRATION>` (every origin the integration declares) and
 * `SWITCHBOARD_UPSTREAM_<INTEGRATION>_AUTH` (only its auth host), as parsed by `settings.ts` (suffix → URL),
 * turned into the engine's `upstreamOverrides` by integration name. A suffix naming no loaded integration is a
 * settings error naming the variable.
 */
import type { UpstreamOverride } from '@switchboard/engine';
import { envName } from './settings.js';
import { unknownIntegrationSetting } from './unknown-integration-setting.js';

const PREFIX = 'SWITCHBOARD_UPSTREAM_';
const AUTH = '_AUTH';

export function upstreamRedirects(
  names: readonly string[],
  values: Readonly<Record<string, string>>,
): Record<string, UpstreamOverride> {
  const byEnv = new Map(names.map((name) => [envName(name), name]));
  const result: Record<string, UpstreamOverride> = {};
  const unknown: string[] = [];
  for (const [suffix, url] of Object.entries(values)) {
    const exact = byEnv.get(suffix);
    // `<NAME>_AUTH` is the auth host of <NAME>, unless an integration is itself called `<name>_auth`.
    const authOf = suffix.endsWith(AUTH) ? byEnv.get(suffix.slice(0, -AUTH.length)) : undefined;
    if (exact !== undefined) result[exact] = { ...result[exact], all: url };
    else if (authOf !== undefined) result[authOf] = { ...result[authOf], auth: url };
    else unknown.push(`${PREFIX}${suffix}`);
  }
  if (unknown.length > 0) throw unknownIntegrationSetting(unknown, names);
  return result;
}
