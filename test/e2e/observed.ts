import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { AlertJson } from '../../lambda/notify/sns/alert-json';
import type { LocalDynamo } from '../endpoints/dynalite';
import type { PublishedMessage } from '../endpoints/sns-endpoint';
import type { ExpectedFinding } from './month-world';

/** One thing a run said about a finding, as `runDate change key`. */
export type SaidLine = string;

/** The machine-readable alert an SNS message carries for queues. */
export function alertJsonOf(message: PublishedMessage): AlertJson {
  const structured = JSON.parse(message.message) as { sqs: string };
  return JSON.parse(structured.sqs) as AlertJson;
}

/** What the SNS messages said, finding by finding: new, grown, ended. */
export function saidInSns(published: readonly PublishedMessage[]): SaidLine[] {
  return published.flatMap((message) => {
    const alert = alertJsonOf(message);
    return [
      ...alert.findings.map(
        (finding) =>
          `${alert.asOf} ${finding.status === 'new' ? 'alert' : 'update'} ${finding.key}`,
      ),
      ...alert.ended.map((ended) => `${alert.asOf} end ${ended.key}`),
    ];
  });
}

/** The lines a run should have said for each expected finding, in date order. */
export function expectedLines(findings: readonly ExpectedFinding[]): SaidLine[] {
  return findings
    .flatMap((finding) => [
      `${finding.alertOn} alert ${finding.key}`,
      ...finding.updatesOn.map((day) => `${day} update ${finding.key}`),
      ...(finding.endedOn === null ? [] : [`${finding.endedOn} end ${finding.key}`]),
    ])
    .sort();
}

/** Every item of the local state table. */
export async function stateItems(dynamo: LocalDynamo): Promise<Record<string, unknown>[]> {
  const client = DynamoDBDocumentClient.from(dynamo.client());
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: dynamo.tableName, ExclusiveStartKey: startKey }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  client.destroy();
  return items;
}
