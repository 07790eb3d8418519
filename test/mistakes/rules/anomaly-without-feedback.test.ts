import { anomalyWithoutFeedback } from '../../../lambda/mistakes/rules/anomaly-without-feedback';
import { anomalyWithoutFeedback as scenario } from '../scenarios';
import { scenarioContext } from './rule-context';

describe('anomaly-without-feedback', () => {
  it('points an unanswered anomaly to cost management tools, naming its root cause', () => {
    const match = anomalyWithoutFeedback.match(scenarioContext(scenario()));

    // 0.7, and 0.1 more for $75 of impact, over ten times min-impact-usd.
    expect(match).toMatchObject({ mistake: 7, strength: 0.8 });
    expect(match?.because).toContain('on 2025-04-12 with $75.00 of impact');
    expect(match?.because).toContain('USE1-MP:USE1_OutputTokenCount-Units');
  });

  it('ignores an anomaly someone marked', () => {
    const answered = scenario();
    const history = {
      ...answered.history,
      anomalies: answered.history.anomalies.map((one) => ({ ...one, feedback: 'YES' as const })),
    };

    expect(anomalyWithoutFeedback.match(scenarioContext({ ...answered, history }))).toBeNull();
  });

  it('takes the feedback from the evidence when the detector gives it', () => {
    const marked = scenario();
    const finding = { ...marked.finding, evidence: { ...marked.finding.evidence, feedback: 'NO' } };

    expect(anomalyWithoutFeedback.match(scenarioContext({ ...marked, finding }))).toBeNull();
  });
});
