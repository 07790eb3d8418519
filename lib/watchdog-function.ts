import * as path from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** What the function needs to find its settings, secret, topic and state. */
export type WatchdogEnvironment = {
  /** SSM path the settings are read from, ending in `/` (`PARAMETER_PREFIX`). */
  readonly parameterPrefix: string;
  /** SNS topic the findings are published to (`TOPIC_ARN`). */
  readonly topicArn: string;
  /** Secret holding the Slack bot token (`SLACK_TOKEN_SECRET_ARN`). */
  readonly slackTokenSecretArn: string;
  /** DynamoDB table that remembers what was said (`STATE_TABLE_NAME`). */
  readonly stateTableName: string;
  /**
   * Slack Web API base URL, for a Slack-compatible endpoint (`SLACK_API_URL`).
   *
   * @default - unset: the Slack client's own default
   */
  readonly slackApiUrl?: string;
};

export type WatchdogFunctionProps = {
  /** Where the function finds its settings, topic, secret and state. */
  readonly environment: WatchdogEnvironment;
  /**
   * How long the function's logs are kept.
   *
   * @default logs.RetentionDays.THREE_MONTHS
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * Level of the function's structured logs.
   *
   * @default 'INFO'
   */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /**
   * Memory of the function in MB. Accounts with tens of thousands of meters
   * need more: the whole window of Cost Explorer data is held in memory.
   *
   * @default 512
   */
  readonly memoryMb?: number;
};

const PROJECT_ROOT = path.join(__dirname, '..');

/** The Cost Explorer reads a run makes; see DESIGN.md, "Data collected per run". */
export const COST_EXPLORER_READS = [
  'ce:GetCostAndUsage',
  'ce:GetDimensionValues',
  'ce:GetAnomalies',
  'ce:GetAnomalyMonitors',
  'ce:GetCostForecast',
] as const;

// One run reads its Cost Explorer pages one at a time into a compact log,
// builds up to 400 days of daily series and renders two messages. Even an
// account of 50,000 meters peaks near 320 MB (`npm run bench`); and Lambda
// gives CPU in proportion to memory, which shortens the cold start of a
// bundle holding five SDK clients, while a daily run costs next to nothing
// either way.
export const DEFAULT_FUNCTION_MEMORY_MB = 512;

// The longest honest run: each AWS call is held to about 60 s in the worst
// case, retries and timeouts included (Cost Explorer pages, then SNS and
// DynamoDB), and Slack waits out its rate limits only up to a deadline the
// handler takes from the time left. Five minutes covers a run in which
// several calls hit their worst case, without letting a stuck call run on
// to the 15-minute maximum.
const TIMEOUT = Duration.minutes(5);

// ESM output has no `require`; some bundled CommonJS dependencies call it
// for Node built-ins, so the bundle defines one first.
const CREATE_REQUIRE_BANNER =
  "import { createRequire as createWatchdogRequire } from 'node:module';" +
  'const require = createWatchdogRequire(import.meta.url);';

/**
 * The watchdog's Lambda function: lambda/handler.ts bundled locally with
 * esbuild (never Docker) as minified ESM with source maps, the AWS SDK
 * included, on Node.js 22 and arm64, one run at a time, with its own role
 * and log group.
 */
export class WatchdogFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: WatchdogFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
    });
    this.role = this.createRole();
    this.fn = this.createFunction(props);
    this.acknowledgeFindings();
  }

  private createRole(): iam.Role {
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Runs the llm-cost-watchdog function',
    });

    this.logGroup.grantWrite(role);
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadCostExplorer',
        actions: [...COST_EXPLORER_READS],
        resources: ['*'],
      }),
    );
    return role;
  }

  private createFunction(props: WatchdogFunctionProps): NodejsFunction {
    return new NodejsFunction(this, 'Function', {
      description: 'Reads Cost Explorer daily and reports LLM and AI cost findings',
      entry: path.join(PROJECT_ROOT, 'lambda', 'handler.ts'),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memoryMb ?? DEFAULT_FUNCTION_MEMORY_MB,
      timeout: TIMEOUT,
      // Runs never overlap, so a retry and a manual run cannot post twice at once.
      reservedConcurrentExecutions: 1,
      role: this.role,
      logGroup: this.logGroup,
      environment: functionEnvironment(props),
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        mainFields: ['module', 'main'],
        banner: CREATE_REQUIRE_BANNER,
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        target: 'node22',
        // Bundle the AWS SDK too: the deployed client is then the one tested.
        externalModules: [],
        logLevel: LogLevel.WARNING,
      },
    });
  }

  private acknowledgeFindings(): void {
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the Cost Explorer reads (ce:GetCostAndUsage, GetDimensionValues, GetAnomalies, ' +
        'GetAnomalyMonitors, GetCostForecast) use Resource *: Cost Explorer does not support ' +
        'resource-level permissions for them.',
    });

    const runtimeReason =
      'Node.js 22 is pinned on purpose: the bundle targets node22 and the runtime changes ' +
      'only with a release that was tested on the new one, never by itself (NODEJS_LATEST).';
    Validations.of(this.fn).acknowledge(
      { id: 'AwsSolutions-L1', reason: runtimeReason },
      { id: 'Serverless-LambdaLatestVersion', reason: runtimeReason },
      {
        id: 'Serverless-LambdaDLQ',
        reason:
          'Failed runs go to an SQS on-failure destination of the asynchronous invoke ' +
          'configuration, which keeps the error with the event; a dead-letter config would not.',
      },
      {
        id: 'Serverless-LambdaTracing',
        reason:
          'One run a day, logged as structured JSON with Powertools metrics; X-Ray would add ' +
          'xray:PutTraceSegments on Resource * to a role that is otherwise scoped.',
      },
    );
  }
}

function functionEnvironment(props: WatchdogFunctionProps): Record<string, string> {
  const env = props.environment;
  return {
    PARAMETER_PREFIX: env.parameterPrefix,
    TOPIC_ARN: env.topicArn,
    SLACK_TOKEN_SECRET_ARN: env.slackTokenSecretArn,
    STATE_TABLE_NAME: env.stateTableName,
    ...(env.slackApiUrl ? { SLACK_API_URL: env.slackApiUrl } : {}),
    POWERTOOLS_SERVICE_NAME: 'llm-cost-watchdog',
    POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
    POWERTOOLS_METRICS_NAMESPACE: 'LlmCostWatchdog',
    NODE_OPTIONS: '--enable-source-maps',
  };
}
