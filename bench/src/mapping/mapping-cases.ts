/** @module The four mappings measured: where the engine's expression sits, and its hand-written twin. */
import { mapActivity, mapGroup, mapRole, mapUser, type UpstreamRecord } from '../handwritten/index.js';
import type { Samples } from './simulator-samples.js';

export interface MappingCase {
  resource: keyof Samples;
  pointer: string;
  handwritten: (record: UpstreamRecord) => Record<string, unknown>;
}

const pointer = (resource: string): string => `/unified/user-directory/${resource}/list/response`;

export const MAPPING_CASES: readonly MappingCase[] = [
  { resource: 'users', pointer: pointer('users'), handwritten: mapUser },
  { resource: 'groups', pointer: pointer('groups'), handwritten: mapGroup },
  { resource: 'roles', pointer: pointer('roles'), handwritten: mapRole },
  { resource: 'activities', pointer: pointer('activities'), handwritten: mapActivity },
];
