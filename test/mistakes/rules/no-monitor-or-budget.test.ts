import { noMonitorOrBudget } from '../../../lambda/mistakes/rules/no-monitor-or-budget';
import { DEFAULT_SETTINGS } from '../../../lambda/settings/defaults';
import { noAnomalyMonitor } from '../scenarios';
import { scenarioContext } from './rule-context';

describe('no-monitor-or-budget', () => {
  it('points no monitor and no budget to usage tracking, with the month of spend', () => {
    const match = noMonitorOrBudget.match(scenarioContext(noAnomalyMonitor()));

    expect(match).toMatchObject({ mistake: 2, strength: 0.7 });
    expect(match?.because).toContain('$1,500.00 a month');
  });

  it('ignores it when a monthly budget is set', () => {
    const settings = { ...DEFAULT_SETTINGS, monthlyBudgetUsd: 2000 };

    expect(noMonitorOrBudget.match(scenarioContext(noAnomalyMonitor(), settings))).toBeNull();
  });
});
