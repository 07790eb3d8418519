import type { Finding } from '../../lambda/detect/finding';
import type { MistakeNumber } from '../../lambda/report/report';
import type { SpendHistory } from '../../lambda/series/types';
import {
  finding,
  history,
  jumpOn,
  type MeterSpec,
  stepAt,
  weekdays,
  weeklyGrowth,
} from './history-builder';

/**
 * One spend history per example the explain step must get right, each with
 * the finding a detector would raise on it. The numbers are in the series;
 * the findings carry no hand-typed evidence.
 */

export const SONNET = 'Claude 3.5 Sonnet (Amazon Bedrock Edition)';
export const HAIKU = 'Claude 3 Haiku (Amazon Bedrock Edition)';
export const BEDROCK = 'Amazon Bedrock';
export const OPENSEARCH = 'Amazon OpenSearch Service';
export const SAGEMAKER = 'Amazon SageMaker';

const SONNET_INFO = {
  model: 'Claude 3.5 Sonnet',
  modelFamily: 'claude',
  modelTier: 'mid',
} as const;
const HAIKU_INFO = { model: 'Claude 3 Haiku', modelFamily: 'claude', modelTier: 'small' } as const;

/** A Marketplace token meter of one of the Claude listings above. */
export function claudeTokens(
  model: 'sonnet' | 'haiku',
  tokens: 'input' | 'output',
  cost: MeterSpec['cost'],
  options: { region?: 'USE1' | 'USW2'; unitPrice?: MeterSpec['unitPrice'] } = {},
): MeterSpec {
  const code = options.region ?? 'USE1';
  const side = tokens === 'input' ? 'InputTokenCount' : 'OutputTokenCount';
  const prices =
    model === 'sonnet' ? { input: 3e-6, output: 15e-6 } : { input: 2.5e-7, output: 1.25e-6 };
  return {
    service: model === 'sonnet' ? SONNET : HAIKU,
    usageType: `${code}-MP:${code}_${side}-Units`,
    info: {
      ...(model === 'sonnet' ? SONNET_INFO : HAIKU_INFO),
      regionCode: code,
      region: code === 'USE1' ? 'us-east-1' : 'us-west-2',
      chargeKind: tokens === 'input' ? 'input-tokens' : 'output-tokens',
      tokens,
    },
    cost,
    unitPrice: options.unitPrice ?? prices[tokens],
  };
}

export const keyOf = (spec: MeterSpec) => `${spec.service}|${spec.usageType}`;

export type Scenario = {
  readonly name: string;
  /** The mistake the example must point to first. */
  readonly leading: MistakeNumber;
  /** Every mistake the example must point to. */
  readonly expected: readonly MistakeNumber[];
  readonly history: SpendHistory;
  readonly finding: Finding;
};

/** A usage-driven spike on output tokens: ten times the tokens at the same price. */
export function outputTokenSpike(): Scenario {
  const output = claudeTokens('sonnet', 'output', jumpOn(50, 40, 400));
  const spend = history({
    meters: [claudeTokens('sonnet', 'input', 30), output, claudeTokens('haiku', 'input', 12)],
  });
  return {
    name: 'usage-driven spike on output tokens',
    leading: 4,
    expected: [4],
    history: spend,
    finding: finding(spend, { kind: 'spike', pattern: 'usage', meterKey: keyOf(output), day: 50 }),
  };
}

/** The price per output token doubles on one day while Haiku is billed too. */
export function unitPriceRise(): Scenario {
  const output = claudeTokens('sonnet', 'output', jumpOn(50, 40, 80), {
    unitPrice: jumpOn(50, 15e-6, 30e-6),
  });
  const spend = history({
    meters: [
      claudeTokens('sonnet', 'input', 30),
      output,
      claudeTokens('haiku', 'output', 6),
      claudeTokens('haiku', 'input', 3),
    ],
  });
  return {
    name: 'unit price rise on a mid-tier model',
    leading: 1,
    expected: [1, 10],
    history: spend,
    finding: finding(spend, { kind: 'spike', pattern: 'price', meterKey: keyOf(output), day: 50 }),
  };
}

