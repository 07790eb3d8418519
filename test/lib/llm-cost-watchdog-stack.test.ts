import { type Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { SETTINGS_TABLE } from '../../lambda/settings/defaults';
import { createWatchdogApp } from '../../lib/watchdog-app';
import { type SynthesizedWatchdog, synthWatchdog, unacknowledgedFindings } from './synth-watchdog';

const ARN_PREFIX = 'arn:<AWS::Partition>:ssm:<AWS::Region>:<AWS::AccountId>:parameter';

let watchdog: SynthesizedWatchdog;

beforeAll(() => {
  watchdog = synthWatchdog();
});

afterAll(() => watchdog.cleanUp());

/** The one resource of a type, with its logical id. */
function only(type: string): { id: string; properties: Record<string, unknown> } {
  const found = Object.entries(watchdog.template.findResources(type));
  expect(found).toHaveLength(1);
  const [id, resource] = found[0] as [string, { Properties: Record<string, unknown> }];
  return { id, properties: resource.Properties };
}

describe('the schedule', () => {
  it('runs daily at 09:00 UTC with no flexible window', () => {
    watchdog.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 9 * * ? *)',
      ScheduleExpressionTimezone: 'Etc/UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
    });
  });

  it('invokes the function, retries 3 times in an hour, then uses the dead-letter queue', () => {
    const { properties } = only('AWS::Scheduler::Schedule');
    const target = properties.Target as Record<string, unknown>;

    expect(watchdog.readable.text(target.Arn)).toBe('<Watchdog/Function.Arn>');
    expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 });
    expect(watchdog.readable.text((target.DeadLetterConfig as { Arn: unknown }).Arn)).toBe(
      '<Failures/DeadLetterQueue.Arn>',
    );
  });
});

describe('the function', () => {
  it('runs Node.js 22 on arm64 with 512 MB, 5 minutes and one run at a time', () => {
    watchdog.template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 512,
      Timeout: 300,
      ReservedConcurrentExecutions: 1,
      Handler: 'index.handler',
    });
  });

  it('gets exactly the environment the handler reads', () => {
    const [fn] = Object.values(
      watchdog.template.findResources('AWS::Lambda::Function', {
        Properties: { Runtime: 'nodejs22.x' },
      }),
    ) as { Properties: { Environment: { Variables: Record<string, unknown> } } }[];
    const variables = fn?.Properties.Environment.Variables ?? {};
    const readable = Object.fromEntries(
      Object.entries(variables).map(([name, value]) => [name, watchdog.readable.text(value)]),
    );

    expect(readable).toEqual({
      PARAMETER_PREFIX: '/llm-cost-watchdog/',
      TOPIC_ARN: '<Alerts/Topic>',
      SLACK_TOKEN_SECRET_ARN: '<SlackToken/Secret>',
      STATE_TABLE_NAME: '<State/Table>',
      POWERTOOLS_SERVICE_NAME: 'llm-cost-watchdog',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      POWERTOOLS_METRICS_NAMESPACE: 'LlmCostWatchdog',
      NODE_OPTIONS: '--enable-source-maps',
    });
  });

  it('keeps its logs 90 days in its own log group', () => {
    watchdog.template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('^WatchdogLogs') } },
    });
    watchdog.template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  it('retries a failed run twice, keeps it up to 6 hours, then sends it to the queue', () => {
    const { properties } = only('AWS::Lambda::EventInvokeConfig');

    expect(properties.MaximumRetryAttempts).toBe(2);
    expect(properties.MaximumEventAgeInSeconds).toBe(6 * 3600);
    const destination = (properties.DestinationConfig as { OnFailure: { Destination: unknown } })
      .OnFailure.Destination;
    expect(watchdog.readable.text(destination)).toBe('<Failures/DeadLetterQueue.Arn>');
  });
});

