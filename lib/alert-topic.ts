import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { DeployConfigError } from './deploy-config-error';

export type AlertTopicProps = {
  /**
   * ARN of an existing SNS topic to publish alerts and alarms to, instead of
   * creating one. Its access policy must let CloudWatch alarms publish.
   *
   * @default - a new encrypted topic
   */
  readonly existingTopicArn?: string;
  /**
   * ARN of the KMS key that encrypts the existing topic, when it is a
   * customer managed key: the function then gets permission to use it.
   *
   * @default - the existing topic is not encrypted with a customer managed key
   */
  readonly existingTopicKeyArn?: string;
  /**
   * E-mail addresses to subscribe to the topic. Each address receives a
   * confirmation mail from AWS first.
   *
   * @default - no subscriptions
   */
  readonly emails?: readonly string[];
};

const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;
const TOPIC_ARN = /^arn:[^:]+:sns:[^:]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;
const KEY_ARN = /^arn:[^:]+:kms:[^:]+:\d{12}:key\/[A-Za-z0-9-]+$/;

/**
 * The SNS topic that findings and alarms go to: a new one, encrypted with a
 * customer managed key that CloudWatch alarms may use, and TLS only; or an
 * existing one.
 */
export class AlertTopic extends Construct {
  readonly topic: sns.ITopic;
  /** ARN of the key that encrypts the topic, when the function must use it to publish. */
  readonly keyArn?: string;

  constructor(scope: Construct, id: string, props: AlertTopicProps = {}) {
    super(scope, id);

    if (props.existingTopicKeyArn && !props.existingTopicArn) {
      throw new DeployConfigError(
        'existingTopicKeyArn is set but existingTopicArn is not: the key only matters for an ' +
          'existing topic. Set both, or neither to let the stack create an encrypted topic.',
      );
    }

    if (props.existingTopicArn) {
      this.topic = importTopic(this, props.existingTopicArn);
      this.keyArn = validKeyArn(props.existingTopicKeyArn);
    } else {
      const key = this.createKey();
      this.topic = this.createTopic(key);
      this.keyArn = key.keyArn;
    }

    this.subscribe(props.emails ?? []);
  }

  /** Lets the grantee publish to the topic, with the key use that encryption needs. */
  grantPublish(grantee: iam.IGrantable): void {
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['sns:Publish'],
      resourceArns: [this.topic.topicArn],
    });
    if (this.keyArn) {
      iam.Grant.addToPrincipal({
        grantee,
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resourceArns: [this.keyArn],
      });
    }
  }

  private createKey(): kms.Key {
    // SNS keeps no messages, so nothing needs the key once the topic is
    // gone: it is scheduled for deletion with the stack rather than left
    // behind at a monthly charge.
    const key = new kms.Key(this, 'Key', {
      description: 'Encrypts the llm-cost-watchdog alert topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });

    // CloudWatch publishes alarm notifications itself, so it needs the key
    // that encrypts the topic; without this statement alarms are dropped.
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    return key;
  }

  private createTopic(key: kms.IKey): sns.Topic {
    const topic = new sns.Topic(this, 'Topic', {
      displayName: 'LLM cost watchdog',
      masterKey: key,
      enforceSSL: true,
    });

    topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    return topic;
  }

  private subscribe(emails: readonly string[]): void {
    for (const email of emails) {
      if (!EMAIL.test(email)) {
        throw new DeployConfigError(
          `alertEmails: "${email}" is not an e-mail address. ` +
            'Give addresses like finops@example.com, separated by commas.',
        );
      }
      const subscription = this.topic.addSubscription(new subscriptions.EmailSubscription(email));
      Validations.of(subscription).acknowledge({
        id: 'Serverless-SNSRedrivePolicy',
        reason:
          'An e-mail that SNS cannot deliver means an unconfirmed or removed address, which is ' +
          'not a message to replay; the same findings go to Slack and to every other subscriber.',
      });
    }
  }
}

function importTopic(scope: Construct, arn: string): sns.ITopic {
  if (!TOPIC_ARN.test(arn)) {
    throw new DeployConfigError(
      `existingTopicArn "${arn}" is not an SNS topic ARN. ` +
        'Give arn:aws:sns:<region>:<account>:<topic name>.',
    );
  }
  return sns.Topic.fromTopicArn(scope, 'Topic', arn);
}

function validKeyArn(arn: string | undefined): string | undefined {
  if (arn === undefined) return undefined;
  if (!KEY_ARN.test(arn)) {
    throw new DeployConfigError(
      `existingTopicKeyArn "${arn}" is not a KMS key ARN. ` +
        'Give arn:aws:kms:<region>:<account>:key/<key id> (an alias ARN does not work in IAM).',
    );
  }
  return arn;
}
