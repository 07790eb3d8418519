import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaptureError } from '../../lambda/series/errors';
import { readCapture, readLoggedCapture } from '../../lambda/series/read-capture';
import { BEDROCK, copyOf, NOVA_INPUT, page, setPath } from './pages';

const FIXTURES = join(__dirname, '..', 'fixtures', 'series');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

const SOURCE = 'samples/x.json';
const GROUP = 'ResultsByTime.0.Groups.0';

const day = (date: string) => ({
  day: date,
  groups: [{ service: BEDROCK, usageType: NOVA_INPUT, cost: 1, usage: 10 }],
});

function thrownBy(read: () => unknown): CaptureError {
  try {
    read();
  } catch (error) {
    if (error instanceof CaptureError) return error;
    throw error;
  }
  throw new Error('the capture was accepted');
}

/**
 * Runs readCapture on `json` and returns the CaptureError it must throw;
 * reading it page by page must fail with the same message.
 */
function errorOf(json: unknown): CaptureError {
  const text = typeof json === 'string' ? json : JSON.stringify(json);
  const whole = thrownBy(() => readCapture(text, SOURCE));
  const paged = thrownBy(() => readLoggedCapture(Buffer.from(text), SOURCE));
  expect(paged.message).toBe(whole.message);
  return whole;
}

/** A one-day page with one field set (or deleted, with undefined). */
function pageWith(path: string, value: unknown) {
  const body = copyOf(page([day('2026-03-01')]));
  setPath(body, path, value);
  return body;
}

describe('readCapture accepts', () => {
  it('a capture keyed by operation, keeping every part', () => {
    const capture = readCapture(fixture('capture.json'), SOURCE);

    expect(Object.keys(capture).sort()).toEqual([
      'GetAnomalies',
      'GetAnomalyMonitors',
      'GetCostAndUsage',
      'GetCostAndUsageByAccount',
      'GetCostAndUsageByTag',
      'GetCostForecast',
      'GetDimensionValues',
      'Meta',
    ]);
    expect(capture.GetCostAndUsage).toHaveLength(2);
    expect(capture.Meta?.tagKey).toBe('team');
  });

  it('a single `aws ce get-cost-and-usage --output json` output as one page', () => {
    const capture = readCapture(fixture('cli-page.json'), SOURCE);

    expect(capture.GetCostAndUsage).toHaveLength(1);
    expect(capture.GetCostAndUsage[0]?.ResultsByTime).toHaveLength(2);
  });

  it('an array of such outputs as pages', () => {
    const pages = [page([day('2026-03-01')]), page([day('2026-03-02')])];

    expect(readCapture(JSON.stringify(pages), SOURCE).GetCostAndUsage).toEqual(pages);
  });

  it('a single response where a list of pages is expected', () => {
    const text = JSON.stringify({ GetCostAndUsage: page([day('2026-03-01')]) });

    expect(readCapture(text, SOURCE).GetCostAndUsage).toHaveLength(1);
  });

  it('a file that starts with a byte order mark', () => {
    const text = `\uFEFF${JSON.stringify(page([day('2026-03-01')]))}`;

    expect(readCapture(text, SOURCE).GetCostAndUsage).toHaveLength(1);
  });

  it.each([
    ['a number', 1.5],
    ['an exponent', '2.5E-7'],
    ['a negative credit', '-12.5'],
  ])('an amount written as %s', (_label, amount) => {
    const body = pageWith(`${GROUP}.Metrics.UnblendedCost.Amount`, amount);

    expect(() => readCapture(JSON.stringify(body), SOURCE)).not.toThrow();
  });

  it('a page without GroupDefinitions, as hand-made captures have', () => {
    expect(() =>
      readCapture(JSON.stringify(pageWith('GroupDefinitions', undefined)), SOURCE),
    ).not.toThrow();
  });
});

