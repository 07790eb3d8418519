import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { createCostExplorerClient } from '../../lambda/collect/client';

describe('createCostExplorerClient', () => {
  const saved = process.env.AWS_REGION;
  afterEach(() => {
    if (saved === undefined) delete process.env.AWS_REGION;
    else process.env.AWS_REGION = saved;
  });

  it('uses us-east-1 whatever region the environment names', async () => {
    process.env.AWS_REGION = 'eu-west-1';

    const client = createCostExplorerClient({
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    });

    await expect(client.config.region()).resolves.toBe('us-east-1');
    client.destroy();
  });

  it('retries through a strategy limited to the attempts of its budget', async () => {
    const client = createCostExplorerClient({ budget: { maxAttempts: 2 } });

    const strategy = await client.config.retryStrategy();

    expect(strategy).toBeInstanceOf(ConfiguredRetryStrategy);
    await expect((strategy as ConfiguredRetryStrategy).maxAttempts()).resolves.toBe(2);
    client.destroy();
  });
});
