import { NodeHttpHandler } from '@smithy/node-http-handler';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';

/**
 * How long one AWS call may take, retries included. The defaults keep the
 * worst case of a call under a minute, so a daily run that makes a handful
 * of calls fits a Lambda timeout of a few minutes.
 */
export type RetryBudget = {
  /** Attempts per call, the first one included. */
  readonly maxAttempts: number;
  /** Delay before the first retry; it doubles on each retry after. */
  readonly baseDelayMs: number;
  /** Cap on any one delay. */
  readonly maxDelayMs: number;
  /** Longest one attempt may take, connecting included. */
  readonly requestTimeoutMs: number;
  readonly connectionTimeoutMs: number;
};

export const DEFAULT_RETRY_BUDGET: RetryBudget = {
  maxAttempts: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 8_000,
  requestTimeoutMs: 10_000,
  connectionTimeoutMs: 3_000,
};

/**
 * Delay before retry number `retry` (1 for the first): capped exponential,
 * with jitter over its upper half so that parallel runs spread out.
 */
export function backoffDelayMs(
  retry: number,
  budget: RetryBudget,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(budget.maxDelayMs, budget.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * The longest one call can take under `budget`: every attempt timing out, every delay at its cap.
 */
export function worstCaseCallMs(budget: RetryBudget): number {
  let total = budget.maxAttempts * (budget.requestTimeoutMs + budget.connectionTimeoutMs);
  for (let retry = 1; retry < budget.maxAttempts; retry += 1) {
    total += Math.min(budget.maxDelayMs, budget.baseDelayMs * 2 ** (retry - 1));
  }
  return total;
}

/** SDK client options that hold a call to `budget`: retry strategy and HTTP timeouts. */
export function boundedClientOptions(budget: RetryBudget = DEFAULT_RETRY_BUDGET): {
  retryStrategy: ConfiguredRetryStrategy;
  requestHandler: NodeHttpHandler;
} {
  return {
    retryStrategy: new ConfiguredRetryStrategy(budget.maxAttempts, (retry) =>
      backoffDelayMs(retry, budget),
    ),
    requestHandler: new NodeHttpHandler({
      requestTimeout: budget.requestTimeoutMs,
      connectionTimeout: budget.connectionTimeoutMs,
      // Without this a timeout is only logged, and the call waits on.
      throwOnRequestTimeout: true,
    }),
  };
}
