import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  DeleteCommand,
  type DeleteCommandInput,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  type PutCommandInput,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { StateError } from './errors';
import { hasExpired } from './schema';

export type Item = Record<string, unknown>;
type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

const CONDITION_FAILED = 'ConditionalCheckFailedException';
// BatchWriteItem takes at most 25 writes.
const BATCH_SIZE = 25;
const UNPROCESSED_ATTEMPTS = 5;

/**
 * The state table seen through the document client: reads that skip
 * expired items, and errors that name the table and the fix.
 */
export class StateTable {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
    private readonly now: () => Date,
  ) {}

  async get(pk: string, sk: string): Promise<Item | null> {
    const output = await this.run('read an item', () =>
      this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk, sk } })),
    );
    const item = output.Item;
    return item && !hasExpired(item, this.now()) ? item : null;
  }

  /** Every item of a partition, all pages, expired ones left out. */
  async query(pk: string): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Item | undefined;
    do {
      const output = await this.run('query items', () =>
        this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': pk },
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      items.push(...(output.Items ?? []));
      startKey = output.LastEvaluatedKey;
    } while (startKey);
    return items.filter((item) => !hasExpired(item, this.now()));
  }

  /** Puts an item; returns false when `ConditionExpression` did not hold. */
  async put(input: Omit<PutCommandInput, 'TableName'>): Promise<boolean> {
    return this.conditional('write an item', () =>
      this.client.send(new PutCommand({ ...input, TableName: this.tableName })),
    );
  }

  /** Deletes an item; returns false when `ConditionExpression` did not hold. */
  async delete(input: Omit<DeleteCommandInput, 'TableName'>): Promise<boolean> {
    return this.conditional('delete an item', () =>
      this.client.send(new DeleteCommand({ ...input, TableName: this.tableName })),
    );
  }

  /** Puts many items, 25 a request, retrying what DynamoDB left unprocessed. */
  async putAll(items: readonly Item[]): Promise<void> {
    for (let start = 0; start < items.length; start += BATCH_SIZE) {
      const batch = items.slice(start, start + BATCH_SIZE);
      await this.writeBatch(batch.map((Item) => ({ PutRequest: { Item } })));
    }
  }

  private async writeBatch(requests: WriteRequest[]): Promise<void> {
    let pending = requests;
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt === UNPROCESSED_ATTEMPTS)
        throw new StateError('write every item', this.tableName, 'items left unprocessed');
      if (attempt > 0) await sleep(50 * 2 ** attempt);

      const output = await this.run('write items', () =>
        this.client.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } })),
      );
      pending = output.UnprocessedItems?.[this.tableName] ?? [];
    }
  }

  private async conditional(action: string, send: () => Promise<unknown>): Promise<boolean> {
    try {
      await send();
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === CONDITION_FAILED) return false;
      throw new StateError(action, this.tableName, error);
    }
  }

  private async run<T>(action: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw new StateError(action, this.tableName, error);
    }
  }
}

/** The state table over a DynamoDB client (one per cold start). */
export function openStateTable(
  dynamo: DynamoDBClient,
  tableName: string,
  now: () => Date,
): StateTable {
  const client = DynamoDBDocumentClient.from(dynamo, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return new StateTable(client, tableName, now);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
