import type { GetCostAndUsageResponse } from '@aws-sdk/client-cost-explorer';
import { type CurrencyTracker, type PageContext, walkCostPages } from './cost-pages';
import { duplicateGuard } from './duplicates';
import { isRecord } from './fields';
import type { DayWindow } from './tag-split';
import type { AccountSpend } from './types';

/** Account names from each page's `DimensionValueAttributes` (`description`). */
function accountNames(pages: readonly unknown[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const page of pages) {
    const attributes = isRecord(page) ? page.DimensionValueAttributes : undefined;
    if (!Array.isArray(attributes)) continue;
    for (const entry of attributes) {
      if (!isRecord(entry) || typeof entry.Value !== 'string' || !isRecord(entry.Attributes))
        continue;
      const name = entry.Attributes.description;
      if (typeof name === 'string' && name.length > 0) names.set(entry.Value, name);
    }
  }
  return names;
}

/** Spend of the window per linked account, most first, from pages grouped by LINKED_ACCOUNT. */
export function spendByAccount(
  pages: readonly (GetCostAndUsageResponse | unknown)[],
  source: string,
  options: { metric: string; window: DayWindow; currency: CurrencyTracker },
): AccountSpend[] {
  const ctx: PageContext = { source, operation: 'GetCostAndUsageByAccount' };
  const once = duplicateGuard(ctx);
  const shape = { groupBy: ['LINKED_ACCOUNT'], daily: false } as const;
  const costs = new Map<string, number>();

  walkCostPages(pages, ctx, shape, options.metric, options.currency, (row) => {
    if (row.day < options.window.first || row.day >= options.window.end) return;
    const accountId = row.keys[0] as string;
    once(row, accountId);
    costs.set(accountId, (costs.get(accountId) ?? 0) + row.cost);
  });

  const names = accountNames(pages);
  return [...costs]
    .map(([accountId, costUsd]) => ({ accountId, name: names.get(accountId) ?? null, costUsd }))
    .sort((a, b) => b.costUsd - a.costUsd || (a.accountId < b.accountId ? -1 : 1));
}
