import { detectAll } from '../../lambda/detect';
import type { Finding, FindingKind } from '../../lambda/detect/finding';
import type { MistakeNumber } from '../../lambda/report/report';
import type { SpendHistory } from '../../lambda/series/types';
import { DEFAULT_SETTINGS } from '../../lambda/settings/defaults';
import type { Settings } from '../../lambda/settings/settings';
import { history, jumpOn, type MeterSpec, stepAt, weekdays, weeklyGrowth } from './history-builder';

/**
 * One spend history per example the explain step must get right. The
 * finding of each is the one the real detectors raise on that history
 * (`detectAll`), so the evidence comes from the series, never typed in.
 */

export const SONNET = 'Claude 3.5 Sonnet (Amazon Bedrock Edition)';
export const HAIKU = 'Claude 3 Haiku (Amazon Bedrock Edition)';
export const OPUS = 'Claude Opus 4 (Amazon Bedrock Edition)';
export const BEDROCK = 'Amazon Bedrock';
export const OPENSEARCH = 'Amazon OpenSearch Service';
export const SAGEMAKER = 'Amazon SageMaker';

/** The last day of every scenario history, and the day the detectors judge. */
export const LAST_DAY = 55;

const SERVICES = { sonnet: SONNET, haiku: HAIKU, opus: OPUS } as const;
const PRICES = {
  sonnet: { input: 3e-6, output: 15e-6 },
  haiku: { input: 2.5e-7, output: 1.25e-6 },
  opus: { input: 15e-6, output: 75e-6 },
} as const;

/** A Marketplace token meter of one of the Claude listings above. */
export function claudeTokens(
  model: keyof typeof SERVICES,
  tokens: 'input' | 'output',
  cost: MeterSpec['cost'],
  options: { region?: 'USE1' | 'USW2'; unitPrice?: MeterSpec['unitPrice'] } = {},
): MeterSpec {
  const code = options.region ?? 'USE1';
  const side = tokens === 'input' ? 'InputTokenCount' : 'OutputTokenCount';
  return {
    service: SERVICES[model],
    usageType: `${code}-MP:${code}_${side}-Units`,
    cost,
    unitPrice: options.unitPrice ?? PRICES[model][tokens],
  };
}

