import { CollectError, type CostExplorerOperation, explainAwsError } from './errors';

/** Reported after each page that came in. */
export type PageProgress = {
  readonly operation: CostExplorerOperation;
  /** What the query is for, e.g. `daily spend per meter`. */
  readonly query: string;
  /** Pages of this query so far, from 1. */
  readonly page: number;
  /** Cost Explorer requests of the whole collection so far. */
  readonly requests: number;
};

/** Stops a query whose pages never end before it costs more than a few dollars. */
const MAX_PAGES = 300;

/** Counts the requests of one collection; each page is a request, and a charge. */
export class RequestCounter {
  private count = 0;

  constructor(private readonly onPage?: (progress: PageProgress) => void) {}

  get requests(): number {
    return this.count;
  }

  /** Notes one request that succeeded, and reports it. */
  record(operation: CostExplorerOperation, query: string, page: number): void {
    this.count += 1;
    this.onPage?.({ operation, query, page, requests: this.count });
  }
}

/**
 * Fetches every page of one query, passing each page's token to the next
 * request, until a page comes without one. SDK errors become CollectErrors.
 * With `keep`, each page is handed to it as it comes and not held here;
 * an error `keep` throws stops the paging.
 */
export async function fetchAllPages<P>(
  operation: CostExplorerOperation,
  query: string,
  counter: RequestCounter,
  fetch: (token: string | undefined) => Promise<P>,
  tokenOf: (page: P) => string | undefined,
  keep?: (page: P) => void,
): Promise<P[]> {
  const pages: P[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  let count = 0;

  do {
    if (count >= MAX_PAGES) throw tooManyPages(operation, query);
    const page = await fetch(token).catch((error: unknown) => {
      throw explainAwsError(error, operation);
    });
    count += 1;
    counter.record(operation, query, count);
    if (keep === undefined) pages.push(withoutMetadata(page));
    else keep(withoutMetadata(page));

    token = tokenOf(page);
    if (token !== undefined && seen.has(token)) throw repeatedToken(operation, query);
    if (token !== undefined) seen.add(token);
  } while (token);

  return pages;
}

function tooManyPages(operation: CostExplorerOperation, query: string): CollectError {
  return new CollectError(
    `${operation} for ${query} was still paging after ${MAX_PAGES} requests, so it was ` +
      'stopped. Fix: watch fewer services (excluded-services) or shorten lookback-days.',
  );
}

function repeatedToken(operation: CostExplorerOperation, query: string): CollectError {
  return new CollectError(
    `${operation} for ${query} returned a page token it had already returned, so paging was ` +
      'stopped. Fix: run again.',
  );
}

/** The response as the API sent it: the SDK's `$metadata` (request id, retries) is not data. */
function withoutMetadata<P>(page: P): P {
  if (typeof page !== 'object' || page === null || !('$metadata' in page)) return page;
  const { $metadata: _metadata, ...response } = page as P & { $metadata: unknown };
  return response as P;
}
