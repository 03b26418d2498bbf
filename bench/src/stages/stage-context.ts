/** @module What every stage receives. */

import type { Profile } from '../profiles.js';
import type { Progress } from '../progress.js';
import type { EnvironmentPool } from '../switchboard/environment-pool.js';

export interface StageContext {
  profile: Profile;
  progress: Progress;
  /** Simulator + API environments, shared between stages where sizes match. */
  environments: EnvironmentPool;
  /** LOG_LEVEL of every API process. */
  apiLogLevel: string;
}
