import { forecastOverBudget } from '../../../lambda/mistakes/rules/forecast-over-budget';
import { history } from '../history-builder';
import { claudeTokens } from '../scenarios';
import { contextOf } from './rule-context';

describe('forecast-over-budget', () => {
  it('points an overrun to cost management tools and names the largest meter this month', () => {
    const spend = history({
      meters: [claudeTokens('sonnet', 'input', 30), claudeTokens('sonnet', 'output', 50)],
    });
    const overrun = {
      kind: 'forecast-overrun',
      service: '',
      day: 55,
      actualUsd: 2480,
      expectedUsd: 2000,
      impactUsd: 480,
    } as const;

    const match = forecastOverBudget.match(contextOf(spend, overrun));

    expect(match).toMatchObject({ mistake: 7, strength: 0.6 });
    expect(match?.because).toContain('$2,480.00 against a budget of $2,000.00, $480.00 over');
    // April 2025 runs from day 29 to day 55 of the history: 27 days at $50.
    expect(match?.because).toContain('Claude 3.5 Sonnet output tokens in us-east-1 at $1,350.00');
    expect(match?.tip.link?.url).toContain('budgets-managing-costs');
  });

  it('ignores other findings', () => {
    const spend = history({ meters: [claudeTokens('sonnet', 'input', 30)] });

    expect(
      forecastOverBudget.match(contextOf(spend, { kind: 'spike', service: '', day: 55 })),
    ).toBeNull();
  });
});
