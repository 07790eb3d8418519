import type { Mute } from './settings';

/**
 * The parts of a finding a mute can match. Explained findings also carry
 * the mistakes they point to, which mistake mutes need.
 */
export type MutableFinding = {
  readonly key: string;
  readonly service: string;
  readonly meterKey: string | null;
  readonly mistakes?: readonly { readonly mistake: number }[];
};

export type MuteOutcome<F> = {
  /** Findings no active mute matched, in their original order. */
  readonly kept: F[];
  readonly mutedCount: number;
  /** Mutes whose last day is before the run's date; they matched nothing. */
  readonly expired: Mute[];
};

/**
 * Removes the findings that an active mute matches. Pure.
 *
 * A mute is active through its `until` day, inclusive, judged on the run's
 * date `asOf`. Names match ignoring case and surrounding spaces. A mistake
 * mute hides a finding only when every mistake it points to is muted, so a
 * finding that also points elsewhere is still shown; findings not yet
 * explained carry no mistakes and are never hidden by one.
 */
export function applyMutes<F extends MutableFinding>(
  findings: readonly F[],
  mutes: readonly Mute[],
  asOf: string,
): MuteOutcome<F> {
  const active = mutes.filter((mute) => mute.until >= asOf);
  const expired = mutes.filter((mute) => mute.until < asOf);
  const mutedMistakes = new Set(
    active.flatMap((mute) => ('mistake' in mute ? [mute.mistake] : [])),
  );

  const kept = findings.filter(
    (finding) =>
      !active.some((mute) => matchesName(mute, finding)) &&
      !allMistakesMuted(finding, mutedMistakes),
  );
  return { kept, mutedCount: findings.length - kept.length, expired };
}

/** The warning a run reports for a mute that has run out. */
export function expiredMuteWarning(mute: Mute): string {
  return (
    `The mute of ${describeMuteTarget(mute)} ("${mute.reason}") ended on ${mute.until} ` +
    'and no longer applies: remove it from the mutes parameter, or move its until date.'
  );
}

/** What a mute targets, in words: `meter Amazon Bedrock|USE1-...`. */
export function describeMuteTarget(mute: Mute): string {
  if ('findingKey' in mute) return `finding ${mute.findingKey}`;
  if ('meter' in mute) return `meter ${mute.meter}`;
  if ('service' in mute) return `service ${mute.service}`;
  return `mistake ${mute.mistake}`;
}

function matchesName(mute: Mute, finding: MutableFinding): boolean {
  if ('findingKey' in mute) return same(mute.findingKey, finding.key);
  if ('meter' in mute) return finding.meterKey !== null && same(mute.meter, finding.meterKey);
  if ('service' in mute) return same(mute.service, finding.service);
  return false;
}

function allMistakesMuted(finding: MutableFinding, muted: ReadonlySet<number>): boolean {
  const mistakes = finding.mistakes ?? [];
  return mistakes.length > 0 && mistakes.every((match) => muted.has(match.mistake));
}

function same(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
