import { App } from 'aws-cdk-lib';
import { DeployConfigError } from '../../lib/deploy-config-error';
import { CONTEXT_KEYS, readDeployContext } from '../../lib/deploy-context';

function read(context: Record<string, unknown>) {
  return readDeployContext(new App({ context }).node);
}

describe('readDeployContext', () => {
  it('reads -c values, which are always text, into typed choices', () => {
    const choices = read({
      slackChannel: ' C0123456789 ',
      alertEmails: 'finops@example.com, ,platform@example.com',
      logRetentionDays: '30',
      monthlyBudgetUsd: '2500.50',
      overwriteSettings: 'TRUE',
      scheduleTimeZone: 'Europe/Berlin',
    });

    expect(choices).toEqual({
      slackChannel: 'C0123456789',
      alertEmails: ['finops@example.com', 'platform@example.com'],
      logRetentionDays: 30,
      monthlyBudgetUsd: 2500.5,
      overwriteSettings: true,
      scheduleTimeZone: 'Europe/Berlin',
    });
  });

  it('reads cdk.json values, which may be JSON arrays, numbers and booleans', () => {
    const choices = read({
      alertEmails: ['finops@example.com'],
      logRetentionDays: 365,
      monthlyBudgetUsd: 900,
      overwriteSettings: false,
    });

    expect(choices).toEqual({
      alertEmails: ['finops@example.com'],
      logRetentionDays: 365,
      monthlyBudgetUsd: 900,
      overwriteSettings: false,
    });
  });

  it('leaves absent and empty values to the defaults', () => {
    expect(read({ slackChannel: '', existingTopicArn: null })).toEqual({});
  });

  it('ignores context that is not a deployer choice', () => {
    expect(read({ 'aws:cdk:bundling-stacks': [], somethingElse: 'x' })).toEqual({});
  });

  it.each([
    ['logRetentionDays', 'ninety', /logRetentionDays must be a whole number/],
    ['logRetentionDays', '90.5', /logRetentionDays must be a whole number/],
    ['monthlyBudgetUsd', '$2500', /monthlyBudgetUsd must be an amount in dollars/],
    ['monthlyBudgetUsd', '-5', /monthlyBudgetUsd must be an amount in dollars/],
    ['overwriteSettings', 'yes', /overwriteSettings must be true or false/],
    ['slackChannel', { id: 'C0123' }, /slackChannel must be text/],
  ])('rejects %s = %p, naming the key', (key, value, message) => {
    expect(() => read({ [key]: value })).toThrow(DeployConfigError);
    expect(() => read({ [key]: value })).toThrow(message);
  });

  it('offers every choice the stack takes, under the same name', () => {
    expect([...CONTEXT_KEYS].sort()).toEqual(
      [
        'alertEmails',
        'existingSlackSecret',
        'existingTopicArn',
        'existingTopicKeyArn',
        'functionMemoryMb',
        'logRetentionDays',
        'monthlyBudgetUsd',
        'overwriteSettings',
        'parameterPrefix',
        'scheduleCron',
        'scheduleTimeZone',
        'slackApiUrl',
        'slackChannel',
      ].sort(),
    );
  });
});
