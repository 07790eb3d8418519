import type { Finding } from '../detect/finding';
import type { Link, MistakeNumber } from '../report/report';
import type { MeterSeries, SpendHistory } from '../series/types';
import type { Settings } from '../settings/settings';

/** What a rule sees: one finding and the history around it. */
export type RuleContext = {
  readonly finding: Finding;
  readonly history: SpendHistory;
  readonly settings: Settings;
  /** The finding's meter series, or null for a service-level finding. */
  readonly series: MeterSeries | null;
  /** Index of the finding's day in `history.days`. */
  readonly dayIndex: number;
  /** Newest complete (not estimated) day at or before the finding's day. */
  readonly completeIndex: number;
};

/** An estimated monthly saving and how it was worked out. */
export type Saving = {
  readonly usd: number;
  /** How the figure was computed, with its inputs; always says it is an estimate. */
  readonly basis: string;
};

/** The part of a tip a rule decides; the explain step adds the meter and the numbers. */
export type TipDraft = {
  /** One sentence: the next thing to do. */
  readonly action: string;
  /** The page that shows how; defaults to the mistake's first link. */
  readonly link?: Link;
  readonly saving?: Saving | null;
};

/** A rule's verdict: which mistake, how likely, why, and what to do. */
export type RuleMatch = {
  readonly mistake: MistakeNumber;
  /** 0 to 1. */
  readonly strength: number;
  /** One sentence of evidence, with its numbers. */
  readonly because: string;
  readonly tip: TipDraft;
};

/**
 * A rule maps a finding to one mistake when the evidence fits. Rules are
 * small and pure; each states the evidence it needs in `needs`, which the
 * README's "How it decides" section lists.
 */
export type Rule = {
  readonly name: string;
  readonly mistake: MistakeNumber;
  /** The evidence the rule needs, in a sentence. */
  readonly needs: string;
  readonly match: (context: RuleContext) => RuleMatch | null;
};
