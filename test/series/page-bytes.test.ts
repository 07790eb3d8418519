import type { Capture } from '../../lambda/collect/capture';
import { buildHistory, type LoggedCapture } from '../../lambda/series/history';
import { JSON_BYTES, JsonCursor } from '../../lambda/series/json-cursor';
import { readPageBytes } from '../../lambda/series/page-bytes';
import { readCapture, readLoggedCapture } from '../../lambda/series/read-capture';
import { SpendLog } from '../../lambda/series/spend-log';
import { DEFAULT_SETTINGS } from '../../lambda/settings/defaults';
import { createRandom } from '../../samples/prng';
import { BEDROCK, copyOf, NOVA_INPUT, NOVA_OUTPUT, page, setPath } from './pages';

const { COMMA } = JSON_BYTES;

const FIRST = page([
  { day: '2026-03-01', groups: [{ service: BEDROCK, usageType: NOVA_INPUT, cost: 1, usage: 10 }] },
]);

/** A second page with two days of two meters, one of them new. */
function secondPage() {
  return copyOf(
    page([
      {
        day: '2026-03-02',
        groups: [
          { service: BEDROCK, usageType: NOVA_INPUT, cost: '2.25', usage: '20.5' },
          { service: BEDROCK, usageType: NOVA_OUTPUT, cost: '-0.000001', usage: 3 },
        ],
      },
      {
        day: '2026-03-03',
        estimated: true,
        groups: [{ service: BEDROCK, usageType: NOVA_OUTPUT, cost: '12345678.1234567', usage: 0 }],
      },
    ]),
  ) as Record<string, unknown>;
}

/** Everything a log holds, its columns cut to its rows. */
function contentsOf(log: SpendLog) {
  const rows = log.rows;
  return {
    meters: log.meters,
    units: log.units,
    days: [...log.days],
    firstHeld: log.firstHeld,
    currency: log.currency,
    pages: log.pages,
    results: log.results,
    rows,
    meterOf: [...log.meterOf.subarray(0, rows)],
    day: [...log.day.subarray(0, rows)],
    usage: [...log.usage.subarray(0, rows)],
    unitOf: [...log.unitOf.subarray(0, rows)],
    places: [...log.places.subarray(0, rows * 3)],
    costs: [...log.costs].map(([name, column]) => [name, [...column.subarray(0, rows)]]),
    missing: [...log.missing],
  };
}

/** A log of the first page and `text`, read from bytes; null when the byte reader declined. */
function readAfterFirst(text: string): SpendLog | null {
  const log = new SpendLog('capture');
  log.addPage(FIRST);
  const before = contentsOf(log);
  const bytes = Buffer.from(`${text} ,`, 'utf8');
  const cursor = new JsonCursor(bytes, 0, bytes.length);
  if (readPageBytes(cursor, log)) {
    // Left right after the page, for the list of pages to go on.
    expect(cursor.peek()).toBe(COMMA);
    return log;
  }
  expect(contentsOf(log)).toEqual(before);
  return null;
}

/** The log the usual reading of parsed pages gives. */
function parsedAfterFirst(text: string): SpendLog {
  const log = new SpendLog('capture');
  log.addPage(FIRST);
  log.addPage(JSON.parse(text));
  return log;
}