describe('permissions', () => {
  const ce = [
    'ce:GetCostAndUsage',
    'ce:GetDimensionValues',
    'ce:GetAnomalies',
    'ce:GetAnomalyMonitors',
    'ce:GetCostForecast',
  ];

  it('grants each role exactly these statements', () => {
    const statements = watchdog.readable
      .iamStatements()
      .map(({ policy, effect, actions, resources }) => [policy, effect, actions, resources]);

    expect(statements).toEqual([
      [
        'Settings/WriterRole/DefaultPolicy',
        'Allow',
        ['ssm:PutParameter', 'ssm:DeleteParameter'],
        [`${ARN_PREFIX}/llm-cost-watchdog/*`],
      ],
      [
        'Settings/WriterRole/DefaultPolicy',
        'Allow',
        ['logs:CreateLogStream', 'logs:PutLogEvents'],
        ['<Settings/WriterLogs.Arn>'],
      ],
      [
        'Watchdog/Role/DefaultPolicy',
        'Allow',
        ['logs:CreateLogStream', 'logs:PutLogEvents'],
        ['<Watchdog/Logs.Arn>'],
      ],
      ['Watchdog/Role/DefaultPolicy', 'Allow', ce, ['*']],
      [
        'Watchdog/Role/DefaultPolicy',
        'Allow',
        ['ssm:GetParametersByPath'],
        [`${ARN_PREFIX}/llm-cost-watchdog`, `${ARN_PREFIX}/llm-cost-watchdog/*`],
      ],
      [
        'Watchdog/Role/DefaultPolicy',
        'Allow',
        ['secretsmanager:GetSecretValue'],
        ['<SlackToken/Secret>'],
      ],
      ['Watchdog/Role/DefaultPolicy', 'Allow', ['sns:Publish'], ['<Alerts/Topic>']],
      [
        'Watchdog/Role/DefaultPolicy',
        'Allow',
        ['kms:GenerateDataKey', 'kms:Decrypt'],
        ['<Alerts/Key.Arn>'],
      ],
      [
        'Watchdog/Role/DefaultPolicy',
        'Allow',
        [
          'dynamodb:GetItem',
          'dynamodb:Query',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:DeleteItem',
          'dynamodb:BatchWriteItem',
        ],
        ['<State/Table.Arn>'],
      ],
      [
        'Watchdog/Role/DefaultPolicy',
        'Allow',
        ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
        ['<Failures/DeadLetterQueue.Arn>'],
      ],
      [
        'Schedule/Role/DefaultPolicy',
        'Allow',
        ['lambda:InvokeFunction'],
        ['<Watchdog/Function.Arn>', '<Watchdog/Function.Arn>:*'],
      ],
      [
        'Schedule/Role/DefaultPolicy',
        'Allow',
        ['sqs:SendMessage'],
        ['<Failures/DeadLetterQueue.Arn>'],
      ],
    ]);
  });

  it('uses Resource * only for the Cost Explorer reads', () => {
    const unscoped = watchdog.readable
      .iamStatements()
      .filter((statement) => statement.resources.some((resource) => resource === '*'));

    expect(unscoped.map((statement) => statement.actions)).toEqual([ce]);
  });

  it('attaches no managed policy to any role', () => {
    for (const role of Object.values(watchdog.template.findResources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe('encryption and transport', () => {
  it('encrypts the topic with its own rotating key', () => {
    const topic = only('AWS::SNS::Topic');
    const key = only('AWS::KMS::Key');

    expect(watchdog.readable.text(topic.properties.KmsMasterKeyId)).toBe('<Alerts/Key.Arn>');
    expect(key.properties.EnableKeyRotation).toBe(true);
  });

  it('schedules the key for deletion 7 days after the stack goes, as SNS keeps no messages', () => {
    watchdog.template.hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ PendingWindowInDays: 7 }),
    });
  });

  it('lets CloudWatch alarms use the key and publish to the topic of this account', () => {
    watchdog.template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
    watchdog.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          }),
        ]),
      },
    });
  });

  it.each([
    ['AWS::SNS::TopicPolicy', 'sns:Publish'],
    ['AWS::SQS::QueuePolicy', 'sqs:*'],
  ])('denies requests without TLS in the %s', (type, action) => {
    watchdog.template.hasResourceProperties(type, {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: action,
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('encrypts the dead-letter queue and keeps a message 14 days', () => {
    watchdog.template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
  });
});

describe('alarms', () => {
  it.each([
    [
      'errors',
      'Errors',
      'AWS/Lambda',
      'Sum',
      3600,
      'GreaterThanOrEqualToThreshold',
      1,
      1,
      'notBreaching',
    ],
    [
      'dead letters',
      'ApproximateNumberOfMessagesVisible',
      'AWS/SQS',
      'Maximum',
      300,
      'GreaterThanOrEqualToThreshold',
      1,
      1,
      'notBreaching',
    ],
    [
      'a missed run',
      'Invocations',
      'AWS/Lambda',
      'Sum',
      3600,
      'LessThanThreshold',
      1,
      26,
      'breaching',
    ],
  ])(
    'alarms on %s: %s (%s, %s over %ss) %s %d for %d periods, missing data %s',
    (_name, metric, namespace, statistic, period, comparison, threshold, periods, missing) => {
      watchdog.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: metric,
        Namespace: namespace,
        Statistic: statistic,
        Period: period,
        ComparisonOperator: comparison,
        Threshold: threshold,
        EvaluationPeriods: periods,
        DatapointsToAlarm: periods === 1 ? Match.absent() : periods,
        TreatMissingData: missing,
      });
    },
  );

  it('sends every alarm to the alert topic', () => {
    const alarms = Object.values(watchdog.template.findResources('AWS::CloudWatch::Alarm'));

    expect(alarms).toHaveLength(3);
    for (const alarm of alarms) {
      expect(
        alarm.Properties.AlarmActions.map((arn: unknown) => watchdog.readable.text(arn)),
      ).toEqual(['<Alerts/Topic>']);
    }
  });

  it('spans 26 hourly periods, within the seven days CloudWatch allows for them', () => {
    const [alarm] = Object.values(
      watchdog.template.findResources('AWS::CloudWatch::Alarm', {
        Properties: { MetricName: 'Invocations' },
      }),
    );

    expect(alarm?.Properties.Period).toBe(3600);
    expect(alarm?.Properties.Period * alarm?.Properties.EvaluationPeriods).toBe(26 * 3600);
  });
});

