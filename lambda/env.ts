/**
 * The function's configuration, read once from its environment variables.
 * AWS endpoints are not configured here: the SDK reads `AWS_REGION`,
 * `AWS_ENDPOINT_URL` and `AWS_ENDPOINT_URL_<SERVICE>` itself.
 */
export type Environment = {
  /** SSM path under which every setting lives, e.g. `/llm-cost-watchdog/`. */
  readonly parameterPrefix: string;
  /** SNS topic that receives every alert and operational message. */
  readonly topicArn: string;
  /** Secrets Manager secret holding the Slack bot token. */
  readonly slackTokenSecretArn: string;
  /** DynamoDB table that remembers findings and deliveries. */
  readonly stateTableName: string;
  /** Slack Web API base URL; null means Slack's own (`https://slack.com/api/`). */
  readonly slackApiUrl: string | null;
};

const REQUIRED = {
  parameterPrefix: 'PARAMETER_PREFIX',
  topicArn: 'TOPIC_ARN',
  slackTokenSecretArn: 'SLACK_TOKEN_SECRET_ARN',
  stateTableName: 'STATE_TABLE_NAME',
} as const;

/** Raised when the function is deployed without a variable it needs. */
export class EnvironmentError extends Error {
  override readonly name = 'EnvironmentError';

  constructor(readonly missing: readonly string[]) {
    super(
      `Missing environment variable${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. ` +
        'The stack sets them on the function; redeploy it with `cdk deploy`, or set them ' +
        'in the function configuration.',
    );
  }
}

/**
 * Reads the function's configuration, naming every missing variable at once.
 *
 * @throws {EnvironmentError} when a required variable is missing or blank.
 */
export function readEnvironment(env: Readonly<Record<string, string | undefined>>): Environment {
  const missing = Object.values(REQUIRED).filter((name) => !env[name]?.trim());
  if (missing.length > 0) throw new EnvironmentError(missing);

  const value = (name: string) => env[name]?.trim() ?? '';
  const slackApiUrl = value('SLACK_API_URL');
  return {
    parameterPrefix: value(REQUIRED.parameterPrefix),
    topicArn: value(REQUIRED.topicArn),
    slackTokenSecretArn: value(REQUIRED.slackTokenSecretArn),
    stateTableName: value(REQUIRED.stateTableName),
    slackApiUrl: slackApiUrl === '' ? null : withTrailingSlash(slackApiUrl),
  };
}

// The Slack client appends method names to the base URL as they are.
function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