/** A native Bedrock token meter of Nova Pro. */
export function novaPro(side: 'input' | 'output', cost: MeterSpec['cost']): MeterSpec {
  return {
    service: BEDROCK,
    usageType: `USE1-NovaPro-${side}-tokens`,
    cost,
    unitPrice: side === 'input' ? 8e-7 : 3.2e-6,
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
  readonly settings: Settings;
  /** The detectors' finding the example is about. */
  readonly finding: Finding;
};

type Pick = { readonly kind: FindingKind; readonly meter?: MeterSpec; readonly pattern?: string };

/** The detectors' finding of a kind (on a meter, of a pattern); throws when they raise none. */
export function detected(spend: SpendHistory, pick: Pick, settings = DEFAULT_SETTINGS): Finding {
  const findings = detectAll(spend, settings);
  const found = findings.find(
    (one) =>
      one.kind === pick.kind &&
      (pick.meter === undefined || one.meterKey === keyOf(pick.meter)) &&
      (pick.pattern === undefined || one.pattern === pick.pattern),
  );
  if (found === undefined) {
    const keys = findings.map((one) => one.key).join(', ') || 'none';
    throw new Error(`The detectors raised no ${pick.kind} finding as asked; they raised: ${keys}`);
  }
  return found;
}

function scenario(
  parts: Omit<Scenario, 'finding' | 'settings'> & {
    readonly settings?: Settings;
    readonly pick: Pick;
  },
): Scenario {
  const settings = parts.settings ?? DEFAULT_SETTINGS;
  const { pick, ...rest } = parts;
  return { ...rest, settings, finding: detected(parts.history, pick, settings) };
}

/** A usage-driven spike on output tokens: ten times the tokens at the same price. */
export function outputTokenSpike(): Scenario {
  const output = claudeTokens('sonnet', 'output', jumpOn(LAST_DAY, 40, 400));
  return scenario({
    name: 'usage-driven spike on output tokens',
    leading: 4,
    expected: [4],
    history: history({
      meters: [claudeTokens('sonnet', 'input', 30), output, claudeTokens('haiku', 'input', 12)],
    }),
    pick: { kind: 'spike', meter: output },
  });
}

/** The price per output token doubles on the last day while Haiku is billed too. */
export function unitPriceRise(): Scenario {
  const output = claudeTokens('sonnet', 'output', jumpOn(LAST_DAY, 40, 80), {
    unitPrice: jumpOn(LAST_DAY, 15e-6, 30e-6),
  });
  return scenario({
    name: 'unit price rise on a mid-tier model',
    leading: 1,
    expected: [1, 10],
    history: history({
      meters: [
        claudeTokens('sonnet', 'input', 30),
        output,
        claudeTokens('haiku', 'output', 6),
        claudeTokens('haiku', 'input', 3),
      ],
    }),
    pick: { kind: 'spike', meter: output },
  });
}

/** Haiku output falls and Sonnet output grows for the last week: work moved up a tier. */
export function spendMovedToLargerModel(): Scenario {
  const sonnet = claudeTokens('sonnet', 'output', stepAt(49, 10, 60));
  return scenario({
    name: 'spend moving from a small model to a large one',
    leading: 1,
    expected: [1, 10],
    history: history({
      meters: [
        sonnet,
        claudeTokens('haiku', 'output', stepAt(49, 20, 6)),
        claudeTokens('sonnet', 'input', 8),
        claudeTokens('haiku', 'input', 4),
      ],
    }),
    pick: { kind: 'trend', meter: sonnet },
  });
}

/** Sonnet input starts billing in us-west-2, dearer per token, while us-east-1 carries on. */
export function newRegionForModel(): Scenario {
  const west = claudeTokens('sonnet', 'input', stepAt(50, 0, 18), {
    region: 'USW2',
    unitPrice: 3.6e-6,
  });
  return scenario({
    name: 'new region for a model already billed elsewhere',
    leading: 5,
    expected: [5],
    history: history({
      meters: [claudeTokens('sonnet', 'input', 30), claudeTokens('sonnet', 'output', 20), west],
    }),
    pick: { kind: 'new-spend', meter: west },
  });
}

/** Sonnet billed in us-east-1 and, dearer per token, in us-west-2, all window long. */
export function twoRegionsOneDearer(): Scenario {
  return scenario({
    name: 'one model billed in two regions at different prices',
    leading: 5,
    expected: [5],
    history: history({
      meters: [
        claudeTokens('sonnet', 'input', 30),
        claudeTokens('sonnet', 'input', 36, { region: 'USW2', unitPrice: 3.6e-6 }),
      ],
    }),
    pick: { kind: 'mix', pattern: 'multi-region' },
  });
}

/** Heavy, steady on-demand Nova Pro tokens and no batch meter anywhere. */
export function steadyOnDemandNoBatch(): Scenario {
  return scenario({
    name: 'heavy steady on-demand tokens with no batch meters',
    leading: 6,
    expected: [6],
    history: history({
      meters: [novaPro('input', weekdays(130, 100)), novaPro('output', weekdays(45, 35))],
    }),
    pick: { kind: 'mix', pattern: 'no-batch' },
  });
}

/** Sonnet input costs six times its output, every day, and no cache reads. */
export function inputHeavyNoCache(): Scenario {
  return scenario({
    name: 'input-token cost far above output with no cache-read meter',
    leading: 3,
    expected: [3],
    history: history({
      meters: [claudeTokens('sonnet', 'input', 90), claudeTokens('sonnet', 'output', 15)],
    }),
    pick: { kind: 'mix', pattern: 'input-heavy' },
  });
}

/** Claude Opus carries nine tenths of the family's tokens while Haiku is billed too. */
export function flagshipShare(): Scenario {
  return scenario({
    name: 'flagship share of a family with a smaller tier in use',
    leading: 1,
    expected: [1, 10],
    history: history({
      meters: [
        claudeTokens('opus', 'input', 60),
        claudeTokens('opus', 'output', 30),
        claudeTokens('haiku', 'input', 6),
        claudeTokens('haiku', 'output', 4),
      ],
    }),
    pick: { kind: 'mix', pattern: 'premium-share' },
  });
}

export function provisioned(cost: MeterSpec['cost']): MeterSpec {
  return {
    service: SONNET,
    usageType: 'USE1-MP:USE1_ProvisionedThroughput_NoCommit_ModelUnits_Usage-Units',
    cost,
    usage: (day) => ((typeof cost === 'number' ? cost : cost(day, day % 7)) > 0 ? 24 : 0),
    unit: 'Hrs',
  };
}

/** Provisioned throughput bought on day 14; on-demand Sonnet use carries on as before. */
export function provisionedBesideFlatOnDemand(): Scenario {
  const capacity = provisioned(stepAt(14, 0, 480));
  return scenario({
    name: 'provisioned throughput billed around the clock with flat on-demand use',
    leading: 8,
    expected: [8],
    history: history({
      meters: [claudeTokens('sonnet', 'input', 30), claudeTokens('sonnet', 'output', 25), capacity],
    }),
    pick: { kind: 'always-on', meter: capacity },
  });
}

/** Provisioned for the whole window, while on-demand use is weekday-only. */
export function provisionedIdleOnWeekends(): Scenario {
  const capacity = provisioned(480);
  return scenario({
    name: 'provisioned throughput billed on quiet weekends',
    leading: 8,
    expected: [8],
    history: history({
      meters: [
        claudeTokens('sonnet', 'input', weekdays(30, 1)),
        claudeTokens('sonnet', 'output', weekdays(25, 1)),
        capacity,
      ],
    }),
    pick: { kind: 'always-on', meter: capacity },
  });
}

/** A SageMaker endpoint billed 24 hours a day for the whole window. */
export function sagemakerEndpointAlwaysOn(): Scenario {
  const endpoint: MeterSpec = {
    service: SAGEMAKER,
    usageType: 'USE1-Host:ml.g5.12xlarge',
    cost: 136.2,
    usage: 24,
    unit: 'Hrs',
  };
  return scenario({
    name: 'hosted endpoint billed around the clock',
    leading: 8,
    expected: [8],
    history: history({ meters: [endpoint, claudeTokens('sonnet', 'input', 20)] }),
    pick: { kind: 'always-on', meter: endpoint },
  });
}

/** OpenSearch Serverless indexing capacity growing 15% week on week. */
export function vectorStoreGrowing(): Scenario {
  const ocu: MeterSpec = {
    service: OPENSEARCH,
    usageType: 'USE1-ES:ServerlessIndexingOCU',
    cost: weeklyGrowth(20, 1.15),
    usage: weeklyGrowth(83, 1.15),
    unit: 'OCU-Hours',
  };
  return scenario({
    name: 'vector store growing week on week',
    leading: 9,
    expected: [9],
    history: history({ meters: [ocu, claudeTokens('sonnet', 'input', 30)] }),
    pick: { kind: 'trend', meter: ocu },
  });
}

/** Custom-model storage adding a model copy every week. */
export function customModelStorageGrowing(): Scenario {
  const storage: MeterSpec = {
    service: BEDROCK,
    usageType: 'USE1-NovaMicro-Customization-Storage',
    cost: (day) => 1.95 * (1 + Math.floor(day / 7)),
    usage: (day) => 1 + Math.floor(day / 7),
  };
  return scenario({
    name: 'custom-model storage growing week on week',
    leading: 9,
    expected: [9],
    history: history({ meters: [storage, novaPro('input', 40)] }),
    pick: { kind: 'trend', meter: storage },
  });
}

/** No anomaly monitor in the account and no budget set. */
export function noAnomalyMonitor(): Scenario {
  return scenario({
    name: 'no anomaly monitor',
    leading: 7,
    expected: [7, 2],
    history: history({
      meters: [claudeTokens('sonnet', 'input', 30), claudeTokens('sonnet', 'output', 20)],
      monitorCount: 0,
    }),
    pick: { kind: 'mix', pattern: 'no-monitor' },
  });
}

/** Cost Anomaly Detection raised an anomaly on Sonnet output and nobody answered it. */
export function anomalyWithoutFeedback(): Scenario {
  const output = claudeTokens('sonnet', 'output', jumpOn(40, 20, 95));
  return scenario({
    name: 'native anomaly with no feedback',
    leading: 7,
    expected: [7],
    history: history({
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
              usageType: output.usageType,
              linkedAccount: '123456789012',
              contributionUsd: 75,
            },
          ],
        },
      ],
    }),
    pick: { kind: 'native-anomaly' },
  });
}