/** Haiku output falls and Sonnet output grows from day 42: work moved up a tier. */
export function spendMovedToLargerModel(): Scenario {
  const sonnet = claudeTokens('sonnet', 'output', stepAt(42, 10, 60));
  const spend = history({
    meters: [
      sonnet,
      claudeTokens('haiku', 'output', stepAt(42, 20, 6)),
      claudeTokens('sonnet', 'input', 8),
      claudeTokens('haiku', 'input', 4),
    ],
  });
  return {
    name: 'spend moving from a small model to a large one',
    leading: 1,
    expected: [1, 10],
    history: spend,
    finding: finding(spend, { kind: 'trend', meterKey: keyOf(sonnet), day: 48 }),
  };
}

/** Sonnet input starts billing in us-west-2, dearer per token, while us-east-1 carries on. */
export function newRegionForModel(): Scenario {
  const west = claudeTokens('sonnet', 'input', stepAt(50, 0, 18), {
    region: 'USW2',
    unitPrice: 3.6e-6,
  });
  const spend = history({
    meters: [claudeTokens('sonnet', 'input', 30), claudeTokens('sonnet', 'output', 20), west],
  });
  return {
    name: 'new region for a model already billed elsewhere',
    leading: 5,
    expected: [5],
    history: spend,
    finding: finding(spend, { kind: 'new-spend', meterKey: keyOf(west), day: 50 }),
  };
}

const novaPro = (side: 'input' | 'output', cost: MeterSpec['cost']): MeterSpec => ({
  service: BEDROCK,
  usageType: `USE1-NovaPro-${side}-tokens`,
  serviceKind: 'bedrock',
  info: {
    model: 'NovaPro',
    modelFamily: 'nova',
    modelTier: 'mid',
    chargeKind: side === 'input' ? 'input-tokens' : 'output-tokens',
    tokens: side,
  },
  cost,
  unitPrice: side === 'input' ? 8e-7 : 3.2e-6,
});

/** Heavy, steady on-demand Nova Pro tokens and no batch meter anywhere. */
export function steadyOnDemandNoBatch(): Scenario {
  const spend = history({
    meters: [novaPro('input', weekdays(130, 100)), novaPro('output', weekdays(45, 35))],
  });
  return {
    name: 'heavy steady on-demand tokens with no batch meters',
    leading: 6,
    expected: [6],
    history: spend,
    finding: finding(spend, {
      kind: 'mix',
      pattern: 'no-batch',
      service: BEDROCK,
      day: 55,
      impactUsd: 2300,
    }),
  };
}

/** Sonnet input costs six times its output, every day, and no cache reads. */
export function inputHeavyNoCache(): Scenario {
  const spend = history({
    meters: [claudeTokens('sonnet', 'input', 90), claudeTokens('sonnet', 'output', 15)],
  });
  return {
    name: 'input-token cost far above output with no cache-read meter',
    leading: 3,
    expected: [3],
    history: spend,
    finding: finding(spend, {
      kind: 'mix',
      pattern: 'input-heavy',
      service: SONNET,
      day: 55,
      impactUsd: 1800,
    }),
  };
}

const provisioned = (cost: MeterSpec['cost']): MeterSpec => ({
  service: SONNET,
  usageType: 'USE1-MP:USE1_ProvisionedThroughput_NoCommit_ModelUnits_Usage-Units',
  info: { ...SONNET_INFO, chargeKind: 'provisioned-throughput' },
  cost,
  usage: (day) => ((typeof cost === 'number' ? cost : cost(day, day % 7)) > 0 ? 24 : 0),
  unit: 'Hrs',
});

