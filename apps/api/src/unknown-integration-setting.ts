/**
 * @module The settings error for per-integration variables (`SWITCHBOARD_<SETTING>_<INTEGRATION>`) whose suffix
 * names no loaded integration: one issue per variable, each listing what is loaded, so a typo is found at start.
 */
import { SettingsInvalid } from './errors.js';

/** `variables` are full variable names; `loaded` the names of the loaded integrations. */
export function unknownIntegrationSetting(
  variables: readonly string[],
  loaded: readonly string[],
): InstanceType<typeof SettingsInvalid> {
  const issues = variables.map((variable) => ({
    variable,
    message: `names no loaded integration (loaded: ${loaded.join(', ')})`,
  }));
  return new SettingsInvalid(`invalid settings: ${variables.join(', ')} name no loaded integration`, {
    details: { issues },
  });
}
