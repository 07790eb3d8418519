import type { Rule } from '../rule';
import { anomalyWithoutFeedback } from './anomaly-without-feedback';
import { dataKeepsGrowing } from './data-keeps-growing';
import { dataUsageJump } from './data-usage-jump';
import { forecastOverBudget } from './forecast-over-budget';
import { idleCapacity } from './idle-capacity';
import { inputHeavyPrompts } from './input-heavy-prompts';
import { modelInNewRegion } from './model-in-new-region';
import { noAnomalyMonitor } from './no-anomaly-monitor';
import { noMonitorOrBudget } from './no-monitor-or-budget';
import { onDemandWithoutBatch } from './on-demand-without-batch';
import { onePremiumModel } from './one-premium-model';
import { regionalPriceGap } from './regional-price-gap';
import { spendMovedUpTier } from './spend-moved-up-tier';
import { topTierShare } from './top-tier-share';
import { unannouncedMeter } from './unannounced-meter';
import { unitPriceRose } from './unit-price-rose';
import { untaggedSpend } from './untagged-spend';
import { usageJumpFlatPrice } from './usage-jump-flat-price';

/** Every rule, in mistake order. Each finding is offered to all of them. */
export const RULES: readonly Rule[] = [
  unitPriceRose,
  spendMovedUpTier,
  topTierShare,
  untaggedSpend,
  unannouncedMeter,
  noMonitorOrBudget,
  inputHeavyPrompts,
  usageJumpFlatPrice,
  modelInNewRegion,
  regionalPriceGap,
  onDemandWithoutBatch,
  noAnomalyMonitor,
  anomalyWithoutFeedback,
  forecastOverBudget,
  idleCapacity,
  dataKeepsGrowing,
  dataUsageJump,
  onePremiumModel,
];
