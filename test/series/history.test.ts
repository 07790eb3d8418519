import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GetCostAndUsageResponse } from '@aws-sdk/client-cost-explorer';
import { CaptureError } from '../../lambda/series/errors';
import { type BuildHistoryOptions, buildHistory } from '../../lambda/series/history';
import { readCapture } from '../../lambda/series/read-capture';
import { DEFAULT_SETTINGS } from '../../lambda/settings/defaults';
import type { Settings } from '../../lambda/settings/settings';
import {
  BEDROCK,
  captureOf,
  copyOf,
  type DaySpec,
  meterDays,
  NOVA_INPUT,
  NOVA_OUTPUT,
  page,
  setPath,
} from './pages';

const settingsWith = (overrides: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  ...overrides,
});

const build = (
  pages: readonly GetCostAndUsageResponse[],
  options: Partial<BuildHistoryOptions> = {},
) => buildHistory(captureOf(pages), { settings: options.settings ?? settingsWith(), ...options });

const costOf = (history: ReturnType<typeof build>['history'], key: string) =>
  history.meters.find((series) => series.meter.key === key)?.cost;

const NOVA_IN_KEY = `${BEDROCK}|${NOVA_INPUT}`;
const NOVA_OUT_KEY = `${BEDROCK}|${NOVA_OUTPUT}`;

function errorOf(run: () => unknown): CaptureError {
  try {
    run();
  } catch (error) {
    if (error instanceof CaptureError) return error;
    throw error;
  }
  throw new Error('buildHistory accepted the capture');
}

describe('buildHistory: pages', () => {
  it('merges one day whose groups are split across pages', () => {
    const first = page([
      { day: '2026-03-01', groups: [{ service: BEDROCK, usageType: NOVA_INPUT, cost: 2 }] },
    ]);
    const second = page([
      { day: '2026-03-01', groups: [{ service: BEDROCK, usageType: NOVA_OUTPUT, cost: 5 }] },
      { day: '2026-03-02', groups: [{ service: BEDROCK, usageType: NOVA_OUTPUT, cost: 7 }] },
    ]);

    const { history } = build([first, second]);

    expect(history.days).toEqual(['2026-03-01', '2026-03-02']);
    expect(costOf(history, NOVA_IN_KEY)).toEqual([2, 0]);
    expect(costOf(history, NOVA_OUT_KEY)).toEqual([5, 7]);
  });

  it('builds the same history from pages in any order', () => {
    const pages = [
      page(meterDays('2026-03-01', [1, 2, 3])),
      page(meterDays('2026-03-04', [4, 5], NOVA_OUTPUT)),
      page(meterDays('2026-03-04', [6, 7, 8])),
    ];

    const ordered = build(pages);
    const shuffled = build([pages[2], pages[0], pages[1]] as GetCostAndUsageResponse[]);

    expect(shuffled).toEqual(ordered);
    expect(costOf(ordered.history, NOVA_IN_KEY)).toEqual([1, 2, 3, 6, 7, 8]);
  });

  it('rejects a meter-day given on two pages, naming both', () => {
    const pages = [page(meterDays('2026-03-01', [1, 2])), page(meterDays('2026-03-02', [2, 3]))];

    const error = errorOf(() =>
      buildHistory(captureOf(pages), { settings: settingsWith(), source: 'joined.json' }),
    );

    expect(error.message).toBe(
      'joined.json: GetCostAndUsage page 2: ResultsByTime[0].Groups[0] repeats ' +
        `${BEDROCK} / ${NOVA_INPUT} on 2026-03-02, ` +
        'already in page 1 (ResultsByTime[1].Groups[0]). ' +
        'A capture holds each day once; captures joined together overlap and would count that ' +
        'spend twice. Record the whole window in one capture.',
    );
    expect([error.source, error.page, error.field]).toEqual([
      'joined.json',
      2,
      'ResultsByTime[0].Groups[0]',
    ]);
  });

  it('rejects a meter listed twice on one day of one page', () => {
    const groups = [1, 2].map((cost) => ({ service: BEDROCK, usageType: NOVA_INPUT, cost }));

    const error = errorOf(() => build([page([{ day: '2026-03-01', groups }])]));

    expect(error.message).toContain('already in page 1 (ResultsByTime[0].Groups[0])');
    expect(error.field).toBe('ResultsByTime[0].Groups[1]');
  });

  it('sorts meters by key and parses each usage type', () => {
    const groups = [
      { service: BEDROCK, usageType: NOVA_OUTPUT, cost: 1 },
      { service: 'Amazon SageMaker', usageType: 'USE1-Host:ml.g5.12xlarge', cost: 1 },
      { service: BEDROCK, usageType: NOVA_INPUT, cost: 1 },
    ];

    const { history } = build([page([{ day: '2026-03-01', groups }])]);

    expect(history.meters.map((series) => series.meter.key)).toEqual([
      NOVA_IN_KEY,
      NOVA_OUT_KEY,
      'Amazon SageMaker|USE1-Host:ml.g5.12xlarge',
    ]);
    expect(history.meters[2]?.meter.serviceKind).toBe('sagemaker');
    expect(history.meters[2]?.meter.info.chargeKind).toBe('endpoint-hours');
  });

  it('keeps usage quantity and its unit beside the cost', () => {
    const { history } = build([page(meterDays('2026-03-01', [1.5, 2.5]))]);

    expect(history.meters[0]?.usage).toEqual([1500, 2500]);
    expect(history.meters[0]?.usageUnit).toBe('Units');
    expect(history.currency).toBe('USD');
  });
});

