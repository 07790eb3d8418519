import type { Finding } from '../detect/finding';
import type { ExplainedFinding, MistakeMatch } from '../report/report';
import type { SpendHistory } from '../series/types';
import type { Settings, Severity } from '../settings/settings';
import { thresholdsFor } from '../settings/thresholds';
import { mistakeOf } from './catalogue';
import { composeTip } from './compose-tip';
import { ruleContext } from './context';
import { impactDays, impactRange } from './impact-days';
import { matchRules, type NamedMatch } from './match-rules';
import type { Rule, RuleContext } from './rule';
import { RULES } from './rules';
import { mean } from './series-math';
import { judgeSeverity, severityRank } from './severity';
import { dailyTotals, recentFrom, scopeCost } from './spend-window';
import { describeFinding } from './where';

/**
 * Explain findings: for each, the mistakes it likely points to (strongest
 * first), a tip per mistake with the real numbers, its severity, its share of
 * the day's watched spend, its last 14 days of cost and a description of
 * where it is. Pure: the same findings, history and settings give the same
 * explanations.
 *
 * The result is sorted by severity, then by impact brought to one day (so a
 * weekly, monthly or whole-anomaly impact compares with a daily one),
 * largest first, then by finding key.
 */
export function explainFindings(
  findings: readonly Finding[],
  history: SpendHistory,
  settings: Settings,
  rules: readonly Rule[] = RULES,
): ExplainedFinding[] {
  const totals = dailyTotals(history);
  const explained = findings.map((finding) =>
    explainOne(ruleContext(finding, history, settings), totals, rules),
  );
  return explained.sort(bySeverityThenImpact);
}

function explainOne(
  context: RuleContext,
  totals: readonly number[],
  rules: readonly Rule[],
): ExplainedFinding {
  const { finding, history, dayIndex } = context;
  const matches = matchRules(context, rules);

  const scope = scopeCost(history, finding);
  const dayTotal = totals[dayIndex] ?? 0;
  const shareOfSpend = dayTotal > 0 ? Math.min(1, (scope[dayIndex] ?? 0) / dayTotal) : 0;
  const where = describeFinding(finding, context.series?.meter ?? null);

  return {
    ...finding,
    severity: severityOf(context, totals, matches),
    mistakes: matches.map(toMistakeMatch),
    tips: matches.map((match) => composeTip({ finding, where, shareOfSpend }, match)),
    shareOfSpend,
    recentCost: recentFrom(scope, dayIndex),
    where,
  };
}

function severityOf(
  context: RuleContext,
  totals: readonly number[],
  matches: readonly NamedMatch[],
): Severity {
  const { finding, history, settings, dayIndex } = context;
  const range = impactRange(history, finding, dayIndex);
  const leading = matches[0];
  return judgeSeverity({
    dailyImpactUsd: dailyImpact(finding),
    dailySpendUsd: finding.kind === 'mix' ? null : mean(totals.slice(range.start, range.end + 1)),
    minImpactUsd: thresholdsFor(settings, finding.service).minImpactUsd,
    urgent: leading !== undefined && mistakeOf(leading.mistake).priority === 'urgent',
  });
}

/** A finding's impact brought to one day, whatever horizon its dollars cover. */
function dailyImpact(finding: Finding): number {
  return finding.impactUsd / impactDays(finding);
}

function toMistakeMatch(match: NamedMatch): MistakeMatch {
  return {
    mistake: match.mistake,
    title: mistakeOf(match.mistake).title,
    strength: match.strength,
    because: match.because,
  };
}

function bySeverityThenImpact(a: ExplainedFinding, b: ExplainedFinding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    dailyImpact(b) - dailyImpact(a) ||
    a.key.localeCompare(b.key)
  );
}
