import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SlackTokenSecret } from '../../lib/slack-token-secret';
import { testStack } from './fixtures';
import { ReadableTemplate } from './readable-template';

const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:team/slack';
const HERE = 'arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:';

function granted(existingSecret?: string) {
  const stack = testStack({ 'aws:cdk:enable-path-metadata': true });
  const token = new SlackTokenSecret(stack, 'SlackToken', { existingSecret });
  const role = new iam.Role(stack, 'Reader', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
  });
  token.grantRead(role);

  const template = Template.fromStack(stack);
  const [statement] = new ReadableTemplate(template).iamStatements();
  return { token, template, statement };
}

describe('SlackTokenSecret', () => {
  it.each([
    ['a name', 'team/slack', `${HERE}team/slack-??????`, 'team/slack'],
    ['a complete ARN', `${ARN}-AbC123`, `${ARN}-AbC123`, 'team/slack'],
    ['a partial ARN', ARN, `${ARN}-??????`, 'team/slack'],
  ])('reads an existing secret given by %s', (_kind, existing, policyArn, name) => {
    const { token, template, statement } = granted(existing);

    expect(statement?.actions).toEqual(['secretsmanager:GetSecretValue']);
    expect(statement?.resources).toEqual([policyArn]);
    expect(token.secretName).toBe(name);
    template.resourceCountIs('AWS::SecretsManager::Secret', 0);
  });

  it('creates a secret holding a placeholder and saying how to put the token', () => {
    const { token, template, statement } = granted();

    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'Test/slack-bot-token',
      // A changed placeholder would be written over the token on the next deploy.
      SecretString: 'placeholder: put the xoxb- Slack bot token here',
      Description:
        'Slack bot token (xoxb-...) for llm-cost-watchdog. It starts as a placeholder: ' +
        'aws secretsmanager put-secret-value --secret-id Test/slack-bot-token ' +
        '--secret-string xoxb-...',
    });
    expect(statement?.resources).toEqual(['<SlackToken/Secret>']);
    expect(token.secretName).toBe('Test/slack-bot-token');
  });
});
