import type { FindingKind } from '../detect/finding';
import type { Severity } from '../settings/settings';
import type { ExplainedFinding, Headline, MistakeNumber, Report } from './report';

/**
 * One finding in the CLI's JSON output. The fields up to `evidence` are the
 * contract and keep their names and types; fields after it may be added to.
 */
export type ScanJsonFinding = {
  readonly key: string;
  readonly kind: FindingKind;
  readonly severity: Severity;
  readonly service: string;
  /** Null when the finding is about a whole service or all watched spend. */
  readonly usageType: string | null;
  readonly day: string;
  readonly actualUsd: number;
  readonly expectedUsd: number;
  readonly impactUsd: number;
  readonly provisional: boolean;
  /** Mistake numbers (1 to 10), most likely first. */
  readonly mistakes: readonly MistakeNumber[];
  /** Tip sentences, each with its numbers and one action. */
  readonly tips: readonly string[];
  readonly evidence: Readonly<Record<string, string | number | boolean | null>>;
  readonly pattern: string | null;
  readonly where: string;
  readonly shareOfSpend: number;
  readonly recentCostUsd: readonly number[];
  readonly mistakeDetails: readonly {
    readonly mistake: MistakeNumber;
    readonly title: string;
    readonly strength: number;
    readonly because: string;
  }[];
  readonly tipDetails: readonly {
    readonly mistake: MistakeNumber;
    readonly action: string;
    readonly link: { readonly title: string; readonly url: string };
    readonly savingUsd: number | null;
    readonly savingBasis: string | null;
  }[];
};

/**
 * The CLI's JSON output (`scan --format json`). `asOf`, `findings`,
 * `warnings` and `costExplorerRequests` are the contract; the rest may grow.
 */
export type ScanJson = {
  readonly asOf: string;
  readonly findings: readonly ScanJsonFinding[];
  readonly warnings: readonly string[];
  readonly costExplorerRequests: number;
  readonly window: Report['window'];
  readonly headline: Headline;
  readonly mutedCount: number;
  readonly footer: Report['footer'];
};

/** The report as the CLI's stable JSON document; amounts are rounded to a hundredth of a cent. */
export function renderJson(report: Report): ScanJson {
  return {
    asOf: report.asOf,
    findings: report.findings.map(findingJson),
    warnings: [...report.warnings],
    costExplorerRequests: report.footer.costExplorerRequests,
    window: { ...report.window },
    headline: headlineJson(report.headline),
    mutedCount: report.mutedCount,
    footer: { ...report.footer },
  };
}

function findingJson(finding: ExplainedFinding): ScanJsonFinding {
  return {
    key: finding.key,
    kind: finding.kind,
    severity: finding.severity,
    service: finding.service,
    usageType: finding.usageType,
    day: finding.day,
    actualUsd: money(finding.actualUsd),
    expectedUsd: money(finding.expectedUsd),
    impactUsd: money(finding.impactUsd),
    provisional: finding.provisional,
    mistakes: finding.mistakes.map((match) => match.mistake),
    tips: finding.tips.map((tip) => tip.text),
    evidence: { ...finding.evidence },
    pattern: finding.pattern,
    where: finding.where,
    shareOfSpend: Math.round(finding.shareOfSpend * 10_000) / 10_000,
    recentCostUsd: finding.recentCost.map(money),
    mistakeDetails: finding.mistakes.map((match) => ({
      mistake: match.mistake,
      title: match.title,
      strength: match.strength,
      because: match.because,
    })),
    tipDetails: finding.tips.map((tip) => ({
      mistake: tip.mistake,
      action: tip.action,
      link: { title: tip.link.title, url: tip.link.url },
      savingUsd: tip.savingUsd === null ? null : money(tip.savingUsd),
      savingBasis: tip.savingBasis,
    })),
  };
}

function headlineJson(headline: Headline): Headline {
  return {
    ...headline,
    lastDayUsd: money(headline.lastDayUsd),
    lastDayExpectedUsd: money(headline.lastDayExpectedUsd),
    monthToDateUsd: money(headline.monthToDateUsd),
    monthToDateExpectedUsd: money(headline.monthToDateExpectedUsd),
    monthForecastUsd: headline.monthForecastUsd === null ? null : money(headline.monthForecastUsd),
  };
}

/** Rounds away floating-point noise without losing sub-cent meters. */
function money(usd: number): number {
  return Math.round(usd * 10_000) / 10_000;
}
