import type { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import type { Capture } from '../../lambda/collect/capture';
import { createCostExplorerClient } from '../../lambda/collect/client';
import {
  type Collected,
  type CollectOptions,
  collectCapture,
  requestCostUsd,
} from '../../lambda/collect/cost-explorer';
import type { PageProgress } from '../../lambda/collect/pages';
import type { Settings } from '../../lambda/settings/settings';
import type { CliIo } from '../cli-io';
import { awsProfile } from './live-settings';

export type LiveCaptureOptions = {
  readonly settings: Settings;
  /** The run's day; the capture ends the day before. @default today, in UTC */
  readonly asOf?: string;
  /** Days of history, over the settings' lookback-days. */
  readonly days?: number;
  /** @default AWS_PROFILE, then the rest of the standard credential chain */
  readonly profile?: string;
};

/** How the pages are kept: as they came (`collectCapture`), or logged as they come. */
export type Collect<C> = (
  client: CostExplorerClient,
  settings: Settings,
  options: CollectOptions,
) => Promise<Collected<C>>;

export type LiveCapture<C = Capture> = {
  readonly capture: C;
  readonly asOf: string;
  /** The settings the capture was collected with (`days` applied). */
  readonly settings: Settings;
  readonly requests: number;
  readonly costUsd: number;
  readonly warnings: string[];
};

/**
 * Collects a capture from the account's Cost Explorer with the standard
 * credential chain, printing a progress line on stderr for each page.
 * Throws a CollectError, whose message has the fix, when it cannot. The
 * pages are kept as `collect` keeps them; by default, as they came.
 */
export async function loadLiveCapture<C = Capture>(
  options: LiveCaptureOptions,
  io: CliIo,
  collect: Collect<C> = collectCapture as Collect<C>,
): Promise<LiveCapture<C>> {
  const now = io.now ?? (() => new Date());
  const asOf = options.asOf ?? now().toISOString().slice(0, 10);
  const settings: Settings =
    options.days === undefined
      ? options.settings
      : { ...options.settings, lookbackDays: options.days };

  const client = createCostExplorerClient(awsProfile(options.profile, io));
  try {
    const { capture, requests, warnings } = await collect(client, settings, {
      asOf,
      now,
      onPage: (page) => io.stderr.write(`${progressLine(page)}\n`),
    });
    return { capture, asOf, settings, requests, costUsd: requestCostUsd(requests), warnings };
  } finally {
    client.destroy();
  }
}

/** `Cost Explorer GetCostAndUsage, daily spend per meter: page 2 (4 requests so far)` */
export function progressLine(page: PageProgress): string {
  const requests = `${page.requests} request${page.requests === 1 ? '' : 's'} so far`;
  return `Cost Explorer ${page.operation}, ${page.query}: page ${page.page} (${requests})`;
}
