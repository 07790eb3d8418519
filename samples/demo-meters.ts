import { isWeekend, weekday } from './dates';
import type { Random } from './prng';

/** The demo's window: 60 days, the newest two still estimated. */
export const DEMO_LAST_DAY = '2026-03-19';
export const DEMO_DAYS = 60;
export const DEMO_ESTIMATED_DAYS = 2;

/** The days the planted problems start on. */
export const DEMO_EVENTS = {
  /** A client starts retrying in a loop: Claude 3.5 Sonnet output tokens jump. */
  retryStorm: '2026-03-17',
  /** A team moves half of its Claude traffic from Sonnet to Opus 4, untagged. */
  opusMove: '2026-02-23',
  /** Nova Pro starts being called in eu-central-1 as well, at a higher rate. */
  secondRegion: '2026-03-12',
  /** SageMaker training job that Cost Anomaly Detection flagged, and was acknowledged. */
  trainingBurst: '2026-02-10',
  /** Every document is re-embedded into the vector index: storage grows 30% a week. */
  reindexing: '2026-03-09',
} as const;

const MONDAY = 1;

export const CLAUDE_SONNET = 'Claude 3.5 Sonnet (Amazon Bedrock Edition)';
export const CLAUDE_HAIKU = 'Claude 3 Haiku (Amazon Bedrock Edition)';
export const CLAUDE_OPUS = 'Claude Opus 4 (Amazon Bedrock Edition)';
export const BEDROCK = 'Amazon Bedrock';
export const SAGEMAKER = 'Amazon SageMaker';
export const OPENSEARCH = 'Amazon OpenSearch Service';
export const KENDRA = 'Amazon Kendra';

/** What a plan sees of one day. */
export type DayContext = {
  readonly days: readonly string[];
  readonly day: string;
  readonly index: number;
  readonly weekend: boolean;
  readonly random: Random;
};

/** How one meter is billed over the window. */
export type MeterPlan = {
  readonly service: string;
  readonly usageType: string;
  readonly unit: string;
  /** Cost-allocation tag value `team`, or null for untagged spend: only two teams tag theirs. */
  readonly team: string | null;
  readonly unitPrice: (context: DayContext) => number;
  readonly usage: (context: DayContext) => number;
};

/** Weekend traffic as a share of a weekday's. */
const WEEKEND_SHARE = 0.35;
/** Share of Claude 3.5 Sonnet traffic that moves to Opus 4. */
const OPUS_SHARE = 0.5;
/** Hours a day an instance billed around the clock runs. */
const ALL_DAY = 24;

const fixed = (price: number) => () => price;
const on = (day: string, from: string) => day >= from;

/** Token traffic in thousands of tokens: busier on weekdays, a little noise every day. */
const traffic =
  (weekdayThousands: number, noise = 0.08) =>
  ({ weekend, random }: DayContext) =>
    random.jitter(weekdayThousands * (weekend ? WEEKEND_SHARE : 1), noise);

const sonnetShare = ({ day }: DayContext) => (on(day, DEMO_EVENTS.opusMove) ? 1 - OPUS_SHARE : 1);
const opusShare = ({ day }: DayContext) => (on(day, DEMO_EVENTS.opusMove) ? OPUS_SHARE : 0);

function retryStorm({ day }: DayContext): number {
  if (day === DEMO_EVENTS.retryStorm) return 6;
  // The loop was stopped during the next day; that day is still estimated.
  if (day > DEMO_EVENTS.retryStorm) return 2.2;
  return 1;
}

function marketplaceTokens(
  service: string,
  side: 'Input' | 'Output',
  pricePerThousand: number,
  usage: MeterPlan['usage'],
  team: string | null,
  region = 'USE1',
): MeterPlan {
  return {
    service,
    usageType: `${region}-MP:${region}_${side}TokenCount-Units`,
    unit: 'Units',
    team,
    unitPrice: fixed(pricePerThousand),
    usage,
  };
}

function bedrockMeter(
  usageType: string,
  pricePerThousand: number,
  usage: MeterPlan['usage'],
  team: string | null,
): MeterPlan {
  return {
    service: BEDROCK,
    usageType,
    unit: 'Units',
    team,
    unitPrice: fixed(pricePerThousand),
    usage,
  };
}

const claudeMeters: readonly MeterPlan[] = [
  marketplaceTokens(
    CLAUDE_SONNET,
    'Input',
    0.003,
    (context) => traffic(60_000)(context) * sonnetShare(context),
    'assistant',
  ),
  marketplaceTokens(
    CLAUDE_SONNET,
    'Output',
    0.015,
    (context) => traffic(3_000)(context) * sonnetShare(context) * retryStorm(context),
    'assistant',
  ),
  marketplaceTokens(CLAUDE_OPUS, 'Input', 0.015, (c) => traffic(60_000)(c) * opusShare(c), null),
  marketplaceTokens(CLAUDE_OPUS, 'Output', 0.075, (c) => traffic(3_000)(c) * opusShare(c), null),
  marketplaceTokens(CLAUDE_HAIKU, 'Input', 0.00025, traffic(20_000), 'support'),
  marketplaceTokens(CLAUDE_HAIKU, 'Output', 0.00125, traffic(3_000), 'support'),
];

