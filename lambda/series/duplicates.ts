import type { CostRow, PageContext } from './cost-pages';
import { dayText } from './days';
import { CaptureError } from './errors';

const FIX =
  'A capture holds each day once; captures joined together overlap and would count ' +
  'that spend twice. Record the whole window in one capture.';

/** Where a row is, as the message names it: `page 2 (ResultsByTime[0].Groups[3])`. */
export function rowPlace(row: Pick<CostRow, 'page' | 'result' | 'group'>): string {
  return `page ${row.page + 1} (ResultsByTime[${row.result}].Groups[${row.group}])`;
}

/** The error for a group that repeats one seen before at `first`. */
export function duplicateRow(
  ctx: PageContext,
  row: Pick<CostRow, 'page' | 'result' | 'group' | 'day'>,
  what: string,
  first: string,
) {
  return new CaptureError({
    ...ctx,
    page: row.page + 1,
    field: `ResultsByTime[${row.result}].Groups[${row.group}]`,
    problem: `repeats ${what} on ${dayText(row.day)}, already in ${first}`,
    fix: FIX,
  });
}

/** A check that throws when the same (day, key) comes twice; for the smaller groupings. */
export function duplicateGuard(ctx: PageContext): (row: CostRow, key: string) => void {
  const seen = new Map<string, string>();
  return (row, key) => {
    const id = `${row.day}\u0000${key}`;
    const first = seen.get(id);
    if (first !== undefined) throw duplicateRow(ctx, row, key, first);
    seen.set(id, rowPlace(row));
  };
}