describe('readPageBytes', () => {
  it('reads a plain page into the log as the usual reading does', () => {
    const text = JSON.stringify(secondPage());

    const log = readAfterFirst(text);

    expect(log).not.toBeNull();
    expect(contentsOf(log as SpendLog)).toEqual(contentsOf(parsedAfterFirst(text)));
    expect(log?.meters.map((meter) => meter.usageType)).toEqual([NOVA_INPUT, NOVA_OUTPUT]);
  });

  it.each([
    ['indented', (body: Record<string, unknown>) => JSON.stringify(body, null, 2)],
    [
      'with tabs and CRLF',
      (body: Record<string, unknown>) => JSON.stringify(body, null, '\t').replace(/\n/g, '\r\n'),
    ],
    [
      'with its fields in another order',
      (body: Record<string, unknown>) =>
        JSON.stringify(body, Object.keys(flatKeys(body)).sort().reverse()),
    ],
  ])('reads a page %s', (_how, write) => {
    const text = write(secondPage());

    const log = readAfterFirst(text);

    expect(log).not.toBeNull();
    expect(contentsOf(log as SpendLog)).toEqual(contentsOf(parsedAfterFirst(text)));
  });

  it.each([
    ['a next-page token and no grouping', 'GroupDefinitions', undefined],
    ['a result with no groups', 'ResultsByTime.1.Groups', []],
    ['a result without a Groups field', 'ResultsByTime.1.Groups', undefined],
    [
      'a usage metric with no unit',
      'ResultsByTime.0.Groups.0.Metrics.UsageQuantity.Unit',
      undefined,
    ],
    [
      'an amount with more digits than a double holds',
      'ResultsByTime.0.Groups.1.Metrics.UnblendedCost.Amount',
      '0.12345678901234567890123',
    ],
    ['an amount with an exponent', 'ResultsByTime.0.Groups.1.Metrics.UnblendedCost.Amount', '1e-7'],
  ])('reads a page with %s', (_what, path, value) => {
    const body = secondPage();
    body.NextPageToken = 'token-2';
    setPath(body, path, value);
    const text = JSON.stringify(body);

    const log = readAfterFirst(text);

    expect(log).not.toBeNull();
    expect(contentsOf(log as SpendLog)).toEqual(contentsOf(parsedAfterFirst(text)));
  });

  it.each([
    ['a key with an escape', 'ResultsByTime.0.Groups.0.Keys.1', 'USE1-"quoted"'],
    ['a key outside ASCII', 'ResultsByTime.0.Groups.0.Keys.0', 'Amazon Bedröck'],
    [
      'a metric of another name',
      'ResultsByTime.0.Groups.0.Metrics.NormalizedUsageAmount',
      { Amount: '1', Unit: 'N/A' },
    ],
    [
      'an amount written as a number',
      'ResultsByTime.0.Groups.0.Metrics.UnblendedCost.Amount',
      2.25,
    ],
    [
      'an amount that is not a number',
      'ResultsByTime.0.Groups.0.Metrics.UnblendedCost.Amount',
      'n/a',
    ],
    ['another field in a group', 'ResultsByTime.0.Groups.0.Attributes', {}],
    ['another field in an amount', 'ResultsByTime.0.Groups.0.Metrics.UnblendedCost.Note', 'x'],
    ['another currency', 'ResultsByTime.0.Groups.0.Metrics.UnblendedCost.Unit', 'EUR'],
    ['a group with no cost metric', 'ResultsByTime.0.Groups.0.Metrics.UnblendedCost', undefined],
    ['a group with no metrics', 'ResultsByTime.0.Groups.0.Metrics', undefined],
    ['three keys', 'ResultsByTime.0.Groups.0.Keys', [BEDROCK, NOVA_INPUT, 'x']],
    ['a period of two days', 'ResultsByTime.0.TimePeriod.End', '2026-03-04'],
    [
      'a total with no groups',
      'ResultsByTime.1',
      {
        TimePeriod: { Start: '2026-03-03', End: '2026-03-04' },
        Total: { UnblendedCost: { Amount: '1', Unit: 'USD' } },
        Groups: [],
      },
    ],
    ['another grouping', 'GroupDefinitions.1.Key', 'REGION'],
    ['no results', 'ResultsByTime', undefined],
  ])(
    'declines a page with %s, adding nothing, and leaves it to the usual reading',
    (_what, path, value) => {
      const body = secondPage();
      setPath(body, path, value);

      expect(readAfterFirst(JSON.stringify(body))).toBeNull();
    },
  );

  it('declines a page given before the currency is known', () => {
    const bytes = Buffer.from(JSON.stringify(secondPage()));
    const cursor = new JsonCursor(bytes, 0, bytes.length);

    expect(readPageBytes(cursor, new SpendLog('capture'))).toBe(false);
  });

  it.each([
    ['a key given twice', '{"ResultsByTime": [], "ResultsByTime": []}'],
    ['a page that is not an object', JSON.stringify([secondPage()])],
    ['a field that is not JSON', '{"ResultsByTime": [], "NextPageToken": tru}'],
  ])('declines %s', (_what, text) => {
    expect(readAfterFirst(text)).toBeNull();
  });
});

describe('readLoggedCapture on varied pages', () => {
  it('gives the history and the messages of readCapture, whatever the byte reader takes', () => {
    const random = createRandom(7);
    const mutations = [
      (body: Record<string, unknown>) => body,
      (body: Record<string, unknown>) => setPath(body, 'ResultsByTime.0.Groups.1.Keys.1', 'ü'),
      (body: Record<string, unknown>) => setPath(body, 'ResultsByTime.1.Estimated', false),
      (body: Record<string, unknown>) =>
        setPath(body, 'ResultsByTime.0.Groups.0.Metrics.AmortizedCost', {
          Amount: '1',
          Unit: 'USD',
        }),
      (body: Record<string, unknown>) =>
        setPath(body, 'ResultsByTime.1.Groups.0.Metrics.UnblendedCost.Amount', 'x'),
      (body: Record<string, unknown>) => setPath(body, 'ResultsByTime.0.Groups.0', null),
    ];

    for (let trial = 0; trial < 40; trial++) {
      const pages = [
        FIRST,
        ...Array.from({ length: 3 }, (_, index) => {
          const body = secondPage();
          shiftDays(body, 3 * index);
          const mutate = mutations[Math.floor(random.between(0, mutations.length))] ?? mutations[0];
          mutate?.(body);
          return body;
        }),
      ];
      const indent = random.chance(0.5) ? 2 : undefined;
      const text = JSON.stringify({ GetCostAndUsage: pages }, null, indent);

      const whole = outcomeOf(() => readCapture(text, 'x.json'));
      const logged = outcomeOf(() => readLoggedCapture(Buffer.from(text), 'x.json'));
      expect(logged).toEqual(whole);
    }
  });
});

/** The history a capture gives, or the message it fails with. */
function outcomeOf(read: () => Capture | LoggedCapture) {
  try {
    const capture = read();
    return buildHistory(capture, { settings: DEFAULT_SETTINGS, source: 'x.json' });
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Moves every day of a page `by` days later, so that pages do not repeat each other. */
function shiftDays(body: Record<string, unknown>, by: number): void {
  const shift = (day: string) => {
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + by);
    return date.toISOString().slice(0, 10);
  };
  for (const result of body.ResultsByTime as { TimePeriod: { Start: string; End: string } }[]) {
    result.TimePeriod = {
      Start: shift(result.TimePeriod.Start),
      End: shift(result.TimePeriod.End),
    };
  }
}

/** Every key used anywhere in a JSON value, for a replacer that orders them. */
function flatKeys(value: unknown, keys: Record<string, true> = {}): Record<string, true> {
  if (Array.isArray(value)) for (const item of value) flatKeys(item, keys);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      keys[key] = true;
      flatKeys(item, keys);
    }
  }
  return keys;
}