const secondRegion = (usage: MeterPlan['usage']) => (context: DayContext) =>
  on(context.day, DEMO_EVENTS.secondRegion) ? usage(context) : 0;

const nativeMeters: readonly MeterPlan[] = [
  bedrockMeter('USE1-NovaMicro-input-tokens', 0.000035, traffic(150_000), 'support'),
  bedrockMeter('USE1-NovaMicro-output-tokens', 0.00014, traffic(30_000), 'support'),
  bedrockMeter('USE1-NovaLite-input-tokens', 0.00006, traffic(80_000), 'support'),
  bedrockMeter('USE1-NovaLite-output-tokens', 0.00024, traffic(15_000), 'support'),
  bedrockMeter('USE1-NovaLite-cache-read-input-token-count', 0.000015, traffic(120_000), 'support'),
  bedrockMeter('USE1-NovaPro-input-tokens', 0.0008, traffic(40_000), null),
  bedrockMeter('USE1-NovaPro-output-tokens', 0.0032, traffic(5_000), null),
  bedrockMeter('EUC1-NovaPro-input-tokens', 0.00096, secondRegion(traffic(20_000)), null),
  bedrockMeter('EUC1-NovaPro-output-tokens', 0.00384, secondRegion(traffic(2_500)), null),
  bedrockMeter('USE1-Llama3.3-70B-input-tokens', 0.00072, traffic(10_000, 0.2), null),
  bedrockMeter('USE1-Llama3.3-70B-output-tokens', 0.00072, traffic(2_000, 0.2), null),
  bedrockMeter('USE1-TitanEmbeddingsV2-Text-input-tokens', 0.00002, traffic(200_000), null),
];

function trainingHours({ day, weekend, random }: DayContext): number {
  if (day === DEMO_EVENTS.trainingBurst) return 46;
  if (weekend) return 0;
  return random.chance(0.2) ? Math.round(random.between(3, 9)) : 0;
}

const sagemakerMeters: readonly MeterPlan[] = [
  {
    service: SAGEMAKER,
    usageType: 'USE1-Host:ml.g5.12xlarge',
    unit: 'Hrs',
    team: null,
    unitPrice: fixed(7.09),
    usage: () => ALL_DAY,
  },
  {
    service: SAGEMAKER,
    usageType: 'USE1-Notebk:ml.t3.medium',
    unit: 'Hrs',
    team: null,
    unitPrice: fixed(0.05),
    usage: ({ weekend, random }) => (weekend ? 0 : Math.round(random.between(14, 22))),
  },
  {
    service: SAGEMAKER,
    usageType: 'USE1-Train:ml.p3.2xlarge',
    unit: 'Hrs',
    team: null,
    unitPrice: fixed(3.825),
    usage: trainingHours,
  },
];

/** Gigabytes in the vector index, stepping up each Monday as documents are ingested. */
function vectorStoreGigabytes(days: readonly string[], index: number): number {
  let gigabytes = 12_000;
  for (const day of days.slice(0, index + 1)) {
    if (weekday(day) !== MONDAY) continue;
    gigabytes *= on(day, DEMO_EVENTS.reindexing) ? 1.3 : 1.07;
  }
  return gigabytes;
}

const DAYS_PER_MONTH = 730 / ALL_DAY;

const vectorStoreMeters: readonly MeterPlan[] = [
  {
    service: OPENSEARCH,
    usageType: 'USE1-ESInstance:r6g.xlarge.search',
    unit: 'Hrs',
    team: null,
    unitPrice: fixed(0.335),
    usage: () => 3 * ALL_DAY,
  },
  {
    service: OPENSEARCH,
    usageType: 'USE1-ES:GP3-Storage',
    unit: 'GB-Mo',
    team: null,
    unitPrice: fixed(0.122),
    usage: ({ days, index }) => vectorStoreGigabytes(days, index) / DAYS_PER_MONTH,
  },
  {
    service: KENDRA,
    usageType: 'USE1-KendraEnterpriseEdition-Index',
    unit: 'Hrs',
    team: null,
    unitPrice: fixed(1.4),
    usage: () => ALL_DAY,
  },
];

/** Every meter of the demo account. */
export const DEMO_METERS: readonly MeterPlan[] = [
  ...claudeMeters,
  ...nativeMeters,
  ...sagemakerMeters,
  ...vectorStoreMeters,
];

export function dayContext(days: readonly string[], index: number, random: Random): DayContext {
  const day = days[index] ?? '';
  return { days, day, index, weekend: isWeekend(day), random };
}
