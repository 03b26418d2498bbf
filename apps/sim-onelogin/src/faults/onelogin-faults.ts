/**
 * @module The shared fault vocabulary of @switchboard/sim-kit with OneLogin's budget key: `hourly_budget`
 * (calls per hour per account, 0 = unlimited).
 */
import type {
  FaultControl as KitFaultControl,
  FaultSettings as KitFaultSettings,
  FaultSnapshot as KitFaultSnapshot,
} from '@switchboard/sim-kit';

export const BUDGET_KEY = 'hourly_budget';
export type BudgetKey = typeof BUDGET_KEY;
export type FaultSettings = KitFaultSettings<BudgetKey>;
export type FaultSnapshot = KitFaultSnapshot<BudgetKey>;
export type FaultControl = KitFaultControl<BudgetKey>;
