import fc from 'fast-check';
import { detectAll } from '../../lambda/detect/index';
import { detectSpikes } from '../../lambda/detect/spike';
import { DEFAULT_SETTINGS } from '../../lambda/settings/defaults';
import { buildTestHistory } from '../helpers/history';

const USAGE_TYPES = [
  'USE1-NovaPro-input-tokens',
  'EU-NovaPro-output-tokens',
  'USE1-NovaPro-ProvisionedThroughput-NoCommit-ModelUnits',
  'USE1-NovaLite-input-tokens-batch',
];

/** Daily amounts from a credit of $200 to $2,000, in cents. */
const amount = fc.integer({ min: -20_000, max: 200_000 }).map((cents) => cents / 100);
const series = (days: number) => fc.array(amount, { minLength: days, maxLength: days });

describe('detector properties', () => {
  it('finds only finite, dated, day-free keyed findings in any history, credits included', () => {
    const scenario = fc.integer({ min: 0, max: 70 }).chain((days) =>
      fc.record({
        days: fc.constant(days),
        costs: fc.tuple(...USAGE_TYPES.map(() => series(days))),
        estimatedDays: fc.integer({ min: 0, max: Math.min(3, days) }),
        monitorCount: fc.integer({ min: 0, max: 1 }),
      }),
    );

    fc.assert(
      fc.property(scenario, ({ days, costs, estimatedDays, monitorCount }) => {
        // Prepare
        const history = buildTestHistory({
          days,
          estimatedDays,
          meters: USAGE_TYPES.map((usageType, index) => ({ usageType, cost: costs[index] ?? [] })),
          monitorCount,
        });

        // Act
        const findings = detectAll(history, DEFAULT_SETTINGS);

        // Assess
        for (const finding of findings) {
          expect(Number.isFinite(finding.impactUsd)).toBe(true);
          expect(Number.isFinite(finding.actualUsd)).toBe(true);
          expect(Number.isFinite(finding.expectedUsd)).toBe(true);
          expect(history.days).toContain(finding.day);
          expect(finding.key).not.toContain(finding.day);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps flagging a spike when the judged day grows further', () => {
    /** A level with up to 20% noise each day, then a judged day at a multiple of it. */
    const scenario = fc.record({
      level: fc.double({ min: 1, max: 1000, noNaN: true }),
      noise: fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), {
        minLength: 42,
        maxLength: 42,
      }),
      multiple: fc.double({ min: 1, max: 6, noNaN: true }),
      factor: fc.double({ min: 1, max: 20, noNaN: true }),
    });

    fc.assert(
      fc.property(scenario, ({ level, noise, multiple, factor }) => {
        // Prepare
        const base = noise.map((share) => level * (1 + share));
        const meter = (judged: number) =>
          buildTestHistory({
            meters: [{ usageType: USAGE_TYPES[0] as string, cost: [...base, judged] }],
          });
        fc.pre(detectSpikes(meter(level * multiple), DEFAULT_SETTINGS).length === 1);

        // Act
        const findings = detectSpikes(meter(level * multiple * factor), DEFAULT_SETTINGS);

        // Assess
        expect(findings).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });

  it('never flags a judged day at or below every day of its baseline', () => {
    fc.assert(
      fc.property(series(42), (base) => {
        // Prepare
        const lowest = Math.min(...base);
        const history = buildTestHistory({
          meters: [{ usageType: USAGE_TYPES[0] as string, cost: [...base, lowest] }],
        });

        // Act
        const findings = detectSpikes(history, DEFAULT_SETTINGS);

        // Assess
        expect(findings).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
