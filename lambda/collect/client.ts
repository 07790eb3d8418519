import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { boundedClientOptions, DEFAULT_RETRY_BUDGET, type RetryBudget } from './retry-budget';

/** Cost Explorer answers in us-east-1 only (aws partition), whatever the stack's region. */
export const COST_EXPLORER_REGION = 'us-east-1';

export type CostExplorerClientOptions = {
  /** @default the standard credential chain (env, profile, SSO, role) */
  readonly credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /**
   * A named profile of the shared config files, like AWS_PROFILE.
   * @default AWS_PROFILE or default
   */
  readonly profile?: string;
  /** Another endpoint, e.g. a local one in tests. @default the regional AWS endpoint */
  readonly endpoint?: string;
  /** @default DEFAULT_RETRY_BUDGET, under a minute per call */
  readonly budget?: Partial<RetryBudget>;
};

/** A Cost Explorer client in us-east-1, with retries and timeouts bounded by a budget. */
export function createCostExplorerClient(
  options: CostExplorerClientOptions = {},
): CostExplorerClient {
  const budget = { ...DEFAULT_RETRY_BUDGET, ...options.budget };
  return new CostExplorerClient({
    region: COST_EXPLORER_REGION,
    ...boundedClientOptions(budget),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
}
