import { SecretValue, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { DeployConfigError } from './deploy-config-error';

/**
 * The value a new secret starts with. It is not a token: the function finds
 * no `xoxb-` token in it and says so until someone puts the real one.
 * Never change it: CloudFormation writes a changed value over the token
 * that was put in the secret since.
 */
export const SLACK_TOKEN_PLACEHOLDER = 'placeholder: put the xoxb- Slack bot token here';

export type SlackTokenSecretProps = {
  /**
   * An existing Secrets Manager secret holding the Slack bot token, by name
   * (`team/slack-bot-token`) or by ARN. The secret must be encrypted with the
   * AWS managed key `aws/secretsmanager`.
   *
   * @default - a new secret is created with a placeholder value
   */
  readonly existingSecret?: string;
  /**
   * Name of the secret created when no existing one is given.
   *
   * @default - `<stack name>/slack-bot-token`
   */
  readonly secretName?: string;
};

/** How the secret was given, which decides the ARN that IAM needs. */
type SecretSource = 'created' | 'complete-arn' | 'partial-arn' | 'name';

// A complete secret ARN ends in a dash and the six characters Secrets Manager adds.
const COMPLETE_ARN_SUFFIX = /-[A-Za-z0-9]{6}$/;
const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;

/**
 * The Secrets Manager secret holding the Slack bot token: created with a
 * placeholder and instructions in its description, or an existing one.
 */
export class SlackTokenSecret extends Construct {
  readonly secret: secretsmanager.ISecret;
  /** The secret's name, for `aws secretsmanager put-secret-value --secret-id`. */
  readonly secretName: string;
  private readonly source: SecretSource;

  constructor(scope: Construct, id: string, props: SlackTokenSecretProps = {}) {
    super(scope, id);

    const existing = props.existingSecret?.trim();
    if (existing) {
      this.source = sourceOf(existing);
      this.secret = this.importSecret(existing);
      this.secretName = nameOf(existing, this.source);
      return;
    }

    this.source = 'created';
    this.secretName = props.secretName ?? `${Stack.of(this).stackName}/slack-bot-token`;
    this.secret = this.createSecret(this.secretName);
  }

  /** Lets the grantee read the token, and nothing else. */
  grantRead(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['secretsmanager:GetSecretValue'],
      resourceArns: [this.policyArn()],
    });
  }

  private createSecret(secretName: string): secretsmanager.Secret {
    const secret = new secretsmanager.Secret(this, 'Secret', {
      secretName,
      description:
        'Slack bot token (xoxb-...) for llm-cost-watchdog. It starts as a placeholder: ' +
        `aws secretsmanager put-secret-value --secret-id ${secretName} --secret-string xoxb-...`,
      secretStringValue: SecretValue.unsafePlainText(SLACK_TOKEN_PLACEHOLDER),
    });

    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'A Slack bot token is issued by Slack, not by Secrets Manager: no rotation function ' +
        'can create a new one. Rotate it in the Slack app settings and put the new value.',
    });
    return secret;
  }

  private importSecret(existing: string): secretsmanager.ISecret {
    switch (this.source) {
      case 'complete-arn':
        return secretsmanager.Secret.fromSecretCompleteArn(this, 'Secret', existing);
      case 'partial-arn':
        return secretsmanager.Secret.fromSecretPartialArn(this, 'Secret', existing);
      default:
        return secretsmanager.Secret.fromSecretNameV2(this, 'Secret', existing);
    }
  }

  /** The ARN IAM matches: a name or a partial ARN needs the wildcard for the suffix. */
  private policyArn(): string {
    if (this.source === 'created' || this.source === 'complete-arn') return this.secret.secretArn;
    return `${this.secret.secretArn}-??????`;
  }
}

function sourceOf(existing: string): SecretSource {
  if (existing.startsWith('arn:')) {
    if (!/^arn:[^:]+:secretsmanager:[^:]+:\d{12}:secret:.+/.test(existing)) {
      throw new DeployConfigError(
        `existingSlackSecret "${existing}" is not a Secrets Manager secret ARN. ` +
          'Give arn:aws:secretsmanager:<region>:<account>:secret:<name>, or just the name.',
      );
    }
    return COMPLETE_ARN_SUFFIX.test(existing) ? 'complete-arn' : 'partial-arn';
  }

  if (!SECRET_NAME.test(existing)) {
    throw new DeployConfigError(
      `existingSlackSecret "${existing}" is not a valid secret name. ` +
        'Names use letters, digits and /_+=.@- only; or give the secret ARN.',
    );
  }
  return 'name';
}

function nameOf(existing: string, source: SecretSource): string {
  if (source === 'name') return existing;
  const name = existing.slice(existing.indexOf(':secret:') + ':secret:'.length);
  return source === 'complete-arn' ? name.replace(COMPLETE_ARN_SUFFIX, '') : name;
}
