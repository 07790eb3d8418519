import { SSMClient } from '@aws-sdk/client-ssm';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import {
  boundedClientOptions,
  DEFAULT_RETRY_BUDGET,
  type RetryBudget,
} from '../collect/retry-budget';

export type SsmClientOptions = {
  /** @default the region of the environment (AWS_REGION, the profile) */
  readonly region?: string;
  /** @default the standard credential chain */
  readonly credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /**
   * A named profile of the shared config files, like AWS_PROFILE.
   * @default AWS_PROFILE or default
   */
  readonly profile?: string;
  /** @default the regional AWS endpoint */
  readonly endpoint?: string;
  /** @default DEFAULT_RETRY_BUDGET */
  readonly budget?: Partial<RetryBudget>;
};

/** An SSM client whose retries (throttling included) and timeouts are bounded by a budget. */
export function createSsmClient(options: SsmClientOptions = {}): SSMClient {
  const budget = { ...DEFAULT_RETRY_BUDGET, ...options.budget };
  return new SSMClient({
    ...boundedClientOptions(budget),
    ...(options.region ? { region: options.region } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
}
