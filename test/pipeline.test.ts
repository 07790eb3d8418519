import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../lambda/pipeline';
import type { Report } from '../lambda/report/report';
import { readCapture } from '../lambda/series/read-capture';
import { DEFAULT_SETTINGS } from '../lambda/settings/defaults';
import type { Mute, Settings } from '../lambda/settings/settings';
import { smallCapture } from './bin/small-capture';

const NOVA_KEY = 'Amazon Bedrock|USE1-NovaPro-input-tokens';
const SONNET = 'Claude 3.5 Sonnet (Amazon Bedrock Edition)';
const DEMO_PATH = join(__dirname, '..', 'samples', 'demo-capture.json');

function settingsWith(overrides: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, ...overrides };
}

let demo: Report | undefined;

/** The demo's report, built once for the tests that read it. */
function demoReport(): Report {
  demo ??= runPipeline(readCapture(readFileSync(DEMO_PATH, 'utf8'), DEMO_PATH), DEFAULT_SETTINGS, {
    asOf: '2026-03-20',
  });
  return demo;
}

describe('runPipeline', () => {
  it('turns a capture into a report with the spike explained', () => {
    const report = runPipeline(smallCapture(), DEFAULT_SETTINGS, {
      asOf: '2026-03-20',
      costExplorerRequests: 3,
    });

    const spike = report.findings.find((finding) => finding.kind === 'spike');
    expect(spike).toMatchObject({ meterKey: NOVA_KEY, day: '2026-03-18', actualUsd: 400 });
    expect(spike?.mistakes.length).toBeGreaterThan(0);
    expect(spike?.tips.length).toBeGreaterThan(0);
    expect(report.headline.lastDayUsd).toBeCloseTo(570.16, 2);
    expect(report.footer).toMatchObject({ metersWatched: 2, costExplorerRequests: 3 });
  });

  it.each<[string, Mute]>([
    ['a meter', { meter: NOVA_KEY, until: '2026-03-31', reason: 'load test' }],
    ['a finding key', { findingKey: `spike:${NOVA_KEY}`, until: '2026-03-20', reason: 'known' }],
  ])('leaves out a finding muted by %s and counts it', (_name, mute) => {
    const report = runPipeline(smallCapture(), settingsWith({ mutes: [mute] }), {
      asOf: '2026-03-20',
    });

    expect(report.findings.filter((finding) => finding.meterKey === NOVA_KEY)).toEqual([]);
    expect(report.mutedCount).toBeGreaterThan(0);
  });

  it('mutes by mistake, which only explained findings carry', () => {
    const unmuted = runPipeline(smallCapture(), DEFAULT_SETTINGS, { asOf: '2026-03-20' });
    const spike = unmuted.findings.find((finding) => finding.kind === 'spike');
    const mutes = (spike?.mistakes ?? []).map((match) => ({
      mistake: match.mistake,
      until: '2026-03-31',
      reason: 'handled',
    }));

    const report = runPipeline(smallCapture(), settingsWith({ mutes }), { asOf: '2026-03-20' });

    expect(mutes.length).toBeGreaterThan(0);
    expect(report.findings.some((finding) => finding.kind === 'spike')).toBe(false);
  });

  it('warns about an expired mute, after the warnings it was given', () => {
    const mute = { meter: NOVA_KEY, until: '2026-03-01', reason: 'old test' };

    const report = runPipeline(smallCapture(), settingsWith({ mutes: [mute] }), {
      asOf: '2026-03-20',
      warnings: ['from settings'],
    });

    expect(report.warnings[0]).toBe('from settings');
    expect(report.warnings.some((warning) => warning.includes('ended on 2026-03-01'))).toBe(true);
    expect(report.findings.some((finding) => finding.meterKey === NOVA_KEY)).toBe(true);
  });
});

describe('the demo capture', () => {
  it('surfaces findings pointing to at least six different mistakes', () => {
    const report = demoReport();

    const mistakes = new Set(
      report.findings.flatMap((finding) => finding.mistakes.map((match) => match.mistake)),
    );
    expect(mistakes.size).toBeGreaterThanOrEqual(6);
  });

  it.each([
    [
      'a retry storm on Claude output tokens',
      `spike:${SONNET}|USE1-MP:USE1_OutputTokenCount-Units`,
      4,
    ],
    ['the move to Opus', 'mix:premium-share:claude', 1],
    ['one premium model carrying the workload', 'mix:premium-share:claude', 10],
    ['Nova Pro billed in a second region', 'new-spend:Amazon Bedrock|EUC1-NovaPro-input-tokens', 5],
    ['heavy on-demand use and no batch', `mix:no-batch:Claude 3.5 Sonnet`, 6],
    ['input far above output and no cache', 'mix:input-heavy:Claude 3.5 Sonnet', 3],
    [
      'an endpoint billed around the clock',
      'always-on:Amazon SageMaker|USE1-Host:ml.g5.12xlarge',
      8,
    ],
    ['vector store storage growing', 'trend:Amazon OpenSearch Service|USE1-ES:GP3-Storage', 9],
    [
      'an anomaly nobody gave feedback on',
      'native-anomaly:4b8e2f1c-9a7d-4e3b-b6c5-1d2e3f4a5b6c',
      7,
    ],
    ['spend without a team tag', 'mix:untagged:team', 2],
  ])('finds %s (%s) and points to mistake %d', (_problem, key, mistake) => {
    const finding = demoReport().findings.find((candidate) => candidate.key === key);

    expect(finding?.mistakes.map((match) => match.mistake)).toContain(mistake);
  });

  it('gives tips that each carry a number and an action', () => {
    const tips = demoReport().findings.flatMap((finding) => finding.tips);

    expect(tips.length).toBeGreaterThan(0);
    for (const tip of tips) {
      expect({ text: tip.text, hasNumber: /\d/.test(tip.text) }).toEqual({
        text: tip.text,
        hasNumber: true,
      });
      expect(tip.action.trim().length).toBeGreaterThan(0);
      expect(tip.link.url).toMatch(/^https:\/\//);
    }
  });
});
