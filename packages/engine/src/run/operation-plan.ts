/**
 * @module The typed plan of one unified operation, built once when the engine is created
 * (`build-operation-plans.ts`): every upstream call it makes as a {@link CallTarget}, every expression compiled
 * and located, its record mappers made. `run/` executes plans; it never looks an expression up by pointer.
 */
import type { UnifiedMethodName } from '@switchboard/schema';
import type { CompiledIntegration } from '../config/compiled-integration.js';
import type { LocatedExpression } from '../mapping/located-expression.js';
import type { RecordMapper } from '../mapping/record-mapper.js';
import type { CallTarget } from './call-target.js';

export type ExpressionField = 'query' | 'filter' | 'body' | 'response' | 'error' | 'id' | 'headers';

export interface StepPlan {
  call: CallTarget;
  when?: LocatedExpression;
  body?: LocatedExpression;
  id?: LocatedExpression;
}

export interface FanOutPlan {
  call: CallTarget;
  concurrency: number;
  /** `for_each.id`: the one parent to read (with `method: get`). */
  id?: LocatedExpression;
}

/** `current:` — the read made before a write (`$current`). */
export interface CurrentPlan {
  call: CallTarget;
  id?: LocatedExpression;
}

/** `merge:` — several upstream collections as one list. Each source is the operation with its overrides. */
export interface MergePlan {
  /** Absent: sources one after the other. */
  orderBy?: LocatedExpression;
  direction: 'asc' | 'desc';
  sources: OperationPlan[];
}

/** One `enrich.<name>`: another resource called once per upstream record. */
export interface EnrichPlan {
  name: string;
  call: CallTarget;
  /** Input: the upstream record. */
  id?: LocatedExpression;
  concurrency: number;
  always: boolean;
}

export interface OperationPlan {
  integration: CompiledIntegration;
  model: string;
  resource: string;
  method: UnifiedMethodName;
  call: CallTarget;
  /** Each expression the operation has, its own or inherited from the base operation. */
  expressions: Partial<Record<ExpressionField, LocatedExpression>>;
  filters: readonly string[];
  forEach?: FanOutPlan;
  current?: CurrentPlan;
  merge?: MergePlan;
  enrich: EnrichPlan[];
  steps: StepPlan[];
  result: 'response' | 'get' | 'body';
  limit: { default: number; max: number };
  /** The `response:` mapper (identity without one), with and without `remote_data`. */
  mapper(remoteData: boolean): RecordMapper;
}

/** A plan, or why the file's operation cannot run (an undeclared resource): refused when it is chosen. */
export type PlanOrFailure = { plan: OperationPlan } | { failure: unknown };

/** A declared operation: its alternatives in order, `[when, plan]`, and the base plan when none holds. */
export interface OperationChoice {
  model: string;
  resource: string;
  method: UnifiedMethodName;
  alternatives: readonly (readonly [when: LocatedExpression, plan: PlanOrFailure])[];
  otherwise: PlanOrFailure;
}

/** Used when an operation declares no `limit:`. */
export const DEFAULT_LIMIT = Object.freeze({ default: 50, max: 100 });
