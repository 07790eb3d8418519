import type { Finding, FindingKind } from '../detect/finding';

const KIND_LABEL: Readonly<Record<FindingKind, string>> = {
  spike: 'Spike',
  'new-spend': 'New spend',
  trend: 'Growing spend',
  'always-on': 'Always-on capacity',
  'forecast-overrun': 'Forecast over budget',
  'native-anomaly': 'Cost Anomaly Detection',
  mix: 'Spending pattern',
};

const PATTERN_LABEL: Readonly<Record<string, string>> = {
  usage: 'more usage',
  price: 'higher price per unit',
  'usage-and-price': 'more usage at a higher price per unit',
};

/** The kind of finding in words: `Spike`, `New spend`. */
export function kindLabel(kind: FindingKind): string {
  return KIND_LABEL[kind];
}

/**
 * What kind of finding it is, with its pattern, as every channel titles it:
 * `Spike (more usage)`, `Spending pattern (no batch)`.
 */
export function findingTitle(finding: Pick<Finding, 'kind' | 'pattern'>): string {
  const label = KIND_LABEL[finding.kind];
  if (finding.pattern === null) return label;
  return `${label} (${PATTERN_LABEL[finding.pattern] ?? finding.pattern.replaceAll('-', ' ')})`;
}
