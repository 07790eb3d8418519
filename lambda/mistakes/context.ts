import type { Finding } from '../detect/finding';
import type { SpendHistory } from '../series/types';
import type { Settings } from '../settings/settings';
import { findSeries } from './meter-lookup';
import type { RuleContext } from './rule';
import { completeIndexAtOrBefore, dayIndexOf } from './spend-window';

/** Build what every rule sees for one finding. */
export function ruleContext(
  finding: Finding,
  history: SpendHistory,
  settings: Settings,
): RuleContext {
  const dayIndex = dayIndexOf(history, finding.day);
  return {
    finding,
    history,
    settings,
    series: findSeries(history, finding.meterKey),
    dayIndex,
    completeIndex: completeIndexAtOrBefore(history, dayIndex),
  };
}
