import type { Finding } from '../detect/finding';
import type { Severity } from '../settings/settings';

/** Mistake numbers as MISTAKES.md numbers them. */
export type MistakeNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

export type Link = { readonly title: string; readonly url: string };

/** One mistake a finding likely points to, with the evidence for it. */
export type MistakeMatch = {
  readonly mistake: MistakeNumber;
  readonly title: string;
  /** How strongly the evidence supports it, 0 to 1; matches are sorted by it. */
  readonly strength: number;
  /** One sentence of evidence, with its numbers. */
  readonly because: string;
};

/** A tip worth acting on: numbers, one next action, one link. */
export type Tip = {
  readonly mistake: MistakeNumber;
  /** The full sentence shown to people: meter, numbers, action. */
  readonly text: string;
  readonly action: string;
  readonly link: Link;
  /** Estimated saving per month in dollars, or null when the data cannot say. */
  readonly savingUsd: number | null;
  /** How the saving was estimated, or null. */
  readonly savingBasis: string | null;
};

/** A finding with its severity, likely mistakes and tips. */
export type ExplainedFinding = Finding & {
  readonly severity: Severity;
  readonly mistakes: readonly MistakeMatch[];
  readonly tips: readonly Tip[];
  /** Share of the day's watched spend, 0 to 1. */
  readonly shareOfSpend: number;
  /** Cost of the meter (or service) over the last 14 days, oldest first. */
  readonly recentCost: readonly number[];
  /** Human description of the meter: service, model, region, charge kind. */
  readonly where: string;
};

/** The headline numbers of a run. */
export type Headline = {
  readonly currency: string;
  /** Newest day that is not estimated, or null when every day is. */
  readonly lastCompleteDay: string | null;
  readonly lastDayUsd: number;
  readonly lastDayExpectedUsd: number;
  readonly monthToDateUsd: number;
  readonly monthToDateExpectedUsd: number;
  readonly monthlyBudgetUsd: number | null;
  /** Month to date plus the forecast to month end, or null. */
  readonly monthForecastUsd: number | null;
};

/**
 * The report of one run: the one model that the terminal, Slack and SNS
 * each render. Findings are in severity order, then by impact.
 */
export type Report = {
  readonly asOf: string;
  readonly window: { readonly start: string; readonly end: string; readonly days: number };
  readonly headline: Headline;
  readonly findings: readonly ExplainedFinding[];
  /** Findings left out by mutes. */
  readonly mutedCount: number;
  /** Settings that fell back to defaults, expired mutes, data caveats. */
  readonly warnings: readonly string[];
  readonly footer: {
    readonly metersWatched: number;
    readonly servicesWatched: number;
    readonly costExplorerRequests: number;
    readonly costExplorerCostUsd: number;
  };
};
