/** @module The OneLogin unified mappings written by hand: the baseline of the mapping benchmark. */
export { mapActivity } from './activities.js';
export { mapGroup } from './groups.js';
export { mapRole } from './roles.js';
export { mapUser } from './users.js';
export type { UnifiedRecord, UpstreamRecord } from './values.js';
