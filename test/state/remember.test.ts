import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ExplainedFinding } from '../../lambda/report/report';
import type { Settings } from '../../lambda/settings/settings';
import { FindingStore } from '../../lambda/state/finding-store';
import { commit, type Memory, remember } from '../../lambda/state/remember';
import { RunLedger } from '../../lambda/state/run-ledger';
import { openStateTable } from '../../lambda/state/state-table';
import { LocalDynamo } from '../endpoints/dynalite';
import { aFinding, aReport, someSettings } from '../fixtures/report';

describe('remember and commit', () => {
  let dynamo: LocalDynamo;
  let client: DynamoDBClient;
  let tableName: string;
  const thread = { channel: 'C0123456789', ts: '1773590000.000200' };

  const memoryOf = (runDate: string): Memory => {
    const now = () => new Date(`${runDate}T06:00:00Z`);
    const table = openStateTable(client, tableName, now);
    return { findings: new FindingStore(table), ledger: new RunLedger(table, runDate, now) };
  };

  async function runOn(
    runDate: string,
    findings: readonly ExplainedFinding[],
    settings: Settings = someSettings(),
  ) {
    const memory = memoryOf(runDate);
    const report = aReport(findings, { asOf: runDate });
    const remembered = await remember(memory, { report, settings, runDate });
    await commit(memory, remembered, report, thread);
    return remembered.plan;
  }

  beforeAll(async () => {
    dynamo = await LocalDynamo.start();
    client = dynamo.client();
  });
  afterAll(async () => {
    client.destroy();
    await dynamo.close();
  });
  beforeEach(() => {
    tableName = dynamo.tableName;
  });

  it('posts a spike once, again when it grows, and once when it ends', async () => {
    const spike = (impactUsd: number) => aFinding({ key: 'spike|story', impactUsd });

    const day1 = await runOn('2026-05-01', [spike(100)]);
    const day2 = await runOn('2026-05-02', [spike(120)]);
    const day3 = await runOn('2026-05-03', [spike(200)]);
    const day4 = await runOn('2026-05-04', [spike(210)]);
    const day5 = await runOn('2026-05-05', []);
    const day6 = await runOn('2026-05-06', []);

    const said = [day1, day2, day3, day4, day5, day6].map((plan) => ({
      fresh: plan.fresh.length,
      grown: plan.grown.map((item) => [item.before.postedImpactUsd, item.finding.impactUsd]),
      ended: plan.ended.map((record) => record.lastImpactUsd),
    }));
    expect(said).toEqual([
      { fresh: 1, grown: [], ended: [] },
      { fresh: 0, grown: [], ended: [] },
      { fresh: 0, grown: [[100, 200]], ended: [] },
      { fresh: 0, grown: [], ended: [] },
      { fresh: 0, grown: [], ended: [210] },
      { fresh: 0, grown: [], ended: [] },
    ]);
    expect(day3.grown[0]?.before.slack).toEqual(thread);
  });

  it('says the same thing again on a retried attempt of the same date', async () => {
    const memory = memoryOf('2026-06-01');
    const report = aReport([aFinding({ key: 'spike|retry' })], { asOf: '2026-06-01' });
    const input = { report, settings: someSettings(), runDate: '2026-06-01' };

    const first = await remember(memory, input);
    const retried = await remember(memoryOf('2026-06-01'), input);

    expect(retried.plan.fresh.map((finding) => finding.key)).toEqual(['spike|retry']);
    expect(retried.plan).toEqual(first.plan);
  });

  it('forgets nothing when a run fails before it commits', async () => {
    const memory = memoryOf('2026-06-10');
    const report = aReport([aFinding({ key: 'spike|uncommitted' })], { asOf: '2026-06-10' });
    await remember(memory, { report, settings: someSettings(), runDate: '2026-06-10' });

    const nextDay = await runOn('2026-06-11', [aFinding({ key: 'spike|uncommitted' })]);

    expect(nextDay.fresh.map((finding) => finding.key)).toEqual(['spike|uncommitted']);
  });

  it('tells of an expired mute once', async () => {
    const settings = someSettings({
      mutes: [{ service: 'Amazon SageMaker', until: '2026-06-30', reason: 'migration' }],
    });

    const first = await runOn('2026-07-01', [], settings);
    const second = await runOn('2026-07-02', [], settings);

    expect(first.notices.map((notice) => notice.text)).toEqual([
      expect.stringMatching(/mute of service Amazon SageMaker \("migration"\) ended on 2026-06-30/),
    ]);
    expect(second.notices).toEqual([]);
  });

  it('reads past records that DynamoDB has not deleted yet as forgotten', async () => {
    await runOn('2026-08-01', [aFinding({ key: 'spike|old' })]);

    const muchLater = await runOn('2026-09-15', [aFinding({ key: 'spike|old' })]);

    expect(muchLater.fresh.map((finding) => finding.key)).toEqual(['spike|old']);
  });

  it('pages through many findings', async () => {
    const many = Array.from({ length: 230 }, (_, index) =>
      aFinding({ key: `spike|many-${index}`, where: 'x'.repeat(5_000) }),
    );

    await runOn('2026-10-01', many);
    const next = await runOn('2026-10-02', []);

    expect(next.ended.filter((record) => record.key.startsWith('spike|many-'))).toHaveLength(230);
  });
});