describe('buildHistory: days', () => {
  it('marks each day Cost Explorer marked Estimated', () => {
    const days: DaySpec[] = meterDays('2026-03-01', [1, 2, 3]).map((spec, index) => ({
      ...spec,
      estimated: index === 2,
    }));

    const { history } = build([page(days)]);

    expect(history.estimated).toEqual([false, false, true]);
  });

  it('marks a split day estimated when any of its pages says so', () => {
    const first = page([{ ...meterDays('2026-03-01', [1])[0], estimated: false } as DaySpec]);
    const second = page([
      { ...meterDays('2026-03-01', [2], NOVA_OUTPUT)[0], estimated: true } as DaySpec,
    ]);

    expect(build([first, second]).history.estimated).toEqual([true]);
  });

  it.each([
    [
      'ends the days before asOf',
      '2026-03-04',
      ['2026-03-01', '2026-03-02', '2026-03-03'],
      [1, 2, 3],
    ],
    [
      'keeps every day when asOf is the day after the last',
      '2026-03-06',
      ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'],
      [1, 2, 3, 4, 5],
    ],
    ['keeps no day when asOf is the first day', '2026-03-01', [], []],
  ])('%s', (_label, asOf, days, costs) => {
    const { history } = build([page(meterDays('2026-03-01', [1, 2, 3, 4, 5]))], { asOf });

    expect(history.asOf).toBe(asOf);
    expect(history.days).toEqual(days);
    expect(history.meters[0]?.cost ?? []).toEqual(costs);
  });

  it('sets asOf to the day after the newest day by default', () => {
    expect(build([page(meterDays('2026-02-27', [1, 2, 3]))]).history.asOf).toBe('2026-03-02');
  });

  it('fills days with no result with zero and says which', () => {
    const days = meterDays('2026-03-01', [1, 2, 3, 4]).filter((_spec, index) => index !== 1);

    const { history, warnings } = build([page(days)]);

    expect(history.days).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04']);
    expect(history.meters[0]?.cost).toEqual([1, 0, 3, 4]);
    expect(history.estimated).toEqual([false, false, false, false]);
    expect(warnings).toEqual([
      'GetCostAndUsage has no result for 1 day(s) (2026-03-02); they count as no spend. ' +
        'Record the whole window in one capture to fill them.',
    ]);
  });

  it('fills a meter with zero on days it has no group', () => {
    const days = [...meterDays('2026-03-01', [1]), { day: '2026-03-02', groups: [] }];

    expect(build([page(days)]).history.meters[0]?.cost).toEqual([1, 0]);
  });

  it('rejects an asOf that is not a day', () => {
    expect(() => build([page(meterDays('2026-03-01', [1]))], { asOf: '3 March' })).toThrow(
      new RangeError('asOf is "3 March", not a day (YYYY-MM-DD).'),
    );
  });

  it('reads the days from `from` on, marking those from `estimatedFrom` on estimated', () => {
    const capture = [page(meterDays('2026-03-01', [1, 2, 3, 4, 5]))];

    const { history } = build(capture, { from: '2026-03-02', estimatedFrom: '2026-03-04' });

    expect(history.days).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);
    expect(history.estimated).toEqual([false, false, true, true]);
    expect(history.meters[0]?.cost).toEqual([2, 3, 4, 5]);
  });

  it.each(['from', 'estimatedFrom'])('rejects a %s that is not a day', (name) => {
    expect(() => build([page(meterDays('2026-03-01', [1]))], { [name]: '2026-3-2' })).toThrow(
      new RangeError(`${name} is "2026-3-2", not a day (YYYY-MM-DD).`),
    );
  });

  it('rejects a capture with no days when no asOf is given', () => {
    expect(errorOf(() => build([{ ResultsByTime: [] }])).message).toBe(
      'capture: GetCostAndUsage: holds no days at all. Re-record the capture with ' +
        '`aws ce get-cost-and-usage --granularity DAILY --metrics UnblendedCost UsageQuantity ' +
        '--group-by Type=DIMENSION,Key=SERVICE Type=DIMENSION,Key=USAGE_TYPE --output json`.',
    );
  });
});