describe('readCapture rejects', () => {
  it('text that is not JSON, naming the line and column', () => {
    const error = errorOf('{\n  "GetCostAndUsage": [\n    {"ResultsByTime": [}]\n}');

    expect(error.message).toMatch(/^samples\/x\.json: is not JSON: .*, at line 3, column 24/);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('text cut short, saying that it ends early', () => {
    const error = errorOf('{"GetCostAndUsage": [');

    expect(error.message).toContain('the text ends before the JSON does, at line 1, column 22');
  });

  it('an empty file, saying what a capture looks like', () => {
    expect(errorOf('  \n').message).toBe(
      `${SOURCE}: is empty. Give a capture keyed by operation ({"GetCostAndUsage": [pages...], ` +
        '...}), one `aws ce get-cost-and-usage --output json` output, ' +
        'or a JSON array of such outputs.',
    );
  });

  it.each([
    ['a number', '42', 'is 42, not a capture'],
    ['a string', '"hello"', 'is "hello", not a capture'],
    ['an object of other things', '{"Foo": 1, "Bar": 2}', 'is an object with the keys Foo, Bar'],
    ['an empty array', '[]', 'is an empty list of pages'],
    ['a misspelt operation', '{"getCostAndUsage": []}', 'has the key "getCostAndUsage"'],
    ['a misspelt part', '{"GetCostAndUsage": [], "getanomalies": []}', 'Rename it to GetAnomalies'],
  ])('%s', (_label, text, expected) => {
    const error = errorOf(text);

    expect(error.message).toContain(expected);
    expect([error.source, error.page, error.field]).toEqual([SOURCE, null, null]);
  });

  it('a page with no ResultsByTime, naming the page', () => {
    const error = errorOf([page([day('2026-03-01')]), { NextPageToken: 'x' }]);

    expect(error.message).toBe(
      `${SOURCE}: GetCostAndUsage page 2: the page has no ResultsByTime list. ` +
        'Each page must be one `aws ce get-cost-and-usage --output json` output.',
    );
    expect([error.operation, error.page]).toEqual(['GetCostAndUsage', 2]);
  });

  it('a capture with no days at all', () => {
    expect(errorOf({ GetCostAndUsage: [{ ResultsByTime: [] }] }).message).toContain(
      'GetCostAndUsage: holds no days at all',
    );
  });

  it('an amount that is not a number on a later page, naming page and field', () => {
    const pages = [1, 2, 3].map((n) => copyOf(page([day(`2026-03-0${n}`), day(`2026-03-1${n}`)])));
    setPath(pages[2], 'ResultsByTime.1.Groups.0.Metrics.UnblendedCost.Amount', 'abc');

    const error = errorOf(pages);

    expect(error.message).toMatch(
      new RegExp(
        '^samples/x\\.json: GetCostAndUsage page 3: ResultsByTime\\[1\\]\\.Groups\\[0\\]\\.' +
          'Metrics\\.UnblendedCost\\.Amount is "abc", not a number\\. Re-record the capture with ' +
          '`aws ce get-cost-and-usage --granularity DAILY',
      ),
    );
    expect([error.page, error.field]).toEqual([
      3,
      'ResultsByTime[1].Groups[0].Metrics.UnblendedCost.Amount',
    ]);
  });

  it.each([
    ['missing', undefined, 'is missing, not a number'],
    ['empty', '', 'is "", not a number'],
    ['blank', '  ', 'is "  ", not a number'],
    ['infinite', 'Infinity', 'is "Infinity", not a number'],
    ['an object', { value: 1 }, 'is {"value":1}, not a number'],
  ])('an amount that is %s', (_label, amount, expected) => {
    const error = errorOf(pageWith(`${GROUP}.Metrics.UsageQuantity.Amount`, amount));

    expect(error.field).toBe('ResultsByTime[0].Groups[0].Metrics.UsageQuantity.Amount');
    expect(error.message).toContain(expected);
  });

  it('mixed currencies, naming both units and where each is', () => {
    const second = copyOf(page([day('2026-03-02')]));
    setPath(second, `${GROUP}.Metrics.UnblendedCost.Unit`, 'EUR');

    const error = errorOf([page([day('2026-03-01')]), second]);

    expect(error.message).toBe(
      `${SOURCE}: GetCostAndUsage page 2: ResultsByTime[0].Groups[0].Metrics.UnblendedCost.Unit ` +
        'is "EUR", but GetCostAndUsage page 1 ' +
        'ResultsByTime[0].Groups[0].Metrics.UnblendedCost.Unit ' +
        'is "USD": mixed currencies. Record the capture from one payer account, in one currency.',
    );
  });

  it.each([
    [
      'a month',
      '2026-03-01',
      '2026-04-01',
      'runs from 2026-03-01 to 2026-04-01 (31 days), not one day',
    ],
    [
      'an hour',
      '2026-03-01T00:00:00Z',
      '2026-03-01T01:00:00Z',
      'Start is "2026-03-01T00:00:00Z", not a day',
    ],
    ['a day that does not exist', '2026-02-30', '2026-03-01', 'Start is "2026-02-30", not a day'],
    ['a backward period', '2026-03-02', '2026-03-01', 'ends on 2026-03-01, before it starts'],
  ])('a period of %s', (_label, start, end, expected) => {
    const error = errorOf(pageWith('ResultsByTime.0.TimePeriod', { Start: start, End: end }));

    expect(error.message).toContain(expected);
    expect(error.field?.startsWith('ResultsByTime[0].TimePeriod')).toBe(true);
  });

  it('a period that is not DAILY, saying how to record one', () => {
    const period = { Start: '2026-03-01', End: '2026-04-01' };

    expect(errorOf(pageWith('ResultsByTime.0.TimePeriod', period)).message).toMatch(
      /the capture is not DAILY\. Re-record the capture with --granularity DAILY\.$/,
    );
  });

  it('spend recorded without grouping keys', () => {
    const ungrouped = pageWith('ResultsByTime.0.Groups', []);
    setPath(ungrouped, 'ResultsByTime.0.Total', { UnblendedCost: { Amount: '12.5', Unit: 'USD' } });

    expect(errorOf(ungrouped).message).toContain(
      'page 1: ResultsByTime[0] has a Total but no Groups: ' +
        'the capture has no grouping keys. Re-record',
    );
  });

  it('groups with one key instead of SERVICE and USAGE_TYPE', () => {
    const body = pageWith(`${GROUP}.Keys`, ['Amazon Bedrock']);
    setPath(body, 'GroupDefinitions', undefined);

    const error = errorOf(body);

    expect(error.field).toBe('ResultsByTime[0].Groups[0].Keys');
    expect(error.message).toContain('is 1 key(s), not the 2 grouping key(s) SERVICE, USAGE_TYPE');
  });

  it('pages grouped by other dimensions', () => {
    const definitions = [
      { Type: 'DIMENSION', Key: 'USAGE_TYPE' },
      { Type: 'DIMENSION', Key: 'SERVICE' },
    ];

    expect(errorOf(pageWith('GroupDefinitions', definitions)).message).toContain(
      'GroupDefinitions is [USAGE_TYPE, SERVICE], not [SERVICE, USAGE_TYPE]',
    );
  });

  it('a group with no cost metric', () => {
    const error = errorOf(pageWith(`${GROUP}.Metrics.UnblendedCost`, undefined));

    expect(error.message).toContain(
      'ResultsByTime[0].Groups[0].Metrics has no cost metric (UnblendedCost, AmortizedCost, ' +
        'NetUnblendedCost, NetAmortizedCost, BlendedCost); it holds UsageQuantity',
    );
  });

  it.each([
    [
      'an anomaly without an id',
      'GetAnomalies.0.Anomalies.0.AnomalyId',
      undefined,
      'GetAnomalies page 1: Anomalies[0].AnomalyId is missing',
    ],
    [
      'an anomaly impact that is not a number',
      'GetAnomalies.0.Anomalies.0.Impact.MaxImpact',
      'lots',
      'GetAnomalies page 1: Anomalies[0].Impact.MaxImpact is "lots", not a number',
    ],
    [
      'an anomaly date that is not a date',
      'GetAnomalies.0.Anomalies.0.AnomalyEndDate',
      'soon',
      'GetAnomalies page 1: Anomalies[0].AnomalyEndDate is "soon", not a date',
    ],
    [
      'a monitors page without a list',
      'GetAnomalyMonitors.0.AnomalyMonitors',
      undefined,
      'GetAnomalyMonitors page 1: AnomalyMonitors is missing, not a list',
    ],
    [
      'a forecast without intervals',
      'GetCostForecast.ForecastResultsByTime',
      [],
      'GetCostForecast: ForecastResultsByTime is empty',
    ],
    [
      'a forecast total that is not a number',
      'GetCostForecast.Total.Amount',
      'x',
      'GetCostForecast: Total.Amount is "x", not a number',
    ],
    [
      'a tag key without a tag',
      'GetCostAndUsageByTag.0.ResultsByTime.0.Groups.0.Keys',
      ['search'],
      'GetCostAndUsageByTag page 1: ResultsByTime[0].Groups[0].Keys[0] is "search", ' +
        'not a tag group key',
    ],
    [
      'an account amount with a comma',
      'GetCostAndUsageByAccount.0.ResultsByTime.0.Groups.1.Metrics.UnblendedCost.Amount',
      '1,000',
      'GetCostAndUsageByAccount page 1: ' +
        'ResultsByTime[0].Groups[1].Metrics.UnblendedCost.Amount is "1,000"',
    ],
    [
      'a dimension value without a value',
      'GetDimensionValues.0.DimensionValues.1',
      {},
      'GetDimensionValues page 1: DimensionValues[1].Value is missing',
    ],
    [
      'a meta part that is not an object',
      'Meta',
      'today',
      'Meta: the part is "today", not an object',
    ],
  ])('%s', (_label, path, value, expected) => {
    const capture: unknown = JSON.parse(fixture('capture.json'));
    setPath(capture, path, value);

    expect(errorOf(capture).message).toContain(`${SOURCE}: ${expected}`);
  });
});
