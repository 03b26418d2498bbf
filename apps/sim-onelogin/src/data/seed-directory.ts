/**
 * @module Builds the whole seeded account. Everything is a pure function of `seed` except timestamps, which
 * are relative to `now` so "the last 90 days" stays true whenever the simulator starts.
 */

import { createRandom } from '@switchboard/sim-kit';
import { Directory } from './directory.js';
import { APP_NAMES, CUSTOM_ATTRIBUTE_NAMES, GROUP_NAMES, ROLE_NAMES } from './name-pools.js';
import { seedEvents } from './seed-events.js';
import { seedUsers } from './seed-users.js';

export interface SeedOptions {
  users: number;
  seed: number;
  accountId: number;
  now: number;
}

const FIRST_GROUP_ID = 477_661;
const FIRST_ROLE_ID = 439_868;
const FIRST_APP_ID = 1_475_668;

export function seedDirectory(options: SeedOptions): Directory {
  const random = createRandom(options.seed);
  const directory = new Directory(options.accountId);
  directory.customAttributeNames.push(...CUSTOM_ATTRIBUTE_NAMES);
  GROUP_NAMES.forEach((name, index) => {
    directory.groups.insert({ id: FIRST_GROUP_ID + index * 3, name });
  });
  APP_NAMES.forEach((name, index) => {
    directory.apps.insert({ id: FIRST_APP_ID + index * 11, name });
  });
  ROLE_NAMES.forEach((name, index) => {
    // Role ids are not dense either; "Default" (the first) cannot be deleted, as on real accounts.
    directory.roles.insert({
      id: FIRST_ROLE_ID + index * 2,
      name,
      members: [],
      admins: [],
      apps: index < APP_NAMES.length ? [FIRST_APP_ID + index * 11] : [],
      addedAt: new Map(),
      undeletable: index === 0,
    });
  });
  seedUsers(directory, options.users, random, options.now);
  const admin = directory.roles.items[4];
  if (admin !== undefined && directory.ownerId !== 0) admin.admins.push(directory.ownerId);
  seedEvents(directory, random, options.now);
  return directory;
}
