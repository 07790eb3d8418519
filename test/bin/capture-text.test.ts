import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { captureText } from '../../bin/commands/capture-text';
import type { Capture } from '../../lambda/collect/capture';

const FIXTURE = join(__dirname, '..', 'fixtures', 'series', 'capture.json');

describe('captureText', () => {
  it.each([
    ['the keyed capture fixture', JSON.parse(readFileSync(FIXTURE, 'utf8')) as Capture],
    ['a capture with empty lists and a part', { GetCostAndUsage: [], GetAnomalies: [], Meta: {} }],
    [
      'strings with newlines, quotes and other scripts',
      { GetCostAndUsage: [{ NextPageToken: 'a\nb "c" ünï ✓' }], Meta: { tagKey: 'x\ty' } },
    ],
    ['an empty capture', {}],
  ])('writes %s exactly as JSON.stringify with two-space indents does', (_what, capture) => {
    const pieces = [...captureText(capture as Capture)];

    expect(pieces.join('')).toBe(JSON.stringify(capture, null, 2));
  });

  it('writes each page of a paged operation as a piece of its own', () => {
    const pages = Array.from({ length: 5 }, (_, page) => ({
      ResultsByTime: [],
      NextPageToken: `${page}`,
    }));

    const pieces = [...captureText({ GetCostAndUsage: pages } as Capture)];

    expect(pieces.filter((piece) => piece.includes('NextPageToken'))).toHaveLength(5);
  });
});
