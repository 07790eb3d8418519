import { formatUsd } from '../../report/format';
import type { Rule, RuleContext, RuleMatch } from '../rule';
import { sum, windowEnding } from '../series-math';
import { dailyTotals, MONTH_BASIS_DAYS } from '../spend-window';

/**
 * No Cost Anomaly Detection monitor in the account: nothing but this
 * watchdog would flag the next jump.
 */
export const noAnomalyMonitor: Rule = {
  name: 'no-anomaly-monitor',
  mistake: 7,
  needs:
    "A mix finding 'no-monitor', or a forecast overrun, in a history that collected anomaly " +
    'monitors and found none (monitorCount 0).',
  match(context: RuleContext): RuleMatch | null {
    const { finding, history, completeIndex } = context;
    const noMonitorFinding = finding.kind === 'mix' && finding.pattern === 'no-monitor';
    if (!noMonitorFinding && finding.kind !== 'forecast-overrun') return null;
    // A forecast overrun says nothing of monitors: only a collected count of zero does.
    if (!noMonitorFinding && history.monitorCount !== 0) return null;
    if (history.monitorCount !== null && history.monitorCount > 0) return null;

    const spend = sum(windowEnding(dailyTotals(history), completeIndex, MONTH_BASIS_DAYS));
    return {
      mistake: 7,
      strength: noMonitorFinding ? 0.8 : 0.5,
      because:
        'Cost Explorer lists no anomaly monitor in this account while watched LLM spend came ' +
        `to ${formatUsd(spend)} in the last 28 days, so a jump is likely found on the invoice.`,
      tip: {
        action:
          'Create a Cost Anomaly Detection monitor for AWS services with a daily alert ' +
          'subscription, so AWS flags the next jump as well.',
        saving: null,
      },
    };
  },
};
