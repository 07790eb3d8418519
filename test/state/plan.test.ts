import { type FindingRecord, newRecord } from '../../lambda/state/finding-record';
import {
  hasNews,
  type PlanInput,
  planDelivery,
  recordsAfter,
  restorePlan,
  storePlan,
} from '../../lambda/state/plan';
import { aFinding, aReport, someSettings } from '../fixtures/report';

const RUN_DATE = '2026-03-15';

function postedBefore(impactUsd: number, overrides: Partial<FindingRecord> = {}): FindingRecord {
  const record = newRecord(aFinding({ impactUsd }), '2026-03-12');
  return { ...record, slack: { channel: 'C0123456789', ts: '1773500000.000100' }, ...overrides };
}

function input(overrides: Partial<PlanInput>): PlanInput {
  return {
    report: aReport([aFinding()]),
    settings: someSettings(),
    runDate: RUN_DATE,
    records: [],
    notices: [],
    noticesGiven: new Set(),
    ...overrides,
  };
}

describe('planDelivery', () => {
  it('posts a finding never posted before', () => {
    const plan = planDelivery(input({}));

    expect(plan.fresh.map((finding) => finding.key)).toEqual([aFinding().key]);
    expect(plan.grown).toEqual([]);
    expect(hasNews(plan)).toBe(true);
  });

  it.each([
    { posted: 100, today: 100, factor: 1.5, grown: false },
    { posted: 100, today: 150, factor: 1.5, grown: false },
    { posted: 100, today: 150.01, factor: 1.5, grown: true },
    { posted: 100, today: 400, factor: 3, grown: true },
    { posted: 100, today: 60, factor: 1.5, grown: false },
  ])('posts again a finding posted at $posted now $today only when grown past x$factor', (row) => {
    const plan = planDelivery(
      input({
        report: aReport([aFinding({ impactUsd: row.today })]),
        settings: someSettings({ regrowthFactor: row.factor }),
        records: [postedBefore(row.posted)],
      }),
    );

    expect(plan.fresh).toEqual([]);
    expect(plan.grown.map((item) => item.before.postedImpactUsd)).toEqual(
      row.grown ? [row.posted] : [],
    );
  });

  it('announces the end of a finding posted before and absent today', () => {
    const plan = planDelivery(input({ report: aReport([]), records: [postedBefore(100)] }));

    expect(plan.ended.map((record) => record.key)).toEqual([aFinding().key]);
  });

  it('does not announce an end twice', () => {
    const ended = postedBefore(100, { status: 'ended', endedOn: '2026-03-14' });
    const plan = planDelivery(input({ report: aReport([]), records: [ended] }));

    expect(hasNews(plan)).toBe(false);
  });

  it('posts as fresh a finding that comes back after it ended', () => {
    const ended = postedBefore(100, { status: 'ended', endedOn: '2026-03-14' });
    const plan = planDelivery(input({ records: [ended] }));

    expect(plan.fresh).toHaveLength(1);
  });

  it('does not end a finding that is only below the severity floor today', () => {
    const plan = planDelivery(
      input({
        report: aReport([aFinding({ severity: 'info' })]),
        settings: someSettings({ severityFloor: 'medium' }),
        records: [postedBefore(100)],
      }),
    );

    expect(hasNews(plan)).toBe(false);
  });

  it('does not end a finding that a mute hides today', () => {
    const mute = { meter: aFinding().meterKey ?? '', until: '2026-03-31', reason: 'load test' };
    const plan = planDelivery(
      input({
        report: aReport([]),
        settings: someSettings({ mutes: [mute] }),
        records: [postedBefore(100)],
      }),
    );

    expect(plan.ended).toEqual([]);
  });

  it.each([
    { severity: 'critical', floor: 'low', posted: true },
    { severity: 'low', floor: 'low', posted: true },
    { severity: 'info', floor: 'low', posted: false },
    { severity: 'medium', floor: 'high', posted: false },
    { severity: 'high', floor: 'high', posted: true },
  ] as const)('posts a $severity finding with floor $floor: $posted', (row) => {
    const plan = planDelivery(
      input({
        report: aReport([aFinding({ severity: row.severity })]),
        settings: someSettings({ severityFloor: row.floor }),
      }),
    );

    expect(plan.fresh).toHaveLength(row.posted ? 1 : 0);
  });

  it('gives a notice only when it was not given before', () => {
    const notices = [
      { key: 'a', text: 'first' },
      { key: 'b', text: 'second' },
    ];
    const plan = planDelivery(
      input({ report: aReport([]), notices, noticesGiven: new Set(['a']) }),
    );

    expect(plan.notices).toEqual([{ key: 'b', text: 'second' }]);
  });
});

describe('restorePlan', () => {
  it("says again what the stored plan decided, from this attempt's numbers", () => {
    const stored = storePlan(planDelivery(input({})));
    const retried = aReport([aFinding({ impactUsd: 990 })]);

    const plan = restorePlan(stored, retried, [], RUN_DATE);

    expect(plan.fresh.map((finding) => finding.impactUsd)).toEqual([990]);
  });

  it('leaves out a finding that this attempt no longer shows', () => {
    const stored = storePlan(planDelivery(input({})));

    const plan = restorePlan(stored, aReport([]), [], RUN_DATE);

    expect(plan.fresh).toEqual([]);
  });
});

describe('recordsAfter', () => {
  const thread = { channel: 'C0123456789', ts: '1773590000.000200' };

  it('records a fresh finding with the thread it was posted in', () => {
    const report = aReport([aFinding()]);
    const plan = planDelivery(input({ report }));

    const [record] = recordsAfter(plan, report, [], thread);

    expect(record).toMatchObject({
      status: 'active',
      firstPostedOn: RUN_DATE,
      postedImpactUsd: 934.56,
      slack: thread,
    });
  });

  it.each([
    { posted: 100, today: 120, postedAfter: 100, lastAfter: 120 },
    { posted: 100, today: 200, postedAfter: 200, lastAfter: 200 },
  ])('measures growth from the last post: $posted then $today', (row) => {
    const report = aReport([aFinding({ impactUsd: row.today })]);
    const records = [postedBefore(row.posted)];
    const plan = planDelivery(input({ report, records }));

    const [record] = recordsAfter(plan, report, records, thread);

    expect(record).toMatchObject({
      postedImpactUsd: row.postedAfter,
      lastImpactUsd: row.lastAfter,
      lastSeenOn: RUN_DATE,
      slack: records[0]?.slack,
    });
  });

  it('records an end with its date', () => {
    const report = aReport([]);
    const records = [postedBefore(100)];
    const plan = planDelivery(input({ report, records }));

    const [record] = recordsAfter(plan, report, records, null);

    expect(record).toMatchObject({ status: 'ended', endedOn: RUN_DATE });
  });
});
