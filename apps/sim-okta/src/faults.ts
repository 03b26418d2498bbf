/**
 * @module The budget key this simulator plugs into the fault types of @switchboard/sim-kit
 * (`FaultSettings<BudgetKey>`, `FaultControl<BudgetKey>`, …): `minute_budget` (calls
 * per minute for each endpoint family, 0 = unlimited).
 */
export const BUDGET_KEY = 'minute_budget';
export type BudgetKey = typeof BUDGET_KEY;
