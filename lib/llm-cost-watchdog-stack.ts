import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { AlertTopic } from './alert-topic';
import { DeployConfigError } from './deploy-config-error';
import { FailureHandling } from './failure-handling';
import { SettingsParameters } from './settings-parameters';
import { SlackTokenSecret } from './slack-token-secret';
import { StateTable } from './state-table';
import { WatchdogFunction } from './watchdog-function';
import { WatchdogSchedule } from './watchdog-schedule';

/** Everything a deployer chooses; each is also a CDK context value of the same name. */
export type WatchdogChoices = {
  /**
   * Slack channel ID (C0123456789) or name (#llm-costs): the initial value
   * of the `slack-channel` parameter.
   *
   * @default - no channel: alerts go to SNS only until one is set
   */
  readonly slackChannel?: string;
  /**
   * Base URL of the Slack Web API, for a Slack-compatible endpoint.
   *
   * @default - the Slack client's own default, https://slack.com/api/
   */
  readonly slackApiUrl?: string;
  /**
   * When to run, as an EventBridge Scheduler cron expression.
   *
   * @default 'cron(0 9 * * ? *)'
   */
  readonly scheduleCron?: string;
  /**
   * IANA time zone of the schedule.
   *
   * @default 'Etc/UTC'
   */
  readonly scheduleTimeZone?: string;
  /**
   * SSM path the settings live under.
   *
   * @default '/llm-cost-watchdog/'
   */
  readonly parameterPrefix?: string;
  /**
   * An existing secret holding the Slack bot token, by name or ARN.
   *
   * @default - a new secret with a placeholder value
   */
  readonly existingSlackSecret?: string;
  /**
   * ARN of an existing SNS topic for alerts and alarms.
   *
   * @default - a new topic encrypted with a customer managed key
   */
  readonly existingTopicArn?: string;
  /**
   * ARN of the customer managed KMS key of the existing topic.
   *
   * @default - the existing topic needs no key permission
   */
  readonly existingTopicKeyArn?: string;
  /**
   * E-mail addresses to subscribe to the alert topic.
   *
   * @default - none
   */
  readonly alertEmails?: readonly string[];
  /**
   * Days the function's logs are kept: a value CloudWatch Logs offers
   * (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, ...).
   *
   * @default 90
   */
  readonly logRetentionDays?: number;
  /**
   * Memory of the function in MB, from 128 to 10240. Raise it for accounts
   * with tens of thousands of meters (see the README's performance section).
   *
   * @default 512
   */
  readonly functionMemoryMb?: number;
  /**
   * Monthly budget in dollars for LLM and AI spend: the initial value of the
   * `monthly-budget-usd` parameter, which turns on the forecast check.
   *
   * @default - no budget
   */
  readonly monthlyBudgetUsd?: number;
  /**
   * Whether deploys overwrite the settings parameters with the stack's
   * values (see SettingsParameters). Off, an operator's tuning is kept.
   *
   * @default false
   */
  readonly overwriteSettings?: boolean;
};

export type LlmCostWatchdogStackProps = StackProps & WatchdogChoices;

// The retention periods CloudWatch Logs accepts, by number of days.
const RETENTION_DAYS = new Set(
  Object.values(logs.RetentionDays).filter((days) => typeof days === 'number'),
);

/**
 * The whole watchdog in one stack: schedule, function, settings parameters,
 * Slack token secret, alert topic, state table and failure handling.
 */
export class LlmCostWatchdogStack extends Stack {
  readonly settings: SettingsParameters;
  readonly slackToken: SlackTokenSecret;
  readonly alerts: AlertTopic;
  readonly state: StateTable;
  readonly watchdog: WatchdogFunction;
  readonly failures: FailureHandling;
  readonly schedule: WatchdogSchedule;

  constructor(scope: Construct, id: string, props: LlmCostWatchdogStackProps = {}) {
    super(scope, id, props);

    const logRetention = retentionOf(props.logRetentionDays ?? 90);
    this.settings = this.createSettings(props, logRetention);
    this.slackToken = new SlackTokenSecret(this, 'SlackToken', {
      existingSecret: props.existingSlackSecret,
    });
    this.alerts = new AlertTopic(this, 'Alerts', {
      existingTopicArn: props.existingTopicArn,
      existingTopicKeyArn: props.existingTopicKeyArn,
      emails: props.alertEmails,
    });
    this.state = new StateTable(this, 'State');

    this.watchdog = this.createFunction(props, logRetention);
    this.failures = new FailureHandling(this, 'Failures', {
      fn: this.watchdog.fn,
      alarmTopic: this.alerts.topic,
    });
    this.schedule = this.createSchedule(props);

    this.addOutputs();
  }

