import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';

export const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/**
 * An in-memory DynamoDB (dynalite) on 127.0.0.1 with the state table the
 * stack creates: partition key `pk` (S), sort key `sk` (S). Dynalite does
 * not expire items by TTL, which the state code must not rely on anyway.
 */
export class LocalDynamo {
  private constructor(
    private readonly server: Server,
    readonly tableName: string,
  ) {}

  static async start(tableName = 'watchdog-state'): Promise<LocalDynamo> {
    const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    // No Date header: a sandbox replaying a past day runs on its own clock, and the SDK
    // would take the gap for clock skew and retry every error it gets.
    server.prependListener('request', (_request, response) => {
      response.sendDate = false;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const local = new LocalDynamo(server, tableName);
    await local.createTable();
    return local;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** A real DynamoDB client pointed at this endpoint. */
  client(): DynamoDBClient {
    return new DynamoDBClient({
      region: 'us-east-1',
      endpoint: this.url,
      credentials: TEST_CREDENTIALS,
    });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections?.();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async createTable(): Promise<void> {
    const client = this.client();
    await client.send(
      new CreateTableCommand({
        TableName: this.tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: this.tableName }));
      if (Table?.TableStatus === 'ACTIVE') break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    client.destroy();
  }
}
