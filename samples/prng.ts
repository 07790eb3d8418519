/** A seeded source of pseudo-random numbers, so generated data is the same every run. */
export type Random = {
  /** A number in [0, 1). */
  readonly next: () => number;
  /** A number in [low, high). */
  readonly between: (low: number, high: number) => number;
  /** `value` moved by up to `fraction` either way, e.g. 0.1 for ±10%. */
  readonly jitter: (value: number, fraction: number) => number;
  /** True with the given probability. */
  readonly chance: (probability: number) => boolean;
};

/** A small, fast generator (mulberry32): good enough for sample data, not for secrets. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };

  return {
    next,
    between: (low, high) => low + (high - low) * next(),
    jitter: (value, fraction) => value * (1 + fraction * (2 * next() - 1)),
    chance: (probability) => next() < probability,
  };
}
