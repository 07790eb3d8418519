import { SECRET_ARN, TOPIC_ARN, type WatchdogHarness } from '../fixtures/watchdog-harness';
import type { SandboxWorld } from './sandbox';

/** The harness's region: its topic and secret ARNs name it. */
const REGION = 'eu-west-1';

/** The harness's endpoints and resources, as the deployed function would find them. */
export function sandboxWorld(watchdog: WatchdogHarness): SandboxWorld {
  return {
    region: REGION,
    endpoints: {
      costExplorer: watchdog.aws.url,
      ssm: watchdog.aws.url,
      secretsManager: watchdog.aws.url,
      sns: watchdog.sns.url,
      dynamodb: watchdog.dynamo.url,
      slack: watchdog.slack.url,
    },
    resources: {
      TOPIC_ARN,
      SLACK_TOKEN_SECRET_ARN: SECRET_ARN,
      STATE_TABLE_NAME: watchdog.dynamo.tableName,
    },
  };
}
