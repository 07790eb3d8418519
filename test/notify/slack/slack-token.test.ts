import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { fetchSlackToken, parseSlackSecret } from '../../../lambda/notify/slack/slack-token';
import { type AwsJsonError, LocalAwsJsonEndpoint } from '../../endpoints/aws-json-endpoint';
import { TEST_CREDENTIALS } from '../../endpoints/dynalite';

const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:watchdog-slack-AbCdEf';
const TOKEN = 'xoxb-1111111111-2222222222-abcdefghijklmnop';

describe('parseSlackSecret', () => {
  it.each([
    { secret: TOKEN, status: 'ready' },
    { secret: ` ${TOKEN}\n`, status: 'ready' },
    { secret: JSON.stringify({ token: TOKEN }), status: 'ready' },
    { secret: undefined, status: 'disabled', reason: /is empty/ },
    { secret: '', status: 'disabled', reason: /is empty/ },
    { secret: 'PLACEHOLDER', status: 'disabled', reason: /placeholder/ },
    {
      secret: 'placeholder: put the xoxb- Slack bot token here',
      status: 'disabled',
      reason: /placeholder/,
    },
    { secret: 'xoxb-replace-me', status: 'disabled', reason: /placeholder/ },
    {
      secret: JSON.stringify({ token: 'xoxb-your-token-here' }),
      status: 'disabled',
      reason: /placeholder/,
    },
    {
      secret: JSON.stringify({ bot: TOKEN }),
      status: 'disabled',
      reason: /without a string "token"/,
    },
    { secret: '{not json', status: 'disabled', reason: /without a string "token"/ },
  ])('reads $secret as $status', ({ secret, status, reason }) => {
    const token = parseSlackSecret(secret, ARN);

    expect(token.status).toBe(status);
    if (token.status === 'ready') expect(token.token).toBe(TOKEN);
    else expect(token.reason).toMatch(reason ?? /./);
  });
});

describe('fetchSlackToken', () => {
  let endpoint: LocalAwsJsonEndpoint;
  let secret: string;
  const client = () =>
    new SecretsManagerClient({
      region: 'eu-west-1',
      endpoint: endpoint.url,
      credentials: TEST_CREDENTIALS,
      maxAttempts: 2,
    });

  beforeEach(async () => {
    secret = TOKEN;
    endpoint = await LocalAwsJsonEndpoint.start({
      GetSecretValue: (body) => ({ body: { ARN: body.SecretId, SecretString: secret } }),
    });
  });
  afterEach(() => endpoint.close());

  it('fetches the token from Secrets Manager', async () => {
    await expect(fetchSlackToken(client(), ARN)).resolves.toEqual({
      status: 'ready',
      token: TOKEN,
    });
    expect(endpoint.callsOf('GetSecretValue')[0]?.body).toEqual({ SecretId: ARN });
  });

  it.each([
    {
      type: 'ResourceNotFoundException',
      message: "Secrets Manager can't find the specified secret.",
    },
    {
      type: 'AccessDeniedException',
      message: 'not authorized to perform: secretsmanager:GetSecretValue',
    },
  ])('switches Slack off, not the run, when the secret is $type', async ({ type, message }) => {
    endpoint.failNext('GetSecretValue', { status: 400, type, message });

    const token = await fetchSlackToken(client(), ARN);

    expect(token).toEqual({ status: 'disabled', reason: expect.stringContaining(type) });
  });

  it('throws when Secrets Manager stays unavailable, so that the run is retried', async () => {
    const unavailable: AwsJsonError = {
      status: 500,
      type: 'InternalServiceError',
      message: 'boom',
    };
    endpoint.failNext('GetSecretValue', unavailable, unavailable);

    await expect(fetchSlackToken(client(), ARN)).rejects.toMatchObject({
      name: 'SlackDeliveryError',
      reason: 'secret_unavailable',
    });
  });
});
