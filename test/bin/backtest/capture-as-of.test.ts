import { captureAsOf, trailingEstimatedDays } from '../../../bin/backtest/capture-as-of';
import type { Capture } from '../../../lambda/collect/capture';
import { TEXTRACT, testCapture } from './captures';

function daysOf(capture: Capture): [string, boolean][] {
  return capture.GetCostAndUsage.flatMap((page) => page.ResultsByTime ?? []).map((result) => [
    result.TimePeriod?.Start ?? '',
    result.Estimated === true,
  ]);
}

const FORECAST = { Total: { Amount: '1000', Unit: 'USD' }, ForecastResultsByTime: [] };

describe('captureAsOf', () => {
  it('keeps only the look-back window before the run, its newest days estimated', () => {
    // Prepare
    const capture = testCapture([{ ...TEXTRACT, usual: 100 }], { days: 45 });

    // Act
    const view = captureAsOf(capture, {
      asOf: '2026-03-10',
      lookbackDays: 5,
      estimatedDays: 2,
      keepForecast: false,
    });

    // Assess
    expect(daysOf(view)).toEqual([
      ['2026-03-05', false],
      ['2026-03-06', false],
      ['2026-03-07', false],
      ['2026-03-08', true],
      ['2026-03-09', true],
    ]);
  });

  it.each([
    { keepForecast: true, kept: true },
    { keepForecast: false, kept: false },
  ])('keeps the recorded forecast only when asked ($keepForecast)', ({ keepForecast, kept }) => {
    const capture = { ...testCapture([{ ...TEXTRACT, usual: 100 }]), GetCostForecast: FORECAST };

    const view = captureAsOf(capture, {
      asOf: '2026-03-20',
      lookbackDays: 60,
      estimatedDays: 1,
      keepForecast,
    });

    expect(view.GetCostForecast !== undefined).toBe(kept);
  });

  it('slices the spend per tag value and per account by the same days', () => {
    const base = testCapture([{ ...TEXTRACT, usual: 100 }], { days: 10 });
    const capture = { ...base, GetCostAndUsageByTag: base.GetCostAndUsage };

    const view = captureAsOf(capture, {
      asOf: '2026-03-15',
      lookbackDays: 3,
      estimatedDays: 1,
      keepForecast: false,
    });

    const tagDays = (view.GetCostAndUsageByTag ?? []).flatMap((page) => page.ResultsByTime ?? []);
    expect(tagDays.map((result) => result.TimePeriod?.Start)).toEqual([
      '2026-03-12',
      '2026-03-13',
      '2026-03-14',
    ]);
    expect(view.GetCostAndUsageByAccount).toBeUndefined();
  });
});

describe('trailingEstimatedDays', () => {
  it.each([0, 1, 2, 3])('counts %i estimated days at the end of the capture', (estimatedDays) => {
    const capture = testCapture([{ ...TEXTRACT, usual: 100 }], { estimatedDays });

    expect(trailingEstimatedDays(capture)).toBe(estimatedDays);
  });
});
