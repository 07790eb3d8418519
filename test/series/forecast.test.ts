import { normaliseForecast } from '../../lambda/series/forecast';

const interval = (start: string, end: string, mean: string, lower?: string, upper?: string) => ({
  TimePeriod: { Start: start, End: end },
  MeanValue: mean,
  PredictionIntervalLowerBound: lower,
  PredictionIntervalUpperBound: upper,
});

describe('normaliseForecast', () => {
  it('reads the total and sums the bounds over the intervals', () => {
    const response = {
      Total: { Amount: '300.5', Unit: 'USD' },
      ForecastResultsByTime: [
        interval('2026-03-20', '2026-03-21', '100', '90', '120'),
        interval('2026-03-21', '2026-03-23', '200.5', '150', '260'),
      ],
    };

    expect(normaliseForecast(response, 'capture')).toEqual({
      start: '2026-03-20',
      end: '2026-03-23',
      meanUsd: 300.5,
      lowerUsd: 240,
      upperUsd: 380,
    });
  });

  it('sums the means when the total is absent, and leaves bounds null when any is missing', () => {
    const response = {
      ForecastResultsByTime: [
        interval('2026-03-21', '2026-03-22', '200', '150'),
        interval('2026-03-20', '2026-03-21', '100', '90', '120'),
      ],
    };

    expect(normaliseForecast(response, 'capture')).toEqual({
      start: '2026-03-20',
      end: '2026-03-22',
      meanUsd: 300,
      lowerUsd: 240,
      upperUsd: null,
    });
  });

  it('names the field of a period that is not a day', () => {
    const response = { ForecastResultsByTime: [interval('2026-03', '2026-04-01', '1')] };

    expect(() => normaliseForecast(response, 'capture')).toThrow(
      'capture: GetCostForecast: ForecastResultsByTime[0].TimePeriod.Start is "2026-03", ' +
        'not a day (YYYY-MM-DD).',
    );
  });
});
