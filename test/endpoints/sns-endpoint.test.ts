import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { TEST_CREDENTIALS } from './dynalite';
import { LocalSnsEndpoint, SNS_MAX_BYTES, throttled } from './sns-endpoint';

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:watchdog';

describe('LocalSnsEndpoint', () => {
  let endpoint: LocalSnsEndpoint;
  const client = () =>
    new SNSClient({ region: 'eu-west-1', endpoint: endpoint.url, credentials: TEST_CREDENTIALS });

  beforeEach(async () => {
    endpoint = await LocalSnsEndpoint.start();
  });
  afterEach(() => endpoint.close());

  it('answers the real SDK client and keeps the message and its attributes', async () => {
    const output = await client().send(
      new PublishCommand({
        TopicArn: TOPIC,
        Subject: 'Hello',
        Message: JSON.stringify({ default: 'hi', email: 'hi by mail' }),
        MessageStructure: 'json',
        MessageAttributes: {
          severity: { DataType: 'String', StringValue: 'high' },
          kinds: { DataType: 'String.Array', StringValue: '["spike"]' },
        },
      }),
    );

    expect(output.MessageId).toBe(endpoint.published[0]?.messageId);
    expect(endpoint.published[0]?.attributes).toEqual({
      severity: { dataType: 'String', value: 'high' },
      kinds: { dataType: 'String.Array', value: '["spike"]' },
    });
  });

  it.each([
    { case: 'a subject of 100 characters', input: { Subject: 'x'.repeat(100), Message: 'm' } },
    { case: 'a line break in the subject', input: { Subject: 'a\nb', Message: 'm' } },
    { case: 'a message over 256 KB', input: { Message: 'm'.repeat(SNS_MAX_BYTES + 1) } },
    {
      case: 'a JSON structure with no default',
      input: { Message: '{"email":"x"}', MessageStructure: 'json' },
    },
  ])('refuses $case as SNS does', async ({ input }) => {
    const publish = client().send(new PublishCommand({ TopicArn: TOPIC, ...input }));

    await expect(publish).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });

  it('fails the next call as told, which the SDK retries', async () => {
    endpoint.failNext('Publish', throttled);

    await client().send(new PublishCommand({ TopicArn: TOPIC, Message: 'm' }));

    expect(endpoint.calls).toEqual(['Publish', 'Publish']);
  });
});
