/**
 * @module The budget key this simulator plugs into the fault types of @switchboard/sim-kit
 * (`FaultSettings<BudgetKey>`, `FaultControl<BudgetKey>`, …): `hourly_budget`
 * (calls per hour per account, 0 = unlimited).
 */
export const BUDGET_KEY = 'hourly_budget';
export type BudgetKey = typeof BUDGET_KEY;
