/**
 * @module Every JSONata expression of a loaded integration, by JSON pointer, in file order: what
 * `switchboard validate --explain` reports on and what the differential tests compare.
 */
import type { CompiledIntegration } from '../config/compiled-integration.js';
import { childPointer } from '../config/json-pointer.js';
import type { CompiledExpression } from './expression.js';

export interface InventoryEntry {
  /** e.g. `/unified/user-directory/users/list/response`. */
  pointer: string;
  expression: CompiledExpression;
}

export function expressionInventory(integration: CompiledIntegration): InventoryEntry[] {
  const found: InventoryEntry[] = [];
  const walk = (value: unknown, pointer: string) => {
    if (typeof value === 'string') {
      const expression = integration.expression(pointer);
      if (expression !== undefined) found.push({ pointer, expression });
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) walk(child, childPointer(pointer, key));
  };
  walk(integration.definition, '');
  return found;
}
