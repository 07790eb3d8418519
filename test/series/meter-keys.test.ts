import { type KeyBytes, MeterKeys } from '../../lambda/series/meter-keys';

/** The keys as the JSON bytes of a group's `Keys`, and where each is. */
function asBytes(service: string, usageType: string): KeyBytes {
  const bytes = Buffer.from(`["${service}","${usageType}"]`, 'latin1');
  const usageStart = 2 + service.length + 3;
  return {
    bytes,
    service: 2,
    serviceEnd: 2 + service.length,
    usageType: usageStart,
    usageTypeEnd: usageStart + usageType.length,
  };
}

describe('MeterKeys', () => {
  it('numbers meters in order of first sight, the same from text or bytes', () => {
    const keys = new MeterKeys();

    expect(keys.ofText('Amazon Bedrock', 'USE1-a')).toBe(0);
    expect(keys.ofBytes(asBytes('Amazon Bedrock', 'USE1-b'))).toBe(1);
    expect(keys.ofBytes(asBytes('Amazon Bedrock', 'USE1-a'))).toBe(0);
    expect(keys.ofText('Amazon Bedrock', 'USE1-b')).toBe(1);
    expect(keys.meters).toEqual([
      { service: 'Amazon Bedrock', usageType: 'USE1-a' },
      { service: 'Amazon Bedrock', usageType: 'USE1-b' },
    ]);
  });

  it('tells apart keys that join to the same text', () => {
    const keys = new MeterKeys();

    const first = keys.ofText('A|B', 'C');
    const second = keys.ofText('A', 'B|C');

    expect(second).not.toBe(first);
    expect(keys.ofBytes(asBytes('A', 'B|C'))).toBe(second);
    expect(keys.ofBytes(asBytes('A|B', 'C'))).toBe(first);
  });

  it('finds without numbering, and finds nothing it has not seen', () => {
    const keys = new MeterKeys();
    keys.ofText('Amazon Bedrock', 'USE1-a');

    expect(keys.findBytes(asBytes('Amazon Bedrock', 'USE1-a'))).toBe(0);
    expect(keys.findBytes(asBytes('Amazon Bedrock', 'USE1-z'))).toBe(-1);
    expect(keys.meters).toHaveLength(1);
  });

  it('keeps finding every meter as it grows past many thousands', () => {
    const keys = new MeterKeys();
    const meters = Array.from({ length: 20_000 }, (_, meter) => meter);
    const keysOf = (meter: number) => [`Service ${meter % 7}`, `USE1-Model${meter}-input`] as const;

    const numbered = meters.map((meter) => keys.ofText(...keysOf(meter)));
    const found = meters.map((meter) => keys.findBytes(asBytes(...keysOf(meter))));

    expect(numbered).toEqual(meters);
    expect(found).toEqual(meters);
    expect(keys.meters).toHaveLength(meters.length);
  });

  it('never matches bytes to a meter whose keys are not ASCII', () => {
    const keys = new MeterKeys();
    keys.ofText('Bedröck', 'x');

    // The Latin-1 bytes of "ö" would spell the same codes: they must not match.
    expect(keys.findBytes(asBytes('Bedröck', 'x'))).toBe(-1);
    expect(keys.ofText('Bedröck', 'x')).toBe(0);
  });
});
