import type { GetCostAndUsageResponse } from '@aws-sdk/client-cost-explorer';
import { type CurrencyTracker, type PageContext, walkCostPages } from './cost-pages';
import { duplicateGuard } from './duplicates';
import { CaptureError, shown } from './errors';
import type { TagSplit } from './types';

/** Days counted: from `first` to before `end`, as day numbers. */
export type DayWindow = { readonly first: number; readonly end: number };

const TAG_FIX =
  'Re-record with `aws ce get-cost-and-usage --group-by Type=TAG,Key=<tag key> ...`; ' +
  'the tag must be an activated cost-allocation tag.';

/**
 * Tagged and untagged spend of the window from pages grouped by one
 * cost-allocation tag. Group keys read `<tagKey>$<value>`; an empty value
 * is untagged spend. Null when no tag key is known.
 */
export function splitByTag(
  pages: readonly (GetCostAndUsageResponse | unknown)[],
  source: string,
  options: { metric: string; window: DayWindow; currency: CurrencyTracker; tagKey: string | null },
): TagSplit | null {
  const ctx: PageContext = { source, operation: 'GetCostAndUsageByTag' };
  const once = duplicateGuard(ctx);
  const shape = { groupBy: ['TAG'], daily: false } as const;
  let tagKey = options.tagKey;
  let taggedUsd = 0;
  let untaggedUsd = 0;

  walkCostPages(pages, ctx, shape, options.metric, options.currency, (row) => {
    const key = row.keys[0] as string;
    const dollar = key.indexOf('$');
    if (dollar < 0) {
      const field = `ResultsByTime[${row.result}].Groups[${row.group}].Keys[0]`;
      const problem = `is ${shown(key)}, not a tag group key (<tagKey>$<value>)`;
      throw new CaptureError({ ...ctx, page: row.page + 1, field, problem, fix: TAG_FIX });
    }
    if (row.day < options.window.first || row.day >= options.window.end) return;
    once(row, key);
    tagKey ??= key.slice(0, dollar);
    if (dollar === key.length - 1) untaggedUsd += row.cost;
    else taggedUsd += row.cost;
  });

  return tagKey === null ? null : { tagKey, taggedUsd, untaggedUsd };
}
