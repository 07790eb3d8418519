import type { AlertJson } from '../../../lambda/notify/sns/alert-json';
import { renderSnsMessage, SNS_MAX_BYTES } from '../../../lambda/notify/sns/render-sns';
import { newRecord } from '../../../lambda/state/finding-record';
import { anAlert, manyFindings } from '../../fixtures/alert';
import { aFinding, aReport } from '../../fixtures/report';

type Structure = { default: string; email: string; sqs: string; lambda: string; https: string };
const parts = (message: string) => JSON.parse(message) as Structure;

describe('renderSnsMessage', () => {
  it.each([
    {
      alert: anAlert([aFinding()]),
      subject: 'LLM cost HIGH: $28,037/month at stake, 1 new finding',
    },
    {
      alert: anAlert([
        aFinding({ severity: 'critical', where: 'Amazon Bedrock · Claude — “Opus”' }),
      ]),
      subject: 'LLM cost CRITICAL: $28,037/month at stake, 1 new finding',
    },
    {
      alert: anAlert([], { report: aReport([]) }),
      subject: 'LLM cost watchdog: no findings as of 2026-03-15',
    },
    {
      alert: anAlert([], { ended: [newRecord(aFinding(), '2026-03-10')] }),
      subject: 'LLM cost watchdog: 1 finding ended as of 2026-03-15',
    },
  ])('writes the subject "$subject" in ASCII on one line under 100 characters', (row) => {
    const { subject } = renderSnsMessage(row.alert);

    expect(subject).toBe(row.subject);
    expect(subject).toMatch(/^[\x20-\x7e]{1,99}$/);
  });

  it('sends the same text as default and e-mail, and the report as JSON to machines', () => {
    const { message } = renderSnsMessage(anAlert([aFinding()]));

    const { default: text, email, sqs, lambda, https } = parts(message);
    const json = JSON.parse(sqs) as AlertJson;
    expect(email).toBe(text);
    expect([lambda, https]).toEqual([sqs, sqs]);
    expect(json).toMatchObject({
      source: 'llm-cost-watchdog',
      asOf: '2026-03-15',
      severity: 'high',
      impactUsd: 28_036.8,
      findings: [{ key: aFinding().key, status: 'new', impactUsd: 934.56, mistakes: [4] }],
    });
    expect(json.truncated).toBeUndefined();
  });

  it('writes a plain-text body that reads in an e-mail client', () => {
    const { message } = renderSnsMessage(anAlert([aFinding()]));

    const lines = parts(message).email.split('\n');
    expect(lines.slice(0, 12)).toEqual([
      'LLM cost watchdog: HIGH: $28,037 a month at stake (1 new finding)',
      '',
      'LLM spend on 2026-03-14: $2,345.67 vs $1,100.00 expected (+113%); ' +
        'month to date: $12,345.00 vs $9,800.00 expected (+26%)',
      '',
      '1. [HIGH] Spike (more usage)',
      '   Where:   Amazon Bedrock · Claude Sonnet 4 · input tokens · us-east-1',
      '   Amount:  $1,234.56 on 2026-03-14 vs $300.00 expected (+312%), impact $934.56, ' +
        "42% of the day's spend",
      '   Trend:   ▃▃▃▃▃▃▃▃▃▃▃▃▃█ (last 14 days)',
      '   Likely:  #4 Misconfiguring API usage: ' +
        'Usage rose 4.1x while the price per unit stayed flat.',
      expect.stringMatching(/^ {3}Tip: {5}Input tokens of Claude Sonnet 4 rose/),
      '   How:     Bedrock quotas: ' +
        'https://docs.aws.amazon.com/bedrock/latest/userguide/quotas.html',
      `   Key:     ${aFinding().key}`,
    ]);
    expect(message).not.toMatch(/[*`]Tip/);
  });

  it('carries severity, kinds, mistakes and impact as attributes to filter on', () => {
    const findings = [
      aFinding({ key: 'a', severity: 'medium', impactUsd: 10.004 }),
      aFinding({
        key: 'b',
        kind: 'trend',
        severity: 'critical',
        impactUsd: 70,
        mistakes: [{ mistake: 1, title: 'Ignoring model complexity', strength: 1, because: 'x' }],
      }),
    ];

    const { attributes } = renderSnsMessage(anAlert(findings));

    expect(attributes).toEqual({
      severity: { DataType: 'String', StringValue: 'critical' },
      kinds: { DataType: 'String.Array', StringValue: '["spike","trend"]' },
      mistakes: { DataType: 'String.Array', StringValue: '[1,4]' },
      impactUsd: { DataType: 'Number', StringValue: '600.12' },
    });
  });

  it.each([
    { count: 10, tip: 600, trimmed: false },
    { count: 200, tip: 600, trimmed: true },
    { count: 200, tip: 3_000, trimmed: true },
  ])('stays under 256 KB with $count findings and tips of $tip characters', (row) => {
    const { message, bytes, trimmed } = renderSnsMessage(anAlert(manyFindings(row.count, row.tip)));

    expect(Buffer.byteLength(message)).toBeLessThan(SNS_MAX_BYTES);
    expect(bytes).toBeLessThan(SNS_MAX_BYTES);
    expect(trimmed).toBe(row.trimmed);
  });

  it('says so in the text and the JSON when it trimmed, the heavier JSON first', () => {
    const { message } = renderSnsMessage(anAlert(manyFindings(200)));

    const { email, sqs } = parts(message);
    const json = JSON.parse(sqs) as AlertJson;
    const listed = email.match(
      /shortened to fit SNS's 256 KB limit: it lists (\d+) of 200 findings/,
    );
    expect(Number(listed?.[1])).toBeGreaterThanOrEqual(json.findings.length);
    expect(json.truncated?.findingsOmitted).toBe(200 - json.findings.length);
    expect(json.findings.length).toBeGreaterThan(0);
    expect(json.findings.length).toBeLessThan(200);
  });

  it('never fails, even when the notes alone pass the limit', () => {
    const notices = [`A note ${'x'.repeat(SNS_MAX_BYTES)}`];

    const { bytes, message } = renderSnsMessage(anAlert(manyFindings(3), { notices }));

    expect(bytes).toBeLessThan(SNS_MAX_BYTES);
    expect(parts(message).email).toContain('too large for SNS even without its findings');
  });
});
