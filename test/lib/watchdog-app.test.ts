import { Match } from 'aws-cdk-lib/assertions';
import { SETTINGS_TABLE } from '../../lambda/settings/defaults';
import { DeployConfigError } from '../../lib/deploy-config-error';
import { createWatchdogApp, STACK_NAME } from '../../lib/watchdog-app';
import { type SynthesizedWatchdog, synthWatchdog, unacknowledgedFindings } from './synth-watchdog';

const TOPIC_ARN = 'arn:aws:sns:eu-central-1:123456789012:finops-alerts';
const KEY_ARN = 'arn:aws:kms:eu-central-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

// Every choice, as `cdk deploy -c key=value` passes it: as text.
const CHOICES = {
  slackChannel: 'C0123456789',
  slackApiUrl: 'http://127.0.0.1:9999/api/',
  scheduleCron: 'cron(30 7 * * ? *)',
  scheduleTimeZone: 'Europe/Berlin',
  parameterPrefix: '/finops/llm-watchdog',
  existingSlackSecret: 'finops/slack-bot-token',
  existingTopicArn: TOPIC_ARN,
  existingTopicKeyArn: KEY_ARN,
  alertEmails: 'finops@example.com,platform@example.com',
  logRetentionDays: '30',
  functionMemoryMb: '2048',
  monthlyBudgetUsd: '2500',
  overwriteSettings: 'true',
};

describe('the app with every context value set', () => {
  let watchdog: SynthesizedWatchdog;

  beforeAll(() => {
    watchdog = synthWatchdog(CHOICES);
  });

  afterAll(() => watchdog.cleanUp());

  it('names the stack for the README commands', () => {
    expect(watchdog.stack.stackName).toBe(STACK_NAME);
  });

  it('schedules with the chosen cron expression and time zone', () => {
    watchdog.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 7 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Berlin',
    });
  });

  it('gives the function the chosen prefix, topic, secret and Slack API URL', () => {
    watchdog.template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Environment: {
        Variables: Match.objectLike({
          PARAMETER_PREFIX: '/finops/llm-watchdog/',
          TOPIC_ARN,
          SLACK_API_URL: 'http://127.0.0.1:9999/api/',
        }),
      },
    });
  });

  it('gives the function the chosen memory', () => {
    watchdog.template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      MemorySize: 2048,
    });
  });

  it('uses the existing secret and topic instead of creating them', () => {
    watchdog.template.resourceCountIs('AWS::SecretsManager::Secret', 0);
    watchdog.template.resourceCountIs('AWS::SNS::Topic', 0);
    watchdog.template.resourceCountIs('AWS::KMS::Key', 0);
  });

  it('scopes the permissions to the chosen secret, topic, key and prefix', () => {
    const granted = watchdog.readable
      .iamStatements()
      .filter((statement) => statement.policy === 'Watchdog/Role/DefaultPolicy')
      .map((statement) => [statement.actions, statement.resources]);
    const ssm =
      'arn:<AWS::Partition>:ssm:<AWS::Region>:<AWS::AccountId>:parameter/finops/llm-watchdog';
    const secret =
      'arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:' +
      'finops/slack-bot-token-??????';

    expect(granted).toEqual(
      expect.arrayContaining([
        [['ssm:GetParametersByPath'], [ssm, `${ssm}/*`]],
        [['secretsmanager:GetSecretValue'], [secret]],
        [['sns:Publish'], [TOPIC_ARN]],
        [['kms:GenerateDataKey', 'kms:Decrypt'], [KEY_ARN]],
      ]),
    );
  });

  it('subscribes each e-mail address to the existing topic', () => {
    for (const email of ['finops@example.com', 'platform@example.com']) {
      watchdog.template.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: email,
        TopicArn: TOPIC_ARN,
      });
    }
    watchdog.template.resourceCountIs('AWS::SNS::Subscription', 2);
  });

  it('sends the alarms to the existing topic', () => {
    watchdog.template.allResourcesProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: [TOPIC_ARN],
    });
  });

  it('keeps logs for the chosen number of days', () => {
    watchdog.template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('starts the channel and budget parameters at the chosen values', () => {
    const values = Object.fromEntries(
      Object.values(watchdog.template.findResources('Custom::SettingParameter')).map((resource) => {
        const call = JSON.parse(resource.Properties.Create);
        return [call.parameters.Name, call.parameters.Value];
      }),
    );

    expect(values['/finops/llm-watchdog/slack-channel']).toBe('C0123456789');
    expect(values['/finops/llm-watchdog/monthly-budget-usd']).toBe('2500');
    expect(Object.keys(values)).toHaveLength(SETTINGS_TABLE.length);
  });

  it('overwrites every parameter when overwriteSettings is true', () => {
    for (const resource of Object.values(
      watchdog.template.findResources('Custom::SettingParameter'),
    )) {
      const update = JSON.parse(resource.Properties.Update);
      expect(update.parameters.Overwrite).toBe(true);
      expect(update.ignoreErrorCodesMatching).toBeUndefined();
    }
  });

  it('outputs the names of what it used', () => {
    watchdog.template.hasOutput('SlackTokenSecretName', { Value: 'finops/slack-bot-token' });
    watchdog.template.hasOutput('TopicArn', { Value: TOPIC_ARN });
    watchdog.template.hasOutput('ParameterPrefix', { Value: '/finops/llm-watchdog/' });
  });

  it('still leaves no cdk-nag finding unacknowledged', () => {
    expect(unacknowledgedFindings(watchdog.app)).toEqual([]);
  });
});

describe('a choice that cannot work', () => {
  it.each([
    [
      'slackChannel',
      'general',
      /"general" for the setting slack-channel is not valid: .*C0123456789/,
    ],
    ['monthlyBudgetUsd', '0.5', /"0.5" for the setting monthly-budget-usd is not valid/],
    ['scheduleCron', 'cron(0 9 * *)', /scheduleCron "cron\(0 9 \* \*\)" .* six fields/],
    ['scheduleTimeZone', 'Mars/Olympus', /scheduleTimeZone "Mars\/Olympus" is not an IANA/],
    ['parameterPrefix', 'llm-cost-watchdog', /parameterPrefix "llm-cost-watchdog" is not/],
    ['parameterPrefix', '/aws/watchdog/', /not starting with \/aws or \/ssm/],
    ['existingSlackSecret', 'arn:aws:s3:::bucket', /existingSlackSecret .* not a Secrets Manager/],
    ['existingSlackSecret', 'slack token', /existingSlackSecret "slack token" is not a valid/],
    ['existingTopicArn', 'finops-alerts', /existingTopicArn "finops-alerts" is not an SNS/],
    ['existingTopicKeyArn', KEY_ARN, /existingTopicKeyArn is set but existingTopicArn is not/],
    ['alertEmails', 'finops@example.com,finops', /alertEmails: "finops" is not an e-mail/],
    ['logRetentionDays', '42', /logRetentionDays 42 is not a retention .* 30, 60, 90/],
    ['functionMemoryMb', '64', /functionMemoryMb 64 is not a Lambda memory size/],
    ['functionMemoryMb', '20000', /functionMemoryMb 20000 is not a Lambda memory size/],
    ['slackApiUrl', 'slack.com/api', /slackApiUrl "slack.com\/api" is not an http\(s\) URL/],
  ])('stops synth on %s = %p with the fix', (key, value, message) => {
    const build = () =>
      createWatchdogApp({ context: { 'aws:cdk:bundling-stacks': [], [key]: value } });

    expect(build).toThrow(DeployConfigError);
    expect(build).toThrow(message);
  });
});
