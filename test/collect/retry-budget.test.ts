import {
  backoffDelayMs,
  DEFAULT_RETRY_BUDGET,
  worstCaseCallMs,
} from '../../lambda/collect/retry-budget';

describe('retry budget', () => {
  it('keeps the worst case of one call, every attempt timing out, under a minute', () => {
    expect(worstCaseCallMs(DEFAULT_RETRY_BUDGET)).toBeLessThanOrEqual(60_000);
  });

  it('adds up attempts, timeouts and capped delays for the worst case', () => {
    const budget = {
      maxAttempts: 3,
      baseDelayMs: 100,
      maxDelayMs: 150,
      requestTimeoutMs: 1_000,
      connectionTimeoutMs: 500,
    };

    // 3 x (1000 + 500) + 100 + min(150, 200)
    expect(worstCaseCallMs(budget)).toBe(4_750);
  });

  it.each([
    [1, 0, 500],
    [1, 1, 1_000],
    [2, 1, 2_000],
    [3, 0.5, 3_000],
    [4, 1, 8_000],
    [6, 1, 8_000],
    [6, 0, 4_000],
  ])('waits before retry %p, with jitter %p, %p ms', (retry, jitter, delay) => {
    expect(backoffDelayMs(retry, DEFAULT_RETRY_BUDGET, () => jitter)).toBe(delay);
  });
});
