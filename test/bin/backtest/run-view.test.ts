import {
  captureForRun,
  dayAfterNewest,
  runView,
  trailingEstimatedDays,
} from '../../../bin/backtest/run-view';
import type { Capture } from '../../../lambda/collect/capture';
import { buildHistory } from '../../../lambda/series/history';
import { logSpend } from '../../../lambda/series/spend-log';
import { DEFAULT_SETTINGS } from '../../../lambda/settings/defaults';
import { TEXTRACT, testCapture } from './captures';

const FORECAST = { Total: { Amount: '1000', Unit: 'USD' }, ForecastResultsByTime: [] };
const settings = DEFAULT_SETTINGS;

describe('runView', () => {
  it('gives a run its look-back window, its newest days estimated', () => {
    // Prepare
    const capture = testCapture([{ ...TEXTRACT, usual: 100 }], { days: 45 });

    // Act
    const view = runView('2026-03-10', 5, 2);
    const { history } = buildHistory(capture, { settings, ...view });

    // Assess
    expect(view).toEqual({ asOf: '2026-03-10', from: '2026-03-05', estimatedFrom: '2026-03-08' });
    expect(history.days).toEqual([
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
    ]);
    expect(history.estimated).toEqual([false, false, false, true, true]);
  });

  it('counts the spend per tag value on the same days only', () => {
    const base = testCapture([{ ...TEXTRACT, usual: 100 }], { days: 10 });
    const capture = {
      ...base,
      GetCostAndUsageByTag: tagPages(base.GetCostAndUsage),
      Meta: { tagKey: 'team' },
    };

    const { history } = buildHistory(capture, { settings, ...runView('2026-03-15', 3, 1) });

    expect(history.days).toEqual(['2026-03-12', '2026-03-13', '2026-03-14']);
    expect(history.tags).toEqual({ tagKey: 'team', taggedUsd: 300, untaggedUsd: 0 });
  });
});

describe('captureForRun', () => {
  it.each([
    { runDate: '2026-03-20', kept: true },
    { runDate: '2026-03-19', kept: false },
  ])(
    'keeps the recorded forecast only on the capture’s own date ($runDate)',
    ({ runDate, kept }) => {
      const capture = { ...testCapture([{ ...TEXTRACT, usual: 100 }]), GetCostForecast: FORECAST };

      const seen = captureForRun(capture, runDate, '2026-03-20');

      expect(seen.GetCostForecast !== undefined).toBe(kept);
      expect(seen.GetCostAndUsage).toBe(capture.GetCostAndUsage);
    },
  );
});

describe('trailingEstimatedDays', () => {
  it.each([0, 1, 2, 3])('counts %i estimated days at the end of the capture', (estimatedDays) => {
    const capture = testCapture([{ ...TEXTRACT, usual: 100 }], { estimatedDays });

    expect(trailingEstimatedDays(logSpend(capture.GetCostAndUsage, 'capture').days)).toBe(
      estimatedDays,
    );
  });
});

describe('dayAfterNewest', () => {
  it('is the day after the newest day, or nothing for a capture with no days', () => {
    const capture = testCapture([{ ...TEXTRACT, usual: 100 }]);

    expect(dayAfterNewest(logSpend(capture.GetCostAndUsage, 'capture').days)).toBe('2026-03-20');
    expect(dayAfterNewest(new Map())).toBeUndefined();
  });
});

/** The same days' spend, grouped by one tag instead: all of it tagged `team$search`. */
function tagPages(pages: Capture['GetCostAndUsage']): Capture['GetCostAndUsage'] {
  return pages.map((page) => ({
    ...page,
    GroupDefinitions: [{ Type: 'TAG', Key: 'team' }],
    ResultsByTime: (page.ResultsByTime ?? []).map((result) => ({
      ...result,
      Groups: (result.Groups ?? []).map((group) => ({ ...group, Keys: ['team$search'] })),
    })),
  })) as Capture['GetCostAndUsage'];
}
