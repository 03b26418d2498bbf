/**
 * @module Word pools for seeded users. Each name carries an ASCII slug for emails and usernames, so unicode
 * display names (the awkward cases a connector must survive) still yield valid addresses.
 */

export { FIRST_NAMES, LAST_NAMES, type PooledName } from '@switchboard/sim-kit';

/** `""` entries are deliberate: real v1 users carry empty strings for unset text fields. */
export const TITLES: readonly string[] = [
  'Engineer',
  'Senior Engineer',
  'Manager',
  'Director',
  'Analyst',
  'Designer',
  'Account Executive',
  '',
  '',
];
export const DEPARTMENTS: readonly string[] = [
  'Engineering',
  'Sales',
  'Marketing',
  'Finance',
  'Support',
  'People',
  'Research & Development',
  '',
];
export const COMPANIES: readonly string[] = ['Acme Corp', 'Acme GmbH', 'Acme K.K.', ''];
export const EMAIL_DOMAINS: readonly string[] = ['example.com', 'example.com', 'example.com', 'example.org'];
export const LOCALES: readonly (string | null)[] = [null, null, 'en', 'de', 'ja', 'fr'];
export const COST_CENTERS: readonly (string | null)[] = ['CC-100', 'CC-200', 'CC-300', null];
export const FOODS: readonly (string | null)[] = ['chicken', 'tofu', 'pizza', 'sushi', null, null];

export const GROUP_NAMES: readonly string[] = [
  'group.security.policy.default',
  'Getting the Band Together',
  'Engineering',
  'Sales EMEA',
  'Zürich Office',
  '東京チーム',
  'Contractors',
  'Executives',
];

export const ROLE_NAMES: readonly string[] = [
  'Default',
  'Employee',
  'Engineering',
  'Sales',
  'Admin',
  'Contractor',
  'Support',
  'Finance',
  'Rôle spécial ✓',
  'AWS-us',
  'AWS-eu',
  'Unused Role',
];

export const APP_NAMES: readonly string[] = [
  'AppWonder',
  'DoorDash',
  'Slack',
  'Salesforce',
  'GitHub',
  'Zoom',
];

/** Custom attribute shortnames defined on the simulated account. */
export const CUSTOM_ATTRIBUTE_NAMES: readonly string[] = ['employee_number', 'cost_center', 'food'];