describe('settings parameters', () => {
  type PutCall = { action: string; parameters: Record<string, unknown> };

  function putCalls(): PutCall[] {
    return Object.values(watchdog.template.findResources('Custom::SettingParameter')).map(
      (resource) => JSON.parse(resource.Properties.Create) as PutCall,
    );
  }

  it('creates one parameter per setting, no more', () => {
    expect(putCalls()).toHaveLength(SETTINGS_TABLE.length);
  });

  it.each(SETTINGS_TABLE.map((spec) => [spec.parameter, spec]))(
    'creates %s with its default and description, never overwriting',
    (_parameter, spec) => {
      const call = putCalls().find(
        (put) => put.parameters.Name === `/llm-cost-watchdog/${spec.parameter}`,
      );

      expect(call).toEqual({
        service: 'SSM',
        action: 'putParameter',
        parameters: {
          Name: `/llm-cost-watchdog/${spec.parameter}`,
          Value: spec.defaultValue,
          Type: 'String',
          Description: spec.description,
          Overwrite: false,
        },
        physicalResourceId: { id: `/llm-cost-watchdog/${spec.parameter}` },
        ignoreErrorCodesMatching: '^ParameterAlreadyExists$',
      });
    },
  );

  it('makes the same call on update, so a redeploy keeps what an operator put', () => {
    for (const resource of Object.values(
      watchdog.template.findResources('Custom::SettingParameter'),
    )) {
      expect(JSON.parse(resource.Properties.Update)).toEqual(
        JSON.parse(resource.Properties.Create),
      );
    }
  });

  it('deletes the parameter it created when it leaves the stack', () => {
    for (const resource of Object.values(
      watchdog.template.findResources('Custom::SettingParameter'),
    )) {
      expect(JSON.parse(resource.Properties.Delete)).toEqual({
        service: 'SSM',
        action: 'deleteParameter',
        parameters: { Name: 'PHYSICAL:RESOURCEID:' },
        ignoreErrorCodesMatching: '^ParameterNotFound$',
      });
    }
  });

  it('writes them with a function that needs no SDK download at deploy time', () => {
    watchdog.template.allResourcesProperties('Custom::SettingParameter', {
      InstallLatestAwsSdk: false,
    });
  });
});

describe('the state table', () => {
  it('is on demand with pk, sk, the expiresAt TTL and point-in-time recovery', () => {
    watchdog.template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it('is retained when the stack is deleted', () => {
    watchdog.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });
});

describe('outputs', () => {
  it('names everything the README commands need', () => {
    const outputs = watchdog.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    const values = Object.fromEntries(
      Object.entries(outputs).map(([name, output]) => [name, watchdog.readable.text(output.Value)]),
    );

    expect(values).toEqual({
      FunctionName: '<Watchdog/Function>',
      TopicArn: '<Alerts/Topic>',
      SlackTokenSecretName: 'LlmCostWatchdog/slack-bot-token',
      ParameterPrefix: '/llm-cost-watchdog/',
      StateTableName: '<State/Table>',
      DeadLetterQueueUrl: '<Failures/DeadLetterQueue>',
    });
  });
});

describe('cdk-nag', () => {
  it('leaves no AwsSolutions or Serverless finding unacknowledged', () => {
    expect(unacknowledgedFindings(watchdog.app)).toEqual([]);
  });

  it('gives every acknowledgement a reason of its own', () => {
    const reasons = watchdog.app.node
      .findAll()
      .flatMap((construct) => construct.node.metadata)
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.values(entry.data as Record<string, string>));

    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason.length).toBeGreaterThan(60);
  });

  it.each([
    [
      'an error',
      'AwsSolutions-SQS3',
      (stack: Stack) => new sqs.Queue(stack, 'Unreviewed', { enforceSSL: true }),
    ],
    [
      'a warning',
      'AwsSolutions-DDB3',
      (stack: Stack) =>
        new dynamodb.Table(stack, 'Unreviewed', {
          partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
        }),
    ],
  ])('fails synth on %s nobody acknowledged (%s)', (_level, rule, addResource) => {
    const { app, stack } = createWatchdogApp({
      context: { 'aws:cdk:bundling-stacks': [] },
      outdir: watchdog.app.outdir,
      builtinCloudFormationValidation: false,
    });
    addResource(stack);

    expect(() => app.synth()).toThrow(rule);
  });

  it('synthesizes with no warning or error annotation', () => {
    Annotations.fromStack(watchdog.stack).hasNoWarning('*', Match.anyValue());
    Annotations.fromStack(watchdog.stack).hasNoError('*', Match.anyValue());
  });
});

describe('the template', () => {
  it('matches the reviewed snapshot, asset hashes aside', () => {
    const text = JSON.stringify(watchdog.template.toJSON(), null, 2).replace(
      /[0-9a-f]{64}(\.zip)?/g,
      '<asset hash>',
    );

    expect(JSON.parse(text)).toMatchSnapshot();
  });
});