/** Most of the window's spend has no value for the team tag. */
export function largeUntaggedShare(): Scenario {
  return scenario({
    name: 'large untagged share',
    leading: 2,
    expected: [2],
    history: history({
      meters: [claudeTokens('sonnet', 'input', 30), claudeTokens('sonnet', 'output', 20)],
      tags: { tagKey: 'team', taggedUsd: 868, untaggedUsd: 1932 },
    }),
    pick: { kind: 'mix', pattern: 'untagged' },
  });
}

/** Nova Lite output starts billing from nothing, a model the account never used. */
export function unannouncedMeter(): Scenario {
  const lite: MeterSpec = {
    service: BEDROCK,
    usageType: 'USE1-NovaLite-output-tokens',
    cost: stepAt(52, 0, 64),
    unitPrice: 2.4e-7,
  };
  return scenario({
    name: 'a new meter nobody announced',
    leading: 2,
    expected: [2],
    history: history({ meters: [claudeTokens('sonnet', 'input', 30), lite] }),
    pick: { kind: 'new-spend', meter: lite },
  });
}

/** Month to date plus the forecast runs over the monthly budget. */
export function forecastOverrun(): Scenario {
  return scenario({
    name: 'month forecast over the budget',
    leading: 7,
    expected: [7],
    settings: { ...DEFAULT_SETTINGS, monthlyBudgetUsd: 1500 },
    history: history({
      meters: [claudeTokens('sonnet', 'input', 30), claudeTokens('sonnet', 'output', 50)],
      forecast: {
        start: '2025-04-28',
        end: '2025-05-01',
        meanUsd: 240,
        lowerUsd: 200,
        upperUsd: 300,
      },
    }),
    pick: { kind: 'forecast-overrun' },
  });
}

/** Every example, for the broad tests. */
export function allScenarios(): Scenario[] {
  return [
    outputTokenSpike(),
    unitPriceRise(),
    spendMovedToLargerModel(),
    flagshipShare(),
    newRegionForModel(),
    twoRegionsOneDearer(),
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
    forecastOverrun(),
  ];
}
