import { noAnomalyMonitor } from '../../../lambda/mistakes/rules/no-anomaly-monitor';
import { history } from '../history-builder';
import { claudeTokens } from '../scenarios';
import { contextOf } from './rule-context';

const meters = [claudeTokens('sonnet', 'input', 30)];
const noMonitor = { kind: 'mix', pattern: 'no-monitor', service: '', day: 55 } as const;
const overrun = { kind: 'forecast-overrun', service: '', day: 55 } as const;

describe('no-anomaly-monitor', () => {
  it.each([
    ['a no-monitor finding', noMonitor, 0, 0.8],
    ['a forecast overrun with no monitor collected as zero', overrun, 0, 0.5],
  ] as const)('points %s to cost management tools', (_name, spec, monitorCount, strength) => {
    const spend = history({ meters, monitorCount });

    const match = noAnomalyMonitor.match(contextOf(spend, spec));

    expect(match).toMatchObject({ mistake: 7, strength });
    expect(match?.because).toContain('$840.00 in the last 28 days');
  });

  it.each([
    ['monitors exist', noMonitor, 2],
    ['a forecast overrun when monitors were not collected', overrun, null],
  ] as const)('ignores it when %s', (_name, spec, monitorCount) => {
    const spend = history({ meters, monitorCount });

    expect(noAnomalyMonitor.match(contextOf(spend, spec))).toBeNull();
  });
});
