import { Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { DeployConfigError } from '../../lib/deploy-config-error';
import { FailureHandling } from '../../lib/failure-handling';
import { fixtureFunction, testStack } from './fixtures';

function failureHandling(props: { missedRunHours?: number; retryAttempts?: number } = {}) {
  const stack = testStack();
  const alarmTopic = new sns.Topic(stack, 'Topic');
  new FailureHandling(stack, 'Failures', { fn: fixtureFunction(stack), alarmTopic, ...props });
  return Template.fromStack(stack);
}

describe('FailureHandling', () => {
  it.each([
    [2, 2],
    [48, 48],
    [168, 168],
  ])('alarms after %d quiet hours when asked for %d', (hours, periods) => {
    failureHandling({ missedRunHours: hours }).hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Invocations',
      EvaluationPeriods: periods,
      DatapointsToAlarm: periods,
    });
  });

  it.each([1, 169, 25.5])('refuses a missed-run window of %p hours', (hours) => {
    expect(() => failureHandling({ missedRunHours: hours })).toThrow(DeployConfigError);
    expect(() => failureHandling({ missedRunHours: hours })).toThrow(/whole hours from 2 to 168/);
  });

  it('retries as many times as asked', () => {
    failureHandling({ retryAttempts: 0 }).hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 0,
    });
  });
});
