import type { Finding } from '../detect/finding';
import type { SpendHistory } from '../series/types';
import { evidenceText } from './evidence';
import { impactHorizon } from './severity';
import { DAYS_PER_MONTH } from './spend-window';

/**
 * Days a finding's dollars cover: 1 for a day, 7 for a week, 30 for a
 * month, and for a native anomaly the days from its start to its end (or to
 * the finding's day while it is open), at least one.
 */
export function impactDays(finding: Finding): number {
  const horizon = impactHorizon(finding.kind);
  if (horizon === 'day') return 1;
  if (horizon === 'week') return 7;
  if (horizon === 'month') return DAYS_PER_MONTH;

  const start = evidenceText(finding, 'startDate') ?? finding.day;
  const end = evidenceText(finding, 'endDate') ?? finding.day;
  return Math.max(1, daysBetween(start, end) + 1);
}

/** The indices of the days a finding's dollars cover, within the history. */
export function impactRange(
  history: SpendHistory,
  finding: Finding,
  dayIndex: number,
): { readonly start: number; readonly end: number } {
  const days = impactHorizon(finding.kind) === 'month' ? 28 : impactDays(finding);
  return {
    start: Math.max(0, dayIndex - days + 1),
    end: Math.min(dayIndex, history.days.length - 1),
  };
}

function daysBetween(from: string, to: string): number {
  const milliseconds = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Number.isFinite(milliseconds) ? Math.round(milliseconds / 86_400_000) : 0;
}
