import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildHistory } from '../../lambda/series/history';
import { readCapture, readLoggedCapture } from '../../lambda/series/read-capture';
import { splitCaptureText } from '../../lambda/series/split-capture';
import { DEFAULT_SETTINGS } from '../../lambda/settings/defaults';
import { BEDROCK, NOVA_INPUT, NOVA_OUTPUT, page } from './pages';

const FIXTURE = readFileSync(join(__dirname, '..', 'fixtures', 'series', 'capture.json'), 'utf8');
const SOURCE = 'capture.json';

const days = (service: string, first: number, count: number) =>
  Array.from({ length: count }, (_, index) => ({
    day: `2026-03-${String(first + index).padStart(2, '0')}`,
    groups: [
      { service, usageType: NOVA_INPUT, cost: index + 1, usage: 10 * index },
      { service, usageType: NOVA_OUTPUT, cost: '0.5', usage: 3 },
    ],
  }));

/** Reads `text` both ways; page by page must give what reading it whole gives. */
function bothWays(text: string) {
  const settings = DEFAULT_SETTINGS;
  const whole = readCapture(text, SOURCE);
  const logged = readLoggedCapture(Buffer.from(text, 'utf8'), SOURCE);
  const { GetCostAndUsage: _pages, ...parts } = whole;
  const { spendLog, ...loggedParts } = logged;

  expect(loggedParts).toEqual(parts);
  expect(spendLog.pages).toBe(whole.GetCostAndUsage.length);
  expect(buildHistory(logged, { settings })).toEqual(
    buildHistory(whole, { settings, source: SOURCE }),
  );
  return logged;
}

describe('splitCaptureText', () => {
  it('hands over the cursor at each spend page in order, and parses the other parts whole', () => {
    const pages = [page(days(BEDROCK, 1, 2)), page(days(BEDROCK, 3, 1))];
    const text = JSON.stringify({ Meta: { metric: 'UnblendedCost' }, GetCostAndUsage: pages });
    const seen: unknown[] = [];

    const split = splitCaptureText(Buffer.from(text), (cursor) => seen.push(cursor.value()));

    expect(seen).toEqual(pages);
    expect(split).toEqual({ kind: 'operations', parts: { Meta: { metric: 'UnblendedCost' } } });
  });

  it.each([
    ['a single page', JSON.stringify(page(days(BEDROCK, 1, 1)))],
    ['an empty list', '[]'],
    ['no spend at all', '{"GetAnomalies": []}'],
    ['a key given twice', '{"GetCostAndUsage": [], "GetCostAndUsage": []}'],
    ['text after the capture', '{"GetCostAndUsage": []} {}'],
    ['a page that is not JSON', '{"GetCostAndUsage": [{"ResultsByTime": [}]}'],
    ['a list that never ends', '{"GetCostAndUsage": [{}'],
    ['a string that never ends', '{"GetCostAndUsage": ["abc'],
    ['a missing comma', '{"GetCostAndUsage": [{} {}]}'],
    ['not JSON at all', 'GetCostAndUsage'],
  ])('leaves %s to the whole read', (_what, text) => {
    const seen: unknown[] = [];
    expect(splitCaptureText(Buffer.from(text), (cursor) => seen.push(cursor.value()))).toBeNull();
  });

  it('passes on what the page handler throws', () => {
    const text = JSON.stringify([page(days(BEDROCK, 1, 1))]);
    const fail = () => {
      throw new RangeError('no more');
    };

    expect(() => splitCaptureText(Buffer.from(text), fail)).toThrow('no more');
  });
});

describe('readLoggedCapture reads what readCapture reads', () => {
  it('the keyed capture fixture, every part', () => {
    const logged = bothWays(FIXTURE);

    expect(logged.Meta?.tagKey).toBe('team');
    expect(logged.GetCostAndUsageByTag).toHaveLength(1);
  });

  it('a list of pages, pretty-printed, after a byte-order mark', () => {
    const pages = [page(days(BEDROCK, 1, 3)), page(days(BEDROCK, 4, 2))];
    bothWays(`\uFEFF${JSON.stringify(pages, null, 2)}\r\n`);
  });

  it('names with escapes, quotes, brackets and characters outside ASCII', () => {
    const service = 'Claude "Sonnet" [v4] {EU} \\ ünïcødé ✓ (Amazon Bedrock Edition)';
    const logged = bothWays(JSON.stringify({ GetCostAndUsage: [page(days(service, 1, 2))] }));

    expect(logged.spendLog.meters.map((meter) => meter.service)).toEqual([service, service]);
  });

  it('spend given as one page rather than a list', () => {
    bothWays(JSON.stringify({ GetCostAndUsage: page(days(BEDROCK, 1, 2)), Meta: {} }));
  });

  it('a key named __proto__, without taking it as a prototype', () => {
    const text = `{"__proto__": {"polluted": true}, "GetCostAndUsage": ${JSON.stringify([
      page(days(BEDROCK, 1, 1)),
    ])}}`;
    const logged = bothWays(text);

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(logged)).toBe(Object.prototype);
  });
});
