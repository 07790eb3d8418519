/** Where in a capture a problem is. */
export type CaptureLocation = {
  /** The capture's name for people: its file path, or `capture`. */
  readonly source: string;
  /** The Cost Explorer operation whose responses hold the problem. */
  readonly operation?: string | null;
  /** 1-based page of that operation's responses. */
  readonly page?: number | null;
  /** Path of the field inside the page, e.g. `ResultsByTime[2].Groups[5].Keys`. */
  readonly field?: string | null;
};

/** What went wrong and how to fix it. */
export type CaptureProblem = CaptureLocation & {
  /** Reads after the field: `is "abc", not a number`. */
  readonly problem: string;
  /** The next action, as a sentence. */
  readonly fix: string;
  readonly cause?: unknown;
};

/**
 * A capture that cannot be read as Cost Explorer data. The message names
 * the source, operation, page and field, what is wrong and how to fix it:
 *
 * `samples/x.json: GetCostAndUsage page 3: ResultsByTime[2].Groups[5].Metrics.UnblendedCost.Amount
 * is "abc", not a number. Re-record the capture with ...`
 */
export class CaptureError extends Error {
  override readonly name = 'CaptureError';
  readonly source: string;
  readonly operation: string | null;
  readonly page: number | null;
  readonly field: string | null;

  constructor(details: CaptureProblem) {
    super(messageOf(details), details.cause === undefined ? undefined : { cause: details.cause });
    this.source = details.source;
    this.operation = details.operation ?? null;
    this.page = details.page ?? null;
    this.field = details.field ?? null;
  }
}

function messageOf(details: CaptureProblem): string {
  const where = [details.source];
  const page = details.page == null ? '' : ` page ${details.page}`;
  if (details.operation != null) where.push(`${details.operation}${page}`);
  const what = details.field == null ? details.problem : `${details.field} ${details.problem}`;
  return `${where.join(': ')}: ${what}. ${details.fix}`;
}

/** A short, safe rendering of a JSON value for a message. */
export function shown(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** How to record a capture this project reads. */
export const RECORD_FIX =
  'Re-record the capture with `aws ce get-cost-and-usage --granularity DAILY ' +
  '--metrics UnblendedCost UsageQuantity --group-by Type=DIMENSION,Key=SERVICE ' +
  'Type=DIMENSION,Key=USAGE_TYPE --output json`.';
