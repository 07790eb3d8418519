import { Template } from 'aws-cdk-lib/assertions';
import { DeployConfigError } from '../../lib/deploy-config-error';
import { WatchdogSchedule } from '../../lib/watchdog-schedule';
import { fixtureFunction, testStack } from './fixtures';

function schedule(cron?: string, timeZone?: string): Template {
  const stack = testStack();
  new WatchdogSchedule(stack, 'Schedule', { target: fixtureFunction(stack), cron, timeZone });
  return Template.fromStack(stack);
}

describe('WatchdogSchedule', () => {
  it.each([
    ['cron(15 6 * * ? *)', 'cron(15 6 * * ? *)'],
    ['15 6 * * ? *', 'cron(15 6 * * ? *)'],
    ['  cron( 15  6 * * ? * ) ', 'cron(15 6 * * ? *)'],
  ])('reads %p as %p', (cron, expression) => {
    schedule(cron).hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: expression,
    });
  });

  it.each(['America/New_York', 'Asia/Tokyo', 'Etc/UTC'])('runs in the time zone %s', (zone) => {
    schedule(undefined, zone).hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 9 * * ? *)',
      ScheduleExpressionTimezone: zone,
    });
  });

  it.each(['rate(1 day)', '0 9 * * ?', 'cron(0 9 * * ? * *)'])('refuses %p', (cron) => {
    expect(() => schedule(cron)).toThrow(DeployConfigError);
    expect(() => schedule(cron)).toThrow(/six fields/);
  });

  it('grants its role only the invocation of its target', () => {
    const policies = Object.values(schedule().findResources('AWS::IAM::Policy'));

    expect(policies).toHaveLength(1);
    expect(policies[0]?.Properties.PolicyDocument.Statement).toEqual([
      expect.objectContaining({ Action: 'lambda:InvokeFunction', Effect: 'Allow' }),
    ]);
  });
});
