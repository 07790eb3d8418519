import type { SpendHistory } from '../series/types';
import type { Settings } from '../settings/settings';
import { detectAlwaysOn } from './always-on';
import type { Detector, Finding } from './finding';
import { detectForecastOverrun } from './forecast-overrun';
import { detectMix } from './mix';
import { detectNativeAnomalies } from './native-anomaly';
import { detectNewSpend } from './new-spend';
import { detectSpikes } from './spike';
import { detectTrends } from './trend';

/** Every detector, one per finding kind. */
export const DETECTORS: readonly Detector[] = [
  detectSpikes,
  detectNewSpend,
  detectTrends,
  detectAlwaysOn,
  detectForecastOverrun,
  detectNativeAnomalies,
  detectMix,
];

/**
 * Runs every detector over the history and returns their findings, largest
 * impact first (ties by key, so the order is the same on every run).
 *
 * Pure: no clock, no I/O. Impacts are in each kind's own horizon (daily for
 * spikes and new spend, weekly for trends, monthly for always-on, forecast
 * overruns and mix, the anomaly's total for native anomalies); the explain
 * step ranks by severity first.
 *
 * @example
 * const findings = detectAll(history, settings);
 * findings[0]?.key; // 'spike:Amazon Bedrock|USE1-NovaPro-output-tokens'
 */
export function detectAll(history: SpendHistory, settings: Settings): Finding[] {
  const findings = DETECTORS.flatMap((detector) => detector(history, settings));
  return findings.sort(byImpact);
}

function byImpact(a: Finding, b: Finding): number {
  if (b.impactUsd !== a.impactUsd) return b.impactUsd - a.impactUsd;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
