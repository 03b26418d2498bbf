/** @module Builds a whole seeded tenant: users, then the directory around them, then the two logs. */
import { createRandom } from '@switchboard/sim-kit';
import { seedAudits, seedSignIns } from './seed-activity.js';
import { seedDirectory } from './seed-directory.js';
import { seedUsers } from './seed-users.js';
import { Tenant, type TenantIdentity } from './tenant.js';

export interface SeedInput {
  readonly users: number;
  readonly seed: number;
  readonly identity: TenantIdentity;
  readonly clientId: string;
  readonly now: number;
}

/** The service principal of the simulator's one client application. */
export const CLIENT_PRINCIPAL_NAME = 'Switchboard Directory Sync';

export function seedTenant(input: SeedInput): Tenant {
  const random = createRandom(input.seed);
  const users = seedUsers(random, input.users, input.identity, input.now);
  const clientPrincipal = {
    id: '5c3ec1d6-0f3e-4b6a-9b1e-2a7d4c8e9f10',
    appId: input.clientId,
    displayName: CLIENT_PRINCIPAL_NAME,
  };
  const directory = seedDirectory(random, users, clientPrincipal, input.now);
  const app = {
    appId: input.clientId,
    displayName: CLIENT_PRINCIPAL_NAME,
    servicePrincipalId: clientPrincipal.id,
  };
  const tenant = new Tenant(input.identity, app);
  for (const user of users) tenant.users.insert(user);
  for (const group of directory.groups) tenant.groups.insert(group);
  for (const principal of directory.servicePrincipals) tenant.servicePrincipals.insert(principal);
  for (const role of directory.roleDefinitions) tenant.roleDefinitions.insert(role);
  for (const assignment of directory.roleAssignments) tenant.roleAssignments.insert(assignment);
  for (const role of directory.directoryRoles) tenant.directoryRoles.insert(role);
  tenant.audits.push(
    ...seedAudits(random, users, directory.groups, directory.roleDefinitions, app, input.now),
  );
  tenant.signIns.push(...seedSignIns(random, users, input.now));
  return tenant;
}