/** Provisioned throughput bought on day 14; on-demand Sonnet use carries on as before. */
export function provisionedBesideFlatOnDemand(): Scenario {
  const capacity = provisioned(stepAt(14, 0, 480));
  const spend = history({
    meters: [claudeTokens('sonnet', 'input', 30), claudeTokens('sonnet', 'output', 25), capacity],
  });
  return {
    name: 'provisioned throughput billed around the clock with flat on-demand use',
    leading: 8,
    expected: [8],
    history: spend,
    finding: finding(spend, {
      kind: 'always-on',
      meterKey: keyOf(capacity),
      day: 55,
      actualUsd: 480,
      expectedUsd: 0,
      impactUsd: 14_400,
    }),
  };
}

/** Provisioned for the whole window, while on-demand use is weekday-only. */
export function provisionedIdleOnWeekends(): Scenario {
  const capacity = provisioned(480);
  const spend = history({
    meters: [
      claudeTokens('sonnet', 'input', weekdays(30, 1)),
      claudeTokens('sonnet', 'output', weekdays(25, 1)),
      capacity,
    ],
  });
  return {
    name: 'provisioned throughput billed on quiet weekends',
    leading: 8,
    expected: [8],
    history: spend,
    finding: finding(spend, {
      kind: 'always-on',
      meterKey: keyOf(capacity),
      day: 55,
      actualUsd: 480,
      expectedUsd: 0,
      impactUsd: 14_400,
    }),
  };
}

/** A SageMaker endpoint billed 24 hours a day for the whole window. */
export function sagemakerEndpointAlwaysOn(): Scenario {
  const endpoint: MeterSpec = {
    service: SAGEMAKER,
    usageType: 'USE1-Host:ml.g5.12xlarge',
    serviceKind: 'sagemaker',
    info: { chargeKind: 'endpoint-hours' },
    cost: 136.2,
    usage: 24,
    unit: 'Hrs',
  };
  const spend = history({ meters: [endpoint, claudeTokens('sonnet', 'input', 20)] });
  return {
    name: 'hosted endpoint billed around the clock',
    leading: 8,
    expected: [8],
    history: spend,
    finding: finding(spend, {
      kind: 'always-on',
      meterKey: keyOf(endpoint),
      day: 55,
      actualUsd: 136.2,
      expectedUsd: 0,
      impactUsd: 4086,
    }),
  };
}

/** OpenSearch Serverless indexing capacity growing 15% week on week. */
export function vectorStoreGrowing(): Scenario {
  const ocu: MeterSpec = {
    service: OPENSEARCH,
    usageType: 'USE1-ES:ServerlessIndexingOCU',
    serviceKind: 'vector-store',
    info: { chargeKind: 'search-capacity' },
    cost: weeklyGrowth(20, 1.15),
    usage: weeklyGrowth(83, 1.15),
    unit: 'OCU-Hours',
  };
  const spend = history({ meters: [ocu, claudeTokens('sonnet', 'input', 30)] });
  return {
    name: 'vector store growing week on week',
    leading: 9,
    expected: [9],
    history: spend,
    finding: finding(spend, { kind: 'trend', meterKey: keyOf(ocu), day: 55 }),
  };
}

/** Custom-model storage adding a model copy every week. */
export function customModelStorageGrowing(): Scenario {
  const storage: MeterSpec = {
    service: BEDROCK,
    usageType: 'USE1-NovaMicro-Customization-Storage',
    serviceKind: 'bedrock',
    info: { model: 'NovaMicro', modelFamily: 'nova', chargeKind: 'custom-model-storage' },
    cost: (day) => 1.95 * (1 + Math.floor(day / 7)),
    usage: (day) => 1 + Math.floor(day / 7),
  };
  const spend = history({ meters: [storage, novaPro('input', 40)] });
  return {
    name: 'custom-model storage growing week on week',
    leading: 9,
    expected: [9],
    history: spend,
    finding: finding(spend, { kind: 'trend', meterKey: keyOf(storage), day: 55 }),
  };
}

