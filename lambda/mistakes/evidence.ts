import type { Finding } from '../detect/finding';

/**
 * Reading a finding's evidence without trusting its shape: a detector may
 * leave a field out, so every reader returns null for what is missing and
 * the rules fall back on the history itself.
 */

export function evidenceNumber(finding: Finding, name: string): number | null {
  const value = finding.evidence[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function evidenceText(finding: Finding, name: string): string | null {
  const value = finding.evidence[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** A list kept as text (`us-west-2,eu-west-1`); evidence values are scalars. */
export function evidenceList(finding: Finding, name: string): string[] {
  const text = evidenceText(finding, name);
  if (text === null) return [];
  return text
    .split(/[,;]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
