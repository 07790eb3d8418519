import type { Capture } from '../../../lambda/collect/capture';
import { costAndUsagePages } from '../../../samples/cost-explorer-pages';
import { daysEndingOn } from '../../../samples/dates';

/** A meter of a test capture: its usage type and its cost on each day, usual cost otherwise. */
export type TestMeter = {
  readonly service: string;
  readonly usageType: string;
  readonly usual: number;
  readonly on?: Readonly<Record<string, number>>;
};

export const LAST_DAY = '2026-03-19';

/**
 * A capture of `days` days ending on {@link LAST_DAY}, each meter at its
 * usual daily cost except on the days named, at $0.001 a unit, with the
 * newest `estimatedDays` days estimated.
 */
export function testCapture(
  meters: readonly TestMeter[],
  options: { readonly days?: number; readonly estimatedDays?: number } = {},
): Capture {
  const days = daysEndingOn(LAST_DAY, options.days ?? 45);
  return {
    GetCostAndUsage: [
      ...costAndUsagePages({
        days,
        estimatedDays: options.estimatedDays ?? 1,
        groupsPerPage: 25,
        groups: meters.map((meter) => {
          const cost = days.map((day) => meter.on?.[day] ?? meter.usual);
          return {
            keys: [meter.service, meter.usageType],
            unit: 'Units',
            cost,
            usage: cost.map((amount) => amount * 1000),
          };
        }),
      }),
    ],
  };
}

export const TEXTRACT = { service: 'Amazon Textract', usageType: 'USE1-PagesforTables' } as const;
export const TRANSLATE = { service: 'Amazon Translate', usageType: 'USE1-TranslateText' } as const;