/** No anomaly monitor in the account and no budget set. */
export function noAnomalyMonitor(): Scenario {
  const spend = history({
    meters: [claudeTokens('sonnet', 'input', 30), claudeTokens('sonnet', 'output', 20)],
    monitorCount: 0,
  });
  return {
    name: 'no anomaly monitor',
    leading: 7,
    expected: [7, 2],
    history: spend,
    finding: finding(spend, {
      kind: 'mix',
      pattern: 'no-monitor',
      service: '',
      day: 55,
      impactUsd: 0,
    }),
  };
}

/** Cost Anomaly Detection raised an anomaly on Sonnet output and nobody answered it. */
export function anomalyWithoutFeedback(): Scenario {
  const output = claudeTokens('sonnet', 'output', jumpOn(40, 20, 95));
  const spend = history({
    meters: [claudeTokens('sonnet', 'input', 30), output],
    anomalies: [
      {
        id: 'a-7f3c',
        startDate: '2025-04-12',
        endDate: '2025-04-12',
        monitorArn: 'arn:aws:ce::123456789012:anomalymonitor/services',
        feedback: null,
        totalImpactUsd: 75,
        maxImpactUsd: 75,
        totalActualUsd: 95,
        totalExpectedUsd: 20,
        impactPercent: 375,
        maxScore: 0.8,
        rootCauses: [
          {
            service: SONNET,
            region: 'us-east-1',
            usageType: 'USE1-MP:USE1_OutputTokenCount-Units',
            linkedAccount: '123456789012',
            contributionUsd: 75,
          },
        ],
      },
    ],
  });
  return {
    name: 'native anomaly with no feedback',
    leading: 7,
    expected: [7],
    history: spend,
    finding: finding(spend, {
      kind: 'native-anomaly',
      service: SONNET,
      day: 40,
      actualUsd: 95,
      expectedUsd: 20,
      impactUsd: 75,
      evidence: { anomalyId: 'a-7f3c' },
    }),
  };
}

/** Most of the window's spend has no value for the team tag. */
export function largeUntaggedShare(): Scenario {
  const spend = history({
    meters: [claudeTokens('sonnet', 'input', 30), claudeTokens('sonnet', 'output', 20)],
    tags: { tagKey: 'team', taggedUsd: 868, untaggedUsd: 1932 },
  });
  return {
    name: 'large untagged share',
    leading: 2,
    expected: [2],
    history: spend,
    finding: finding(spend, {
      kind: 'mix',
      pattern: 'untagged',
      service: '',
      day: 55,
      impactUsd: 1035,
    }),
  };
}

/** Nova Lite output starts billing from nothing, a model the account never used. */
export function unannouncedMeter(): Scenario {
  const lite: MeterSpec = {
    service: BEDROCK,
    usageType: 'USE1-NovaLite-output-tokens',
    serviceKind: 'bedrock',
    info: {
      model: 'NovaLite',
      modelFamily: 'nova',
      modelTier: 'small',
      chargeKind: 'output-tokens',
      tokens: 'output',
    },
    cost: stepAt(52, 0, 64),
    unitPrice: 2.4e-7,
  };
  const spend = history({ meters: [claudeTokens('sonnet', 'input', 30), lite] });
  return {
    name: 'a new meter nobody announced',
    leading: 2,
    expected: [2],
    history: spend,
    finding: finding(spend, { kind: 'new-spend', meterKey: keyOf(lite), day: 52 }),
  };
}

/** Every example, for the broad tests. */
export function allScenarios(): Scenario[] {
  return [
    outputTokenSpike(),
    unitPriceRise(),
    spendMovedToLargerModel(),
    newRegionForModel(),
    steadyOnDemandNoBatch(),
    inputHeavyNoCache(),
    provisionedBesideFlatOnDemand(),
    provisionedIdleOnWeekends(),
    sagemakerEndpointAlwaysOn(),
    vectorStoreGrowing(),
    customModelStorageGrowing(),
    noAnomalyMonitor(),
    anomalyWithoutFeedback(),
    largeUntaggedShare(),
    unannouncedMeter(),
  ];
}
