import type { MistakeNumber } from '../report/report';
import { mistakeOf, priorityRank } from './catalogue';
import type { Rule, RuleContext, RuleMatch } from './rule';

/** A rule's match, with the rule that made it. */
export type NamedMatch = RuleMatch & { readonly rule: string };

/**
 * Offer the context to every rule and keep, per mistake, the strongest
 * match. Matches come back ordered by strength (to the nearest 0.1, so that
 * near ties fall to priority), then by priority (urgent first), then by
 * mistake number.
 */
export function matchRules(context: RuleContext, rules: readonly Rule[]): NamedMatch[] {
  const best = new Map<MistakeNumber, NamedMatch>();
  for (const rule of rules) {
    const match = rule.match(context);
    if (match === null || match.strength <= 0) continue;
    const kept = best.get(match.mistake);
    if (kept === undefined || match.strength > kept.strength) {
      best.set(match.mistake, { ...match, rule: rule.name });
    }
  }
  return [...best.values()].sort(byStrengthThenPriority);
}

/** Strength to the nearest 0.1, then priority, then exact strength, then mistake number. */
export function byStrengthThenPriority(a: RuleMatch, b: RuleMatch): number {
  return (
    bucket(b.strength) - bucket(a.strength) ||
    priorityRank(mistakeOf(a.mistake).priority) - priorityRank(mistakeOf(b.mistake).priority) ||
    b.strength - a.strength ||
    a.mistake - b.mistake
  );
}

function bucket(strength: number): number {
  return Math.round(strength * 10);
}
