/**
 * @module What every route group receives: the engine, the store and the settings. Routes hold no state.
 */
import type { Engine } from '@switchboard/engine';
import type { Store } from '@switchboard/store';
import type { ChangeFeed } from './change-feed/change-feed.js';
import type { Settings } from './settings.js';
import type { StoreHealth } from './store-health.js';

export interface RouteDeps {
  /** Sync runs, events, webhooks and the jobs that run them. */
  changeFeed: ChangeFeed;
  engine: Engine;
  store: Store;
  settings: Settings;
  storeHealth: StoreHealth;
  /** Signs the integrated-accounts list cursor. */
  cursorKey: Uint8Array;
}
