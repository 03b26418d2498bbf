/**
 * @module Stop rules (`stop:`): paging ends when any rule holds. `empty_cursor` is the strategy's own answer
 * (no next token); the others look at the page.
 */
import type { PaginationScheme } from '@switchboard/schema';
import { evaluateAt } from '../../mapping/evaluate-at.js';
import { isTruthy } from '../../mapping/truthy.js';
import type { UpstreamResponse } from '../upstream.js';
import type { StopRuleType, StrategyContext } from './strategy.js';

type StopRule = NonNullable<PaginationScheme['stop']>[number];

export interface StopView {
  response: UpstreamResponse;
  records: readonly unknown[];
  /** 1-based page number in the traversal (`$page`). */
  number: number;
  /** The page size the request asked for (absent: the declared `page_size.value`). */
  pageSize?: number | undefined;
}

/** The type of the first rule that holds, or undefined. */
export async function holdingStopRule(
  scheme: PaginationScheme,
  defaults: readonly StopRuleType[],
  page: StopView,
  context: StrategyContext,
): Promise<StopRuleType | undefined> {
  const rules: readonly StopRule[] = scheme.stop ?? defaults.map((type) => ({ type }) as StopRule);
  for (const [index, rule] of rules.entries()) {
    if (await holds(rule, index, scheme, page, context)) return rule.type;
  }
  return undefined;
}

async function holds(
  rule: StopRule,
  index: number,
  scheme: PaginationScheme,
  page: StopView,
  context: StrategyContext,
): Promise<boolean> {
  switch (rule.type) {
    case 'empty_cursor':
      return false;
    case 'empty_page':
      return page.records.length === 0;
    case 'short_page':
      // Without a declared page size there is no "short": the rule never holds.
      return (
        scheme.page_size !== undefined && page.records.length < (page.pageSize ?? scheme.page_size.value)
      );
    case 'expression': {
      const site = {
        integration: context.integration,
        pointer: `${context.pointer}/stop/${index}/expression`,
        what: `${context.label} pagination stop rule`,
      };
      const { body, headers } = page.response;
      return isTruthy(
        await evaluateAt(site, body, { body, headers, records: page.records, page: page.number }),
      );
    }
  }
}
