import { modelOf } from '../../lambda/detect/model';
import { historyIndex } from '../../lambda/mistakes/history-index';
import {
  findSeries,
  meterOfModel,
  regionTwins,
  sameModel,
  serviceMeters,
  tierSiblings,
} from '../../lambda/mistakes/meter-lookup';
import type { MeterSeries, UsageTypeInfo } from '../../lambda/series/types';
import { history } from './history-builder';

const BEDROCK = 'Amazon Bedrock';
const OPUS = 'Claude Opus 4 (Amazon Bedrock Edition)';

/** Meters of several models, charges, regions and services, in no particular order. */
const SPEND = history({
  days: 7,
  meters: [
    { service: BEDROCK, usageType: 'USE1-NovaPro-input-tokens', cost: 3 },
    { service: BEDROCK, usageType: 'USW2-NovaPro-input-tokens', cost: 2 },
    { service: BEDROCK, usageType: 'USE1-NovaMicro-input-tokens', cost: 1 },
    { service: BEDROCK, usageType: 'USE1-NovaPro-output-tokens', cost: 1 },
    { service: BEDROCK, usageType: 'EU-NovaPro-input-tokens-batch', cost: 1 },
    { service: BEDROCK, usageType: 'EU-NovaPro-input-tokens', cost: 1 },
    { service: BEDROCK, usageType: 'USE1-NovaLite-input-tokens', cost: 1 },
    { service: OPUS, usageType: 'USE1-MP:USE1_InputTokenCount-Units', cost: 9 },
    { service: OPUS, usageType: 'USW2-MP:USW2_InputTokenCount-Units', cost: 4 },
    { service: 'Amazon SageMaker', usageType: 'USE1-Host:ml.g5.12xlarge', cost: 5 },
    { service: 'Amazon OpenSearch Service', usageType: 'USE1-ES:GP3-Storage', cost: 2 },
  ],
});

/** The lookups as plain passes over every meter, to compare the indexed ones with. */
const sameCharge = (a: UsageTypeInfo, b: UsageTypeInfo) =>
  a.chargeKind === b.chargeKind && a.tokens === b.tokens && a.batch === b.batch;
const SCANS = {
  sameModel: (meter: MeterSeries) =>
    modelOf(meter.meter) === null
      ? []
      : SPEND.meters.filter((other) => modelOf(other.meter) === modelOf(meter.meter)),
  regionTwins: (meter: MeterSeries) =>
    SCANS.sameModel(meter).filter(
      (other) =>
        other.meter.info.region !== meter.meter.info.region &&
        sameCharge(other.meter.info, meter.meter.info) &&
        other.meter.info.routing === meter.meter.info.routing,
    ),
  tierSiblings: (meter: MeterSeries) =>
    meter.meter.info.modelFamily === null || meter.meter.info.modelTier === null
      ? []
      : SPEND.meters.filter(
          (other) =>
            other.meter.info.modelFamily === meter.meter.info.modelFamily &&
            other.meter.info.modelTier !== null &&
            other.meter.info.modelTier !== meter.meter.info.modelTier &&
            sameCharge(other.meter.info, meter.meter.info),
        ),
};

const keys = (meters: readonly MeterSeries[]) => meters.map((series) => series.meter.key);

describe('looking up a meter’s relatives', () => {
  it.each(SPEND.meters.map((series) => [series.meter.key, series] as const))(
    'finds the same relatives of %s as a pass over every meter would, in history order',
    (_, series) => {
      // Prepare
      const model = modelOf(series.meter);

      // Act
      const found = {
        series: findSeries(SPEND, series.meter.key),
        sameModel: keys(sameModel(SPEND, series.meter)),
        regionTwins: keys(regionTwins(SPEND, series.meter)),
        tierSiblings: keys(tierSiblings(SPEND, series.meter)),
        service: keys(serviceMeters(SPEND, series.meter.service)),
        named: model === null ? [] : keys(meterOfModel(SPEND, model)),
      };

      // Assess
      expect(found).toEqual({
        series,
        sameModel: keys(SCANS.sameModel(series)),
        regionTwins: keys(SCANS.regionTwins(series)),
        tierSiblings: keys(SCANS.tierSiblings(series)),
        service: keys(SPEND.meters.filter((o) => o.meter.service === series.meter.service)),
        named: keys(SCANS.sameModel(series)),
      });
    },
  );

  it.each([
    ['USE1-NovaPro-input-tokens', ['USW2-NovaPro-input-tokens', 'EU-NovaPro-input-tokens']],
    ['USE1-MP:USE1_InputTokenCount-Units', ['USW2-MP:USW2_InputTokenCount-Units']],
    ['USE1-NovaPro-output-tokens', []],
  ])('gives %s the region twins %j', (usageType, twins) => {
    // Prepare
    const series = SPEND.meters.find((one) => one.meter.usageType === usageType) as MeterSeries;

    // Act
    const found = regionTwins(SPEND, series.meter).map((one) => one.meter.usageType);

    // Assess
    expect(found).toEqual(twins);
  });

  it('returns null for an unknown meter key and for a service-level finding', () => {
    expect([findSeries(SPEND, 'Amazon Bedrock|nope'), findSeries(SPEND, null)]).toEqual([
      null,
      null,
    ]);
  });

  it('builds the index once per history and hands out copies a caller may change', () => {
    // Prepare
    const meter = (SPEND.meters[0] as MeterSeries).meter;

    // Act
    const first = historyIndex(SPEND);
    sameModel(SPEND, meter).pop();
    serviceMeters(SPEND, BEDROCK).length = 0;

    // Assess
    expect(historyIndex(SPEND)).toBe(first);
    expect(sameModel(SPEND, meter)).toHaveLength(5);
    expect(serviceMeters(SPEND, BEDROCK)).toHaveLength(7);
  });
});