  private createSettings(
    choices: WatchdogChoices,
    logRetention: logs.RetentionDays,
  ): SettingsParameters {
    return new SettingsParameters(this, 'Settings', {
      prefix: choices.parameterPrefix,
      values: chosenSettings(choices),
      overwriteValues: choices.overwriteSettings,
      logRetention,
    });
  }

  private createFunction(
    choices: WatchdogChoices,
    logRetention: logs.RetentionDays,
  ): WatchdogFunction {
    const watchdog = new WatchdogFunction(this, 'Watchdog', {
      environment: {
        parameterPrefix: this.settings.prefix,
        topicArn: this.alerts.topic.topicArn,
        slackTokenSecretArn: this.slackToken.secret.secretArn,
        stateTableName: this.state.table.tableName,
        slackApiUrl: validSlackApiUrl(choices.slackApiUrl),
      },
      logRetention,
      memoryMb: validMemory(choices.functionMemoryMb),
    });

    this.settings.grantRead(watchdog.role);
    this.slackToken.grantRead(watchdog.role);
    this.alerts.grantPublish(watchdog.role);
    this.state.grantReadWrite(watchdog.role);
    return watchdog;
  }

  private createSchedule(choices: WatchdogChoices): WatchdogSchedule {
    return new WatchdogSchedule(this, 'Schedule', {
      target: this.watchdog.fn,
      cron: choices.scheduleCron,
      timeZone: choices.scheduleTimeZone,
      deadLetterQueue: this.failures.deadLetterQueue,
    });
  }

  private addOutputs(): void {
    const outputs = {
      FunctionName: ['The watchdog function', this.watchdog.fn.functionName],
      TopicArn: ['The SNS topic alerts and alarms go to', this.alerts.topic.topicArn],
      SlackTokenSecretName: ['Put the Slack bot token here', this.slackToken.secretName],
      ParameterPrefix: ['The settings live under this SSM path', this.settings.prefix],
      StateTableName: ['What was already said', this.state.table.tableName],
      DeadLetterQueueUrl: ['Failed runs, with their error', this.failures.deadLetterQueue.queueUrl],
    } as const;

    for (const [id, [description, value]] of Object.entries(outputs)) {
      new CfnOutput(this, id, { description, value });
    }
  }
}

/** The parameters whose initial value the deployer chose. */
function chosenSettings(choices: WatchdogChoices): Record<string, string> {
  const values: Record<string, string> = {};
  if (choices.slackChannel !== undefined) values['slack-channel'] = choices.slackChannel;
  if (choices.monthlyBudgetUsd !== undefined) {
    values['monthly-budget-usd'] = String(choices.monthlyBudgetUsd);
  }
  return values;
}

function retentionOf(days: number): logs.RetentionDays {
  if (!RETENTION_DAYS.has(days)) {
    const offered = [...RETENTION_DAYS].filter((value) => value !== logs.RetentionDays.INFINITE);
    throw new DeployConfigError(
      `logRetentionDays ${days} is not a retention CloudWatch Logs offers. Use one of ` +
        `${offered.join(', ')}, or ${logs.RetentionDays.INFINITE} to keep logs forever.`,
    );
  }
  return days as logs.RetentionDays;
}

function validMemory(megabytes: number | undefined): number | undefined {
  if (megabytes === undefined) return undefined;
  if (!Number.isInteger(megabytes) || megabytes < 128 || megabytes > 10_240) {
    throw new DeployConfigError(
      `functionMemoryMb ${megabytes} is not a Lambda memory size. Use a whole number of MB ` +
        'from 128 to 10240, e.g. 2048 for an account with tens of thousands of meters.',
    );
  }
  return megabytes;
}

function validSlackApiUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new DeployConfigError(
      `slackApiUrl "${url}" is not an http(s) URL. Give a base URL like https://slack.com/api/.`,
    );
  }
  return url;
}
