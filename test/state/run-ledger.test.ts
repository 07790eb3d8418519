import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeliveryInProgressError, StateError } from '../../lambda/state/errors';
import { RunLedger } from '../../lambda/state/run-ledger';
import { openStateTable } from '../../lambda/state/state-table';
import { LocalDynamo } from '../endpoints/dynalite';

describe('RunLedger', () => {
  let dynamo: LocalDynamo;
  let client: DynamoDBClient;
  let now: Date;
  const ledger = (runDate = '2026-03-15') =>
    new RunLedger(
      openStateTable(client, dynamo.tableName, () => now),
      runDate,
      () => now,
    );
  const lease = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

  beforeAll(async () => {
    dynamo = await LocalDynamo.start();
    client = dynamo.client();
  });
  afterAll(async () => {
    client.destroy();
    await dynamo.close();
  });
  beforeEach(() => {
    now = new Date('2026-03-15T06:00:00Z');
  });

  it('lets one attempt claim a message and then tells the next it was delivered', async () => {
    const runs = ledger('2026-04-01');
    const receipt = { deliveredAt: now.toISOString(), slackChannel: 'C1', slackTs: '1.2' };

    const first = await runs.claim('slack', 'main', 'attempt-1', lease(5));
    await runs.delivered('slack', 'main', 'attempt-1', receipt);
    const second = await runs.claim('slack', 'main', 'attempt-2', lease(5));

    expect(first).toEqual({ status: 'claimed' });
    expect(second).toEqual({ status: 'delivered', receipt });
  });

  it('keeps channels and run dates apart', async () => {
    await ledger('2026-04-02').claim('slack', 'main', 'a', lease(5));

    const sns = await ledger('2026-04-02').claim('sns', 'main', 'a', lease(5));
    const nextDay = await ledger('2026-04-03').claim('slack', 'main', 'a', lease(5));

    expect([sns.status, nextDay.status]).toEqual(['claimed', 'claimed']);
  });

  it('refuses a claim another attempt holds while its lease lasts', async () => {
    const runs = ledger('2026-04-04');
    await runs.claim('sns', 'main', 'attempt-1', lease(5));

    await expect(runs.claim('sns', 'main', 'attempt-2', lease(5))).rejects.toBeInstanceOf(
      DeliveryInProgressError,
    );
  });

  it('takes over a claim whose lease ran out, as after a crashed attempt', async () => {
    const runs = ledger('2026-04-05');
    await runs.claim('sns', 'main', 'attempt-1', lease(5));
    now = lease(6);

    await expect(runs.claim('sns', 'main', 'attempt-2', lease(5))).resolves.toEqual({
      status: 'claimed',
    });
  });

  it('lets a retry of the same attempt take over its own claim at once', async () => {
    const runs = ledger('2026-04-08');
    await runs.claim('sns', 'main', 'request-1', lease(5));

    await expect(runs.claim('sns', 'main', 'request-1', lease(5))).resolves.toEqual({
      status: 'claimed',
    });
  });

  it('frees a released claim for the retry, and only the claimant can release it', async () => {
    const runs = ledger('2026-04-06');
    await runs.claim('slack', 'main', 'attempt-1', lease(5));

    await runs.release('slack', 'main', 'someone-else');
    await expect(runs.claim('slack', 'main', 'attempt-2', lease(5))).rejects.toThrow(
      /Another invocation is delivering the slack message main of 2026-04-06/,
    );
    await runs.release('slack', 'main', 'attempt-1');
    await expect(runs.claim('slack', 'main', 'attempt-2', lease(5))).resolves.toEqual({
      status: 'claimed',
    });
  });

  it('keeps the first plan of a date when two attempts race', async () => {
    const runs = ledger('2026-04-07');
    const first = { freshKeys: ['a'], grown: [], endedKeys: [], notices: [] };
    const second = { freshKeys: ['b'], grown: [], endedKeys: [], notices: [] };

    await runs.keepPlan(first);
    const kept = await runs.keepPlan(second);

    expect(kept).toEqual(first);
    expect(await runs.plan()).toEqual(first);
  });

  it('names the table and the fix when the table does not exist', async () => {
    const missing = new RunLedger(
      openStateTable(client, 'no-such-table', () => now),
      'd',
      () => now,
    );

    const error = await missing.plan().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(StateError);
    expect(String(error)).toMatch(
      /state table no-such-table: ResourceNotFoundException.*STATE_TABLE_NAME/,
    );
  });
});
