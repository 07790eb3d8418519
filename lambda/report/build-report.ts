import { impactDays } from '../mistakes/impact-days';
import type { SpendHistory } from '../series/types';
import { SEVERITIES, type Settings } from '../settings/settings';
import { buildHeadline } from './headline';
import type { ExplainedFinding, Report } from './report';

/** Cost Explorer's price per API request (each page is one request). */
export const COST_EXPLORER_USD_PER_REQUEST = 0.01;

/** Everything a report is built from. */
export type ReportInput = {
  readonly history: SpendHistory;
  readonly findings: readonly ExplainedFinding[];
  readonly settings: Settings;
  readonly warnings: readonly string[];
  readonly costExplorerRequests: number;
  readonly mutedCount: number;
};

/**
 * Builds the report of one run: the headline over all watched spend (see
 * `buildHeadline` for how expected spend is reckoned), the findings most
 * severe first and, within a severity, largest impact first (per day, as the
 * explanations weigh them: a week's or a month's dollars are spread over it), and the footer
 * with what the run watched and what its Cost Explorer requests cost.
 * The window's `end` is its newest day, inclusive.
 */
export function buildReport(input: ReportInput): Report {
  const { history } = input;
  const requests = input.costExplorerRequests;

  return {
    asOf: history.asOf,
    window: {
      start: history.days[0] ?? history.asOf,
      end: history.days[history.days.length - 1] ?? history.asOf,
      days: history.days.length,
    },
    headline: buildHeadline(history, input.settings),
    findings: orderFindings(input.findings),
    mutedCount: input.mutedCount,
    warnings: [...input.warnings],
    footer: {
      metersWatched: history.meters.length,
      servicesWatched: new Set(history.meters.map((series) => series.meter.service)).size,
      costExplorerRequests: requests,
      costExplorerCostUsd: Math.round(requests * COST_EXPLORER_USD_PER_REQUEST * 100) / 100,
    },
  };
}

/** Most severe first; then largest impact a day; then by key, so the order is stable. */
export function orderFindings(findings: readonly ExplainedFinding[]): ExplainedFinding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      dailyImpact(b) - dailyImpact(a) ||
      a.key.localeCompare(b.key),
  );
}

/**
 * A spike's dollars are a day's, a trend's a week's, a pattern's a month's: compare them per day.
 */
function dailyImpact(finding: ExplainedFinding): number {
  return finding.impactUsd / impactDays(finding);
}
