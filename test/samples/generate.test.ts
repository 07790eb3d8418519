import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GetCostAndUsageResponse } from '@aws-sdk/client-cost-explorer';
import { demoCaptureText, generateDemoCapture } from '../../samples/demo-capture';

const COMMITTED = join(__dirname, '..', '..', 'samples', 'demo-capture.json');

function startsOf(page: GetCostAndUsageResponse): string[] {
  return (page.ResultsByTime ?? []).map((result) => result.TimePeriod?.Start ?? '');
}

describe('demo capture generator', () => {
  it('generates the same capture every time', () => {
    expect(demoCaptureText()).toBe(demoCaptureText());
  });

  it('matches the committed samples/demo-capture.json (run npm run sample after a change)', () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(demoCaptureText());
  });

  it('covers 60 days, the newest two estimated', () => {
    const pages = generateDemoCapture().GetCostAndUsage;
    const results = pages.flatMap((page) => page.ResultsByTime ?? []);
    const days = [...new Set(results.map((result) => result.TimePeriod?.Start))];
    const estimated = new Set(
      results.filter((result) => result.Estimated).map((result) => result.TimePeriod?.Start),
    );

    expect(days).toHaveLength(60);
    expect([...estimated]).toEqual(['2026-03-18', '2026-03-19']);
  });

  it('pages like Cost Explorer: 3+ pages, tokens on all but the last, a day split over two', () => {
    const pages = generateDemoCapture().GetCostAndUsage;

    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.slice(0, -1).every((page) => typeof page.NextPageToken === 'string')).toBe(true);
    expect(pages.at(-1)?.NextPageToken).toBeUndefined();
    const splitDays = pages.slice(1).filter((page, index) => {
      const previous = pages[index];
      return previous !== undefined && startsOf(page)[0] === startsOf(previous).at(-1);
    });
    expect(splitDays.length).toBeGreaterThan(0);
  });

  it('writes amounts as decimal strings and leaves Total empty when grouped', () => {
    const [page] = generateDemoCapture().GetCostAndUsage;
    const [result] = page?.ResultsByTime ?? [];
    const [group] = result?.Groups ?? [];

    expect(result?.Total).toEqual({});
    expect(group?.Metrics?.UnblendedCost?.Amount).toMatch(/^\d+(\.\d+)?$/);
    expect(group?.Metrics?.UnblendedCost?.Unit).toBe('USD');
  });

  it('bills native Bedrock models and Marketplace Claude listings side by side', () => {
    const services = new Set(
      generateDemoCapture()
        .GetCostAndUsage.flatMap((page) => page.ResultsByTime ?? [])
        .flatMap((result) => result.Groups ?? [])
        .map((group) => group.Keys?.[0]),
    );

    expect([...services]).toEqual(
      expect.arrayContaining([
        'Amazon Bedrock',
        'Claude 3.5 Sonnet (Amazon Bedrock Edition)',
        'Claude 3 Haiku (Amazon Bedrock Edition)',
        'Claude Opus 4 (Amazon Bedrock Edition)',
        'Amazon SageMaker',
        'Amazon OpenSearch Service',
        'Amazon Kendra',
      ]),
    );
  });

  it('holds one anomaly nobody gave feedback on, and one monitor', () => {
    const capture = generateDemoCapture();
    const anomalies = capture.GetAnomalies?.flatMap((page) => page.Anomalies ?? []) ?? [];

    expect(anomalies.filter((anomaly) => anomaly.Feedback === undefined)).toHaveLength(1);
    expect(capture.GetAnomalyMonitors?.[0]?.AnomalyMonitors).toHaveLength(1);
  });
});