describe('buildHistory: what is read', () => {
  it('reads the cost metric the settings name when the capture holds it', () => {
    const body = copyOf(page(meterDays('2026-03-01', [1])));
    setPath(body, 'ResultsByTime.0.Groups.0.Metrics.AmortizedCost', { Amount: '9', Unit: 'USD' });

    const { history, warnings } = build([body], {
      settings: settingsWith({ costMetric: 'AmortizedCost' }),
    });

    expect([history.metric, history.meters[0]?.cost]).toEqual(['AmortizedCost', [9]]);
    expect(warnings).toEqual([]);
  });

  it('reads the first cost metric held, and says so, when the named one is absent', () => {
    const { history, warnings } = build([page(meterDays('2026-03-01', [4]))], {
      settings: settingsWith({ costMetric: 'NetAmortizedCost' }),
    });

    expect([history.metric, history.meters[0]?.cost]).toEqual(['UnblendedCost', [4]]);
    expect(warnings).toEqual([
      'cost-metric is NetAmortizedCost, but the capture holds UnblendedCost; spend is read as ' +
        'UnblendedCost. Record it with --metrics NetAmortizedCost UsageQuantity to measure ' +
        'NetAmortizedCost.',
    ]);
  });

  it.each([
    ['watches a default service', BEDROCK, {}, true],
    ['watches any Bedrock Edition listing', 'Claude 3 Haiku (Amazon Bedrock Edition)', {}, true],
    ['leaves out a service nobody watches', 'Amazon Simple Storage Service', {}, false],
    [
      'watches an extra service',
      'Amazon Personalize',
      { extraServices: ['Amazon Personalize'] },
      true,
    ],
    ['leaves out an excluded service', BEDROCK, { excludedServices: [BEDROCK] }, false],
  ])('%s', (_label, service, overrides, kept) => {
    const days = [{ day: '2026-03-01', groups: [{ service, usageType: 'USE1-Thing', cost: 1 }] }];

    const { history } = build([page(days)], { settings: settingsWith(overrides) });

    expect(history.meters.length).toBe(kept ? 1 : 0);
  });

  it('says so when no service in the capture is watched', () => {
    const groups = [{ service: 'Amazon EC2', usageType: 'BoxUsage', cost: 1 }];

    const { warnings } = build([page([{ day: '2026-03-01', groups }])]);

    expect(warnings).toEqual([
      'None of the 1 service(s) in the capture is watched (Amazon EC2...), so the history holds ' +
        'no meters. Add a service with the extra-services parameter, or record spend of the ' +
        'watched services.',
    ]);
  });

  it.each([
    [false, 'include-credits is false, but the capture was recorded with them'],
    [true, 'include-credits is true, so credits and refunds count'],
  ])(
    'keeps credits as recorded and warns how to leave them out (include-credits %p)',
    (includeCredits, why) => {
      const credits = meterDays('2026-03-01', [10, -25, 12, -3]);

      const { history, warnings } = build([page(credits)], {
        settings: settingsWith({ includeCredits }),
      });

      expect(history.meters[0]?.cost).toEqual([10, -25, 12, -3]);
      expect(warnings).toEqual([
        `2 meter-day(s) have negative cost (credits or refunds), the lowest ${BEDROCK} / ` +
          `${NOVA_INPUT} on 2026-03-02: -25.00 USD. Spend is counted as recorded: ${why}. ` +
          'To judge usage alone, set include-credits to false, or record with the filter ' +
          '{"Not": {"Dimensions": {"Key": "RECORD_TYPE", "Values": ["Credit", "Refund"]}}}.',
      ]);
    },
  );

  it('throws the same CaptureError as readCapture for a bad amount', () => {
    const body = copyOf(page(meterDays('2026-03-01', [1])));
    setPath(body, 'ResultsByTime.0.Groups.0.Metrics.UnblendedCost.Amount', 'n/a');

    const error = errorOf(() => build([body]));

    expect([error.page, error.field]).toEqual([
      1,
      'ResultsByTime[0].Groups[0].Metrics.UnblendedCost.Amount',
    ]);
  });
});

