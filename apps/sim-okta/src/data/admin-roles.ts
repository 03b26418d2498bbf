/**
 * @module The standard admin role types (reference §7) and their labels. Labels the reference confirms are
 * Okta's own; the others (marked) are the simulator's guess in the same style.
 */

export const ROLE_LABELS: Readonly<Record<string, string>> = {
  SUPER_ADMIN: 'Super Organization administrator',
  ORG_ADMIN: 'Organization administrator',
  APP_ADMIN: 'Application administrator',
  HELP_DESK_ADMIN: 'Help Desk administrator',
  API_ACCESS_MANAGEMENT_ADMIN: 'API Access Management administrator',
  // Unconfirmed labels (reference §9.5).
  USER_ADMIN: 'Group administrator',
  READ_ONLY_ADMIN: 'Read-only administrator',
  MOBILE_ADMIN: 'Mobile administrator',
  REPORT_ADMIN: 'Report administrator',
  GROUP_MEMBERSHIP_ADMIN: 'Group membership administrator',
};

export const ROLE_TYPES = Object.keys(ROLE_LABELS);
