import { ruleContext } from '../../../lambda/mistakes/context';
import type { RuleContext } from '../../../lambda/mistakes/rule';
import type { SpendHistory } from '../../../lambda/series/types';
import { DEFAULT_SETTINGS } from '../../../lambda/settings/defaults';
import type { Settings } from '../../../lambda/settings/settings';
import { type FindingSpec, finding } from '../history-builder';
import type { Scenario } from '../scenarios';

/** What a rule sees for a finding built from the history. */
export function contextOf(
  spend: SpendHistory,
  spec: FindingSpec,
  settings: Settings = DEFAULT_SETTINGS,
): RuleContext {
  return ruleContext(finding(spend, spec), spend, settings);
}

/** What a rule sees for one of the example scenarios. */
export function scenarioContext(scenario: Scenario, settings: Settings = DEFAULT_SETTINGS) {
  return ruleContext(scenario.finding, scenario.history, settings);
}
