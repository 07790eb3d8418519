import { replayCapture } from '../../../bin/backtest/replay';
import { DEFAULT_SETTINGS } from '../../../lambda/settings/defaults';
import { resolveSettings } from '../../../lambda/settings/resolve';
import { TEXTRACT, TRANSLATE, testCapture } from './captures';

const SPIKE_KEY = 'spike:Amazon Textract|USE1-PagesforTables';
const TREND_KEY = 'trend:Amazon Textract|USE1-PagesforTables';
const LAST_RUN = '2026-03-20';

/** Each run's events as `change key` lines, by run date; quiet runs left out. */
function eventsByRun(backtest: ReturnType<typeof replayCapture>): Record<string, string[]> {
  return Object.fromEntries(
    backtest.runs
      .filter((run) => run.events.length > 0)
      .map((run) => [run.runDate, run.events.map((event) => `${event.change} ${event.key}`)]),
  );
}

describe('replayCapture', () => {
  it('posts a one-day spike once, on its estimated day, and its end once', () => {
    // Prepare
    const capture = testCapture([
      { ...TEXTRACT, usual: 100, on: { '2026-03-10': 900 } },
      { ...TRANSLATE, usual: 40 },
    ]);

    // Act
    const backtest = replayCapture(capture, DEFAULT_SETTINGS, { days: 15, lastRun: LAST_RUN });

    // Assess
    expect(eventsByRun(backtest)).toEqual({
      '2026-03-11': [`alert ${SPIKE_KEY}`],
      '2026-03-13': [`end ${SPIKE_KEY}`],
    });
    const [alert] = backtest.runs.find((run) => run.runDate === '2026-03-11')?.events ?? [];
    expect(alert).toMatchObject({ day: '2026-03-10', impactUsd: 800, provisional: true });
    expect(backtest.totals).toMatchObject({ alert: 1, update: 0, end: 1, runs: 15, quietRuns: 13 });
  });

  it.each([
    {
      regrowth: '1.5',
      expected: {
        '2026-03-11': [`alert ${SPIKE_KEY}`],
        '2026-03-13': [`alert ${TREND_KEY}`, `update ${SPIKE_KEY}`],
        '2026-03-14': [`update ${SPIKE_KEY}`, `update ${TREND_KEY}`],
        '2026-03-15': [`end ${SPIKE_KEY}`],
        '2026-03-20': [`end ${TREND_KEY}`],
      },
    },
    {
      regrowth: '3',
      expected: {
        '2026-03-11': [`alert ${SPIKE_KEY}`],
        '2026-03-13': [`alert ${TREND_KEY}`],
        '2026-03-14': [`update ${SPIKE_KEY}`],
        '2026-03-15': [`end ${SPIKE_KEY}`],
        '2026-03-20': [`end ${TREND_KEY}`],
      },
    },
  ])(
    'posts a growing finding again only past regrowth-factor $regrowth',
    ({ regrowth, expected }) => {
      const capture = testCapture([
        {
          ...TEXTRACT,
          usual: 100,
          on: { '2026-03-10': 300, '2026-03-11': 500, '2026-03-12': 1200 },
        },
        { ...TRANSLATE, usual: 40 },
      ]);
      const { settings } = resolveSettings({ 'regrowth-factor': regrowth });

      const backtest = replayCapture(capture, settings, { days: 15, lastRun: LAST_RUN });

      expect(eventsByRun(backtest)).toEqual(expected);
    },
  );

  it('tells the growth of an update from the impact posted before', () => {
    const capture = testCapture([
      { ...TEXTRACT, usual: 100, on: { '2026-03-10': 300, '2026-03-11': 500, '2026-03-12': 1200 } },
    ]);

    const backtest = replayCapture(capture, DEFAULT_SETTINGS, { days: 15, lastRun: LAST_RUN });

    const updates = backtest.runs
      .flatMap((run) => run.events)
      .filter((event) => event.change === 'update' && event.kind === 'spike');
    expect(updates.map((event) => [event.previousImpactUsd, event.impactUsd])).toEqual([
      [200, 400],
      [400, 1100],
    ]);
  });

  it('sees only the days before each run, so a spike is not known before it happens', () => {
    const capture = testCapture([{ ...TEXTRACT, usual: 100, on: { '2026-03-18': 900 } }]);

    const backtest = replayCapture(capture, DEFAULT_SETTINGS, { days: 10, lastRun: LAST_RUN });

    const findings = backtest.runs.map((run) => [run.runDate, run.findings]);
    expect(findings.filter(([, count]) => count !== 0)).toEqual([
      ['2026-03-19', 1],
      ['2026-03-20', 1],
    ]);
    expect(backtest.runs.map((run) => run.historyDays).slice(0, 3)).toEqual([36, 37, 38]);
  });

  it('posts nothing below the severity floor, and ends nothing it never posted', () => {
    const capture = testCapture([
      { ...TEXTRACT, usual: 100, on: { '2026-03-10': 160 } },
      { ...TRANSLATE, usual: 2000 },
    ]);
    const { settings } = resolveSettings({ 'severity-floor': 'critical' });

    const backtest = replayCapture(capture, settings, { days: 15, lastRun: LAST_RUN });

    expect(backtest.runs.find((run) => run.runDate === '2026-03-11')?.findings).toBe(1);
    expect(backtest.totals).toMatchObject({ alert: 0, update: 0, end: 0, quietRuns: 15 });
  });

  it('counts alerts, updates and ends per kind and per severity', () => {
    const capture = testCapture([
      { ...TEXTRACT, usual: 100, on: { '2026-03-10': 300, '2026-03-11': 500, '2026-03-12': 1200 } },
    ]);

    const { totals } = replayCapture(capture, DEFAULT_SETTINGS, { days: 15, lastRun: LAST_RUN });

    expect(totals.byKind).toEqual({
      spike: { alert: 1, update: 2, end: 1 },
      trend: { alert: 1, update: 1, end: 1 },
    });
    const bySeverity = Object.values(totals.bySeverity).reduce(
      (sum, counts) => sum + counts.alert + counts.update + counts.end,
      0,
    );
    expect(bySeverity).toBe(7);
  });

  it('keeps what the state table would hold: ended records, and ongoing ones active', () => {
    const capture = testCapture([
      { ...TEXTRACT, usual: 100, on: { '2026-03-10': 900 } },
      { service: 'Amazon SageMaker', usageType: 'USE1-Host:ml.g5.12xlarge', usual: 170.16 },
    ]);

    const backtest = replayCapture(capture, DEFAULT_SETTINGS, { days: 15, lastRun: LAST_RUN });

    const memory = backtest.memory.map(({ key, status, firstPostedOn, endedOn }) => ({
      key,
      status,
      firstPostedOn,
      endedOn,
    }));
    expect(memory).toEqual([
      {
        key: 'always-on:Amazon SageMaker|USE1-Host:ml.g5.12xlarge',
        status: 'active',
        firstPostedOn: '2026-03-06',
        endedOn: null,
      },
      { key: SPIKE_KEY, status: 'ended', firstPostedOn: '2026-03-11', endedOn: '2026-03-13' },
    ]);
  });

  it('forgets an ended finding after 30 days, as the state table does, and posts it anew', () => {
    const capture = testCapture(
      [{ ...TEXTRACT, usual: 100, on: { '2026-02-01': 900, '2026-03-10': 900 } }],
      { days: 80 },
    );

    const backtest = replayCapture(capture, DEFAULT_SETTINGS, { days: 48, lastRun: LAST_RUN });

    expect(eventsByRun(backtest)).toEqual({
      '2026-02-02': [`alert ${SPIKE_KEY}`],
      '2026-02-04': [`end ${SPIKE_KEY}`],
      '2026-03-11': [`alert ${SPIKE_KEY}`],
      '2026-03-13': [`end ${SPIKE_KEY}`],
    });
  });
});
