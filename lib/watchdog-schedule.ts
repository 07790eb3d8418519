import { CfnElement, Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DeployConfigError } from './deploy-config-error';

/**
 * 09:00 UTC daily. Cost Explorer closes a day at midnight UTC and refreshes
 * at least once a day; nine hours later the closed day has usually been
 * refreshed, and the report is waiting at the start of the European day and
 * before the American one. Days still marked estimated are never alerted on
 * as drops, so an early run is safe, only less complete.
 */
export const DEFAULT_SCHEDULE_CRON = 'cron(0 9 * * ? *)';
export const DEFAULT_SCHEDULE_TIME_ZONE = 'Etc/UTC';

export type WatchdogScheduleProps = {
  /** The function the schedule invokes. */
  readonly target: lambda.IFunction;
  /**
   * When to run: an EventBridge Scheduler cron expression, `cron(...)` with
   * six fields (minutes hours day-of-month month day-of-week year), or just
   * the six fields. The missed-run alarm expects at least one run a day.
   *
   * @default 'cron(0 9 * * ? *)'
   */
  readonly cron?: string;
  /**
   * IANA time zone the cron expression is read in, such as `Europe/Berlin`.
   *
   * @default 'Etc/UTC'
   */
  readonly timeZone?: string;
  /**
   * Where the schedule puts an invocation it could not deliver after its
   * retries.
   *
   * @default - no dead-letter queue
   */
  readonly deadLetterQueue?: sqs.IQueue;
};

const CRON = /^cron\((.*)\)$/;

/**
 * The EventBridge Scheduler schedule that runs the watchdog daily at a fixed
 * time in a chosen time zone, with no flexible window and a bounded retry
 * policy for the invocation.
 */
export class WatchdogSchedule extends Construct {
  readonly schedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: WatchdogScheduleProps) {
    super(scope, id);

    const expression = scheduler.ScheduleExpression.expression(
      validCron(props.cron ?? DEFAULT_SCHEDULE_CRON),
      validTimeZone(props.timeZone ?? DEFAULT_SCHEDULE_TIME_ZONE),
    );

    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com'),
      description: 'Lets the llm-cost-watchdog schedule invoke its function',
    });
    Validations.of(role).acknowledge({
      id: qualifiedArnFinding(props.target),
      reason:
        'The Scheduler target grants lambda:InvokeFunction on the function and on its ' +
        'qualified ARNs (:*); the function has no versions or aliases, so this is one function.',
    });

    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      description: 'Runs the llm-cost-watchdog once a day',
      schedule: expression,
      timeWindow: scheduler.TimeWindow.off(),
      target: new targets.LambdaInvoke(props.target, {
        // The invocation is asynchronous: these retries cover Lambda not
        // accepting it; a failing run is retried by Lambda itself.
        retryAttempts: 3,
        maxEventAge: Duration.hours(1),
        deadLetterQueue: props.deadLetterQueue,
        role,
      }),
    });
  }
}

function validCron(cron: string): string {
  const trimmed = cron.trim();
  const fields = (CRON.exec(trimmed)?.[1] ?? trimmed).trim().split(/\s+/);
  if (fields.length !== 6) {
    throw new DeployConfigError(
      `scheduleCron "${cron}" is not an EventBridge Scheduler cron expression: it needs six ` +
        'fields (minutes hours day-of-month month day-of-week year), ' +
        `like ${DEFAULT_SCHEDULE_CRON}.`,
    );
  }
  return `cron(${fields.join(' ')})`;
}

function validTimeZone(name: string): TimeZone {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
  } catch (error) {
    throw new DeployConfigError(
      `scheduleTimeZone "${name}" is not an IANA time zone. Give a name like Etc/UTC, ` +
        'Europe/Berlin or America/New_York.',
      { cause: error },
    );
  }
  return TimeZone.of(name);
}

/** The cdk-nag finding for `<function>.Arn:*`, which names the function's logical id. */
function qualifiedArnFinding(fn: lambda.IFunction): string {
  const resource = fn.node.defaultChild;
  const logicalId = CfnElement.isCfnElement(resource)
    ? Stack.of(fn).getLogicalId(resource)
    : fn.node.id;
  return `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`;
}
