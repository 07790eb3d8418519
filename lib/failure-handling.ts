import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DeployConfigError } from './deploy-config-error';

// CloudWatch evaluates hourly periods over at most seven days.
const MAX_HOURLY_PERIODS = 7 * 24;

export type FailureHandlingProps = {
  /** The function whose failed runs are kept and alarmed on. */
  readonly fn: lambda.IFunction;
  /** Where the alarms are sent. */
  readonly alarmTopic: sns.ITopic;
  /**
   * How many times Lambda retries a failed run before it goes to the
   * dead-letter queue.
   *
   * @default 2
   */
  readonly retryAttempts?: number;
  /**
   * How long a run may wait (for example behind another run) before it goes
   * to the dead-letter queue unrun.
   *
   * @default Duration.hours(6)
   */
  readonly maxEventAge?: Duration;
  /**
   * Hours without any invocation after which the missed-run alarm fires.
   * A daily schedule leaves at most 25 hours between runs when a time zone
   * changes to summer time, so 26 is the least that never fires falsely.
   *
   * @default 26
   */
  readonly missedRunHours?: number;
};

/**
 * What happens when a run fails: Lambda retries it, then records the event
 * and the error in an encrypted dead-letter queue; alarms on errors, on that
 * queue and on a run that did not happen go to the alert topic.
 */
export class FailureHandling extends Construct {
  readonly deadLetterQueue: sqs.Queue;
  readonly errorsAlarm: cloudwatch.Alarm;
  readonly deadLetterAlarm: cloudwatch.Alarm;
  readonly missedRunAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: FailureHandlingProps) {
    super(scope, id);

    this.deadLetterQueue = this.createDeadLetterQueue();
    this.configureRetries(props);

    const action = new actions.SnsAction(props.alarmTopic);
    this.errorsAlarm = this.alarmOnErrors(props.fn);
    this.deadLetterAlarm = this.alarmOnDeadLetters();
    this.missedRunAlarm = this.alarmOnMissedRun(props.fn, props.missedRunHours ?? 26);
    for (const alarm of [this.errorsAlarm, this.deadLetterAlarm, this.missedRunAlarm]) {
      alarm.addAlarmAction(action);
    }
  }

  private createDeadLetterQueue(): sqs.Queue {
    const queue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    const reason =
      'This queue is itself the dead-letter destination of the function and the schedule; ' +
      'a message in it raises an alarm, and nothing reads it to fail again.';
    Validations.of(queue).acknowledge(
      { id: 'AwsSolutions-SQS3', reason },
      { id: 'Serverless-SQSRedrivePolicy', reason },
    );
    return queue;
  }

  private configureRetries(props: FailureHandlingProps): void {
    props.fn.configureAsyncInvoke({
      retryAttempts: props.retryAttempts ?? 2,
      maxEventAge: props.maxEventAge ?? Duration.hours(6),
      onFailure: new destinations.SqsDestination(this.deadLetterQueue),
    });
  }

  private alarmOnErrors(fn: lambda.IFunction): cloudwatch.Alarm {
    return new cloudwatch.Alarm(this, 'ErrorsAlarm', {
      alarmDescription:
        'A watchdog run failed (each retry counts). Read the function log group for the error.',
      metric: fn.metricErrors({ period: Duration.hours(1), statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }

  private alarmOnDeadLetters(): cloudwatch.Alarm {
    return new cloudwatch.Alarm(this, 'DeadLetterAlarm', {
      alarmDescription:
        'A watchdog run failed after its retries: its event and error are in the dead-letter ' +
        'queue. Fix the cause, then delete the message.',
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }

  private alarmOnMissedRun(fn: lambda.IFunction, hours: number): cloudwatch.Alarm {
    if (!Number.isInteger(hours) || hours < 2 || hours > MAX_HOURLY_PERIODS) {
      throw new DeployConfigError(
        `missedRunHours ${hours} cannot be an alarm window: give whole hours from 2 to ` +
          `${MAX_HOURLY_PERIODS}, a little more than the longest gap between two runs.`,
      );
    }

    // An hour without invocations has no data point; counting it as
    // breaching makes `hours` quiet hours in a row the alarm.
    return new cloudwatch.Alarm(this, 'MissedRunAlarm', {
      alarmDescription:
        `The watchdog has not run for ${hours} hours. Check that the schedule is enabled ` +
        'and that the function can be invoked.',
      metric: fn.metricInvocations({ period: Duration.hours(1), statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: hours,
      datapointsToAlarm: hours,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
  }
}
