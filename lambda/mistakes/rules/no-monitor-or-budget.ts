import { formatUsd } from '../../report/format';
import { DOC_LINKS } from '../catalogue';
import type { Rule, RuleContext, RuleMatch } from '../rule';
import { dailyTotals, monthlyFrom } from '../spend-window';

/**
 * Neither an anomaly monitor nor a budget: nobody has said how much LLM
 * spend is expected, so nobody can tell when it is too much.
 */
export const noMonitorOrBudget: Rule = {
  name: 'no-monitor-or-budget',
  mistake: 2,
  needs: "A mix finding 'no-monitor' while the monthly-budget-usd setting is none.",
  match(context: RuleContext): RuleMatch | null {
    const { finding, history, settings, completeIndex } = context;
    if (finding.kind !== 'mix' || finding.pattern !== 'no-monitor') return null;
    if (settings.monthlyBudgetUsd !== null) return null;

    const monthly = monthlyFrom(dailyTotals(history), completeIndex);
    return {
      mistake: 2,
      strength: 0.7,
      because:
        `Neither an anomaly monitor nor a monthly budget watches the ${formatUsd(monthly)} a ` +
        "month of LLM spend (30 × the last 28 days' average), so growth likely goes unowned.",
      tip: {
        action:
          "Set the watchdog's monthly-budget-usd parameter, create an AWS Budget for these " +
          'services with a forecasted-spend alert, and name an owner for each workload.',
        link: DOC_LINKS.budgets,
        saving: null,
      },
    };
  },
};