describe('buildHistory: beside the series', () => {
  const capture = readCapture(
    readFileSync(join(__dirname, '..', 'fixtures', 'series', 'capture.json'), 'utf8'),
    'capture.json',
  );

  it('reads the whole recorded capture', () => {
    const { history, warnings } = buildHistory(capture, { settings: settingsWith() });

    expect(history.days).toEqual(['2026-03-01', '2026-03-02']);
    expect(history.estimated).toEqual([false, true]);
    expect(history.meters.map((series) => [series.meter.key, series.cost])).toEqual([
      [NOVA_IN_KEY, [4.12, 4.3]],
      ['Amazon SageMaker|USE1-Host:ml.g5.12xlarge', [170.16, 170.16]],
    ]);
    expect(history.monitorCount).toBe(1);
    expect(history.forecast).toEqual({
      start: '2026-03-03',
      end: '2026-04-01',
      meanUsd: 5400.25,
      lowerUsd: 5000,
      upperUsd: 5800.5,
    });
    expect(history.tags).toEqual({ tagKey: 'team', taggedUsd: 300, untaggedUsd: 53.04 });
    expect(history.accounts).toEqual([
      { accountId: '111122223333', name: 'ml-platform', costUsd: 340.32 },
      { accountId: '444455556666', name: null, costUsd: 8.42 },
    ]);
    expect(history.anomalies.map((anomaly) => anomaly.id)).toEqual(['anomaly-1']);
    expect(warnings).toEqual([]);
  });

  it('leaves the optional parts null when the capture does not hold them', () => {
    const { history } = build([page(meterDays('2026-03-01', [1]))]);

    expect([history.monitorCount, history.forecast, history.tags, history.accounts]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(history.anomalies).toEqual([]);
  });

  it('counts no monitors when the capture holds an empty list of them', () => {
    const bare = captureOf([page(meterDays('2026-03-01', [1]))], {
      GetAnomalyMonitors: [{ AnomalyMonitors: [] }],
    });

    expect(buildHistory(bare, { settings: settingsWith() }).history.monitorCount).toBe(0);
  });

  it('keeps anomalies on watched services that start before asOf', () => {
    const raw = capture.GetAnomalies?.[0]?.Anomalies?.[0];
    const anomalies = [
      raw,
      { ...raw, AnomalyId: 'on-ec2', RootCauses: [{ Service: 'Amazon EC2' }] },
      { ...raw, AnomalyId: 'later', AnomalyStartDate: '2026-03-03' },
      { ...raw, AnomalyId: 'no-cause', RootCauses: [] },
    ];

    const { history } = buildHistory(
      { ...capture, GetAnomalies: [{ Anomalies: anomalies } as never] },
      { settings: settingsWith() },
    );

    expect(history.anomalies.map((anomaly) => anomaly.id)).toEqual(['anomaly-1']);
  });

  it('sums tag and account spend only over the days of the history', () => {
    const { history } = buildHistory(capture, { settings: settingsWith(), asOf: '2026-03-01' });

    expect(history.days).toEqual([]);
    expect(history.tags).toEqual({ tagKey: 'team', taggedUsd: 0, untaggedUsd: 0 });
    expect(history.accounts).toEqual([]);
  });
});

describe('buildHistory: many meters', () => {
  it('places every value when meters change order from day to day and appear late', () => {
    const meters = 5_000;
    const usageTypes = Array.from(
      { length: meters },
      (_, index) => `USE1-Model${index}-input-tokens`,
    );
    const orders = [
      usageTypes.slice(0, 4_000),
      [...usageTypes].reverse(),
      usageTypes.filter((_, index) => index % 2 === 0).concat(usageTypes.filter((_, i) => i % 2)),
    ];
    const days = orders.map((order, day) => ({
      day: `2026-03-0${day + 1}`,
      groups: order.map((usageType) => ({
        service: BEDROCK,
        usageType,
        cost: day * 10_000 + Number(usageType.slice(10, -13)),
      })),
    }));

    const { history } = build([page(days.slice(0, 2)), page(days.slice(2))]);

    expect(history.meters).toHaveLength(meters);
    for (const series of history.meters) {
      const index = Number(series.meter.usageType.slice(10, -13));
      const first = index < 4_000 ? index : 0;
      expect(series.cost).toEqual([first, 10_000 + index, 20_000 + index]);
    }
  });
});
