/**
 * @module The shared fault vocabulary of @switchboard/sim-kit with Okta's budget key: `minute_budget` (calls
 * per minute for each endpoint family, 0 = unlimited).
 */
import type {
  FaultControl as KitFaultControl,
  FaultSettings as KitFaultSettings,
  FaultSnapshot as KitFaultSnapshot,
} from '@switchboard/sim-kit';

export const BUDGET_KEY = 'minute_budget';
export type BudgetKey = typeof BUDGET_KEY;
export type FaultSettings = KitFaultSettings<BudgetKey>;
export type FaultSnapshot = KitFaultSnapshot<BudgetKey>;
export type FaultControl = KitFaultControl<BudgetKey>;
