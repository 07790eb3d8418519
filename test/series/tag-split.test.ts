import { spendByAccount } from '../../lambda/series/accounts';
import { dayNumber } from '../../lambda/series/days';
import { splitByTag } from '../../lambda/series/tag-split';

const EVERY_DAY = { first: Number.NEGATIVE_INFINITY, end: Number.POSITIVE_INFINITY };
const currency = () => ({ unit: null, where: null });

const day = (start: string, end: string, groups: readonly [string, string][]) => ({
  TimePeriod: { Start: start, End: end },
  Total: {},
  Groups: groups.map(([key, amount]) => ({
    Keys: [key],
    Metrics: { UnblendedCost: { Amount: amount, Unit: 'USD' } },
  })),
  Estimated: false,
});

describe('splitByTag', () => {
  it('counts `tag$` as untagged and every other value as tagged, over every page', () => {
    const pages = [
      {
        ResultsByTime: [
          day('2026-03-01', '2026-03-02', [
            ['team$search', '10'],
            ['team$', '4'],
          ]),
        ],
      },
      {
        ResultsByTime: [
          day('2026-03-02', '2026-03-03', [
            ['team$ads', '5.5'],
            ['team$', '0.5'],
          ]),
        ],
      },
    ];

    const split = splitByTag(pages, 'capture', {
      metric: 'UnblendedCost',
      window: EVERY_DAY,
      currency: currency(),
      tagKey: null,
    });

    expect(split).toEqual({ tagKey: 'team', taggedUsd: 15.5, untaggedUsd: 4.5 });
  });

  it('is null when no tag key is known and no group names one', () => {
    const pages = [{ ResultsByTime: [day('2026-03-01', '2026-03-02', [])] }];

    const split = splitByTag(pages, 'capture', {
      metric: 'UnblendedCost',
      window: EVERY_DAY,
      currency: currency(),
      tagKey: null,
    });

    expect(split).toBeNull();
  });

  it('rejects a tag value given twice for one period', () => {
    const pages = [
      { ResultsByTime: [day('2026-03-01', '2026-03-02', [['team$', '1']])] },
      { ResultsByTime: [day('2026-03-01', '2026-03-02', [['team$', '1']])] },
    ];
    const options = {
      metric: 'UnblendedCost',
      window: EVERY_DAY,
      currency: currency(),
      tagKey: 'team',
    };

    expect(() => splitByTag(pages, 'capture', options)).toThrow(
      'GetCostAndUsageByTag page 2: ResultsByTime[0].Groups[0] repeats team$ on 2026-03-01, ' +
        'already in page 1 (ResultsByTime[0].Groups[0])',
    );
  });
});

describe('spendByAccount', () => {
  it('sums each account over the window, most first, named where the page names it', () => {
    const pages = [
      {
        ResultsByTime: [
          day('2026-03-01', '2026-03-02', [
            ['111', '5'],
            ['222', '1'],
          ]),
          day('2026-03-02', '2026-03-03', [
            ['222', '9'],
            ['333', '2'],
          ]),
          day('2026-03-03', '2026-03-04', [['333', '100']]),
        ],
        DimensionValueAttributes: [
          { Value: '222', Attributes: { description: 'research' } },
          { Value: '333', Attributes: {} },
        ],
      },
    ];
    const window = { first: dayNumber('2026-03-01') ?? 0, end: dayNumber('2026-03-03') ?? 0 };

    const accounts = spendByAccount(pages, 'capture', {
      metric: 'UnblendedCost',
      window,
      currency: currency(),
    });

    expect(accounts).toEqual([
      { accountId: '222', name: 'research', costUsd: 10 },
      { accountId: '111', name: null, costUsd: 5 },
      { accountId: '333', name: null, costUsd: 2 },
    ]);
  });
});
