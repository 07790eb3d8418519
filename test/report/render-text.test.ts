import { buildReport } from '../../lambda/report/build-report';
import { renderText } from '../../lambda/report/render-text';
import type { ExplainedFinding } from '../../lambda/report/report';
import { sparkline } from '../../lambda/report/sparkline';
import { explainedFinding, historyOf, meterSeries, settingsWith } from './report-fixtures';

const ESC = '\u001b[';

function reportWith(
  findings: ExplainedFinding[],
  extra: { warnings?: string[]; mutedCount?: number; budget?: number | null } = {},
) {
  const history = historyOf({
    lastDay: '2026-03-19',
    estimatedDays: 2,
    meters: [meterSeries('Amazon Bedrock', 'USE1-NovaPro-input-tokens', Array(30).fill(100))],
    forecast: {
      start: '2026-03-20',
      end: '2026-04-01',
      meanUsd: 1200,
      lowerUsd: null,
      upperUsd: null,
    },
  });
  return buildReport({
    history,
    findings,
    settings: settingsWith({ monthlyBudgetUsd: extra.budget ?? null }),
    warnings: extra.warnings ?? [],
    costExplorerRequests: 10,
    mutedCount: extra.mutedCount ?? 0,
  });
}

function lines(text: string): string[] {
  return text.split('\n');
}

/** The text on one line, so a check does not depend on where it wrapped. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

describe('renderText', () => {
  it('opens with the headline numbers', () => {
    const text = renderText(reportWith([], { budget: 3000 }));

    expect(lines(text)).toEqual(
      expect.arrayContaining([
        'LLM cost watchdog: report as of 2026-03-20',
        'Window 2026-02-18 to 2026-03-19 (30 days)',
        'Last complete day   2026-03-17: $100.00 spent, $100.00 expected (0%)',
        'Month to date       2026-03-01 to 2026-03-19: $1,900.00 spent, $1,900.00 expected (0%)',
        'Monthly budget      $3,000.00; forecast $3,100.00, 103% of it',
      ]),
    );
    expect(text).toContain('The newest 2 days are still estimated by Cost Explorer and may grow.');
  });

  it('says so when nothing was found', () => {
    const text = renderText(reportWith([], { mutedCount: 2 }));

    expect(text).toContain('No findings: watched spend looks as expected; 2 muted, not shown.');
  });

  it('puts the most severe finding first, with its numbers, sparkline, mistake and tip', () => {
    const findings = [
      explainedFinding({ key: 'medium', severity: 'medium', where: 'Nova Micro input tokens' }),
      explainedFinding({ key: 'high', severity: 'high' }),
    ];

    const text = renderText(reportWith(findings));

    const first = text.indexOf(
      '1. HIGH Spike (more usage): Claude 3.5 Sonnet output tokens, us-east-1',
    );
    const second = text.indexOf('2. MEDIUM Spike (more usage): Nova Micro input tokens');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(text).toContain('2 findings: 1 high, 1 medium');
    expect(text).toContain(
      "2026-03-17: $206.12 spent, $34.50 expected (+$171.62, +497%); 19% of the day's spend.",
    );
    expect(text).toContain(`Last 14 days  ${sparkline(explainedFinding().recentCost)}`);
    expect(text).toContain(
      '#4 Misconfiguring API usage. Usage rose 5.9x while the price per unit stayed flat.',
    );
    expect(text).toContain('(#4) Cap client retries with exponential backoff and a retry budget.');
    expect(text).toContain(
      'Retry behavior: https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html',
    );
  });

  it('shows a low finding in three lines: title, dollars, first mistake and its action', () => {
    const low = explainedFinding({ severity: 'low', where: 'Nova Micro input tokens' });

    const text = renderText(reportWith([low]));

    const block = text.slice(text.indexOf('1. LOW'), text.indexOf('Watched'));
    expect(lines(block.trim())).toEqual([
      '1. LOW Spike (more usage): Nova Micro input tokens',
      "   2026-03-17: $206.12 spent, $34.50 expected (+$171.62, +497%); 19% of the day's spend.",
      '   #4 Misconfiguring API usage: ' +
        'Cap client retries with exponential backoff and a retry budget.',
    ]);
  });

  it.each([
    ['trend', '7 days to 2026-03-17: $206.12, against $34.50 the 7 days before (+$171.62, +497%).'],
    ['new-spend', "2026-03-17: $206.12 a day, new in the window; 19% of the day's spend."],
    ['forecast-overrun', 'Month forecast $206.12 against a budget of $34.50: $171.62 over.'],
  ] as const)('reads the dollars of a %s finding for what they are', (kind, line) => {
    const text = renderText(reportWith([explainedFinding({ kind })]));

    expect(text).toContain(line);
  });

  it.each([
    [0.19, "; 19% of the day's spend"],
    [1, ''],
  ])('gives a share of %p as %p, since all of the spend tells nothing', (shareOfSpend, part) => {
    const text = renderText(reportWith([explainedFinding({ shareOfSpend })]));

    expect(text).toContain(`(+$171.62, +497%)${part}.`);
  });

  it('marks a finding on an estimated day as provisional', () => {
    const text = renderText(reportWith([explainedFinding({ provisional: true })]));

    expect(text).toContain('Provisional: the day is still estimated.');
  });

  it('shows the estimated saving of a tip', () => {
    const [tip] = explainedFinding().tips;
    const finding = explainedFinding({
      tips:
        tip === undefined
          ? []
          : [{ ...tip, savingUsd: 420, savingBasis: 'the 50% batch discount' }],
    });

    const text = renderText(reportWith([finding]));

    expect(flat(text)).toContain('Could save about $420.00 a month (the 50% batch discount).');
  });

  it('lists warnings, then what the run watched and what it cost', () => {
    const warning = 'Parameter min-impact-usd has the value "ten", which is not valid.';

    const text = renderText(reportWith([], { warnings: [warning] }));

    expect(text).toContain(`Warning\n - ${warning}`);
    expect(text.trimEnd().endsWith('10 Cost Explorer requests ($0.10 at $0.01 each).')).toBe(true);
    expect(text).toContain('Watched 1 meter in 1 service from 2026-02-18 to 2026-03-19.');
  });

  it('keeps every line within the width', () => {
    const long = explainedFinding({
      tips: [
        {
          ...(explainedFinding().tips[0] as ExplainedFinding['tips'][number]),
          text: 'word '.repeat(80),
        },
      ],
    });

    const text = renderText(reportWith([long], { warnings: ['warning '.repeat(40)] }), {
      width: 80,
    });

    const tooLong = lines(text).filter((line) => line.length > 80 && !line.includes('https://'));
    expect(tooLong).toEqual([]);
  });

  it.each([
    [false, false],
    [true, true],
  ])('writes ANSI colours only when asked (color: %p)', (color, hasAnsi) => {
    const text = renderText(reportWith([explainedFinding()]), { color });

    expect(text.includes(ESC)).toBe(hasAnsi);
  });
});
