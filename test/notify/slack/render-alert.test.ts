import { COST_EXPLORER_URL } from '../../../lambda/notify/describe';
import { SLACK_LIMITS, type SlackBlock, textLength } from '../../../lambda/notify/slack/blocks';
import { renderSlackAlert, renderSlackUpdate } from '../../../lambda/notify/slack/render-alert';
import { newRecord } from '../../../lambda/state/finding-record';
import { anAlert, manyFindings } from '../../fixtures/alert';
import { aFinding, aReport } from '../../fixtures/report';

const textOf = (blocks: readonly SlackBlock[]) =>
  blocks
    .map((block) =>
      block.type === 'context'
        ? block.elements.map((element) => element.text).join(' ')
        : block.type === 'divider'
          ? ''
          : block.text.text,
    )
    .join('\n');

const headerOf = (blocks: readonly SlackBlock[]) => {
  const [first] = blocks;
  return first?.type === 'header' ? first.text.text : null;
};

describe('renderSlackAlert', () => {
  it.each([
    { severities: ['high'], impacts: [934.56], header: '🟠 High: $28,037 a month at stake' },
    {
      severities: ['medium', 'critical'],
      impacts: [100, 50.5],
      header: '🔴 Critical: $4,515 a month at stake',
    },
    { severities: ['low', 'low'], impacts: [10, 20.5], header: '🔵 Low: $915 a month at stake' },
  ] as const)('heads the alert with the worst severity and the impact a month: $header', (row) => {
    const findings = row.severities.map((severity, index) =>
      aFinding({ key: `k${index}`, severity, impactUsd: row.impacts[index] ?? 0 }),
    );

    const message = renderSlackAlert(anAlert(findings));

    expect(headerOf(message.blocks)).toContain(row.header);
    expect(message.text).toContain(row.header);
  });

  it('shows the spend of the last complete day and the month to date against expected', () => {
    const message = renderSlackAlert(anAlert([aFinding()]));

    expect(textOf(message.blocks)).toContain(
      '*Spend on 2026-03-14:* $2,345.67 vs $1,100.00 expected (+113%)   ·   ' +
        '*Month to date:* $12,345.00 vs $9,800.00 expected (+26%)',
    );
  });

  it('gives each finding what happened, where, how much, its trend, mistake and tip', () => {
    const message = renderSlackAlert(anAlert([aFinding()]));
    const section = message.blocks.find(
      (block) => block.type === 'section' && block.text.text.includes('Spike'),
    );

    const text = section?.type === 'section' ? section.text.text : '';
    expect(text.split('\n')).toEqual([
      '🟠 *Spike (more usage)* · Amazon Bedrock · Claude Sonnet 4 · input tokens · us-east-1',
      "$1,234.56 on 2026-03-14 vs $300.00 expected (+312%), impact $934.56, 42% of the day's spend",
      '`▃▃▃▃▃▃▃▃▃▃▃▃▃█` last 14 days',
      '*Likely mistake:* #4 Misconfiguring API usage: ' +
        'Usage rose 4.1x while the price per unit stayed flat.',
      '*Tip:* Cap retries with exponential backoff and a request budget. ' +
        '<https://docs.aws.amazon.com/bedrock/latest/userguide/quotas.html|Bedrock quotas>',
    ]);
  });

  it('ends with the window, meters watched, muted count, Cost Explorer requests and a link', () => {
    const alert = anAlert([aFinding()], { report: aReport([aFinding()], { mutedCount: 2 }) });

    const footer = renderSlackAlert(alert).blocks.at(-1);

    expect(footer?.type === 'context' && footer.elements.map((element) => element.text)).toEqual([
      'Window 2026-01-14 to 2026-03-14 (60 days)',
      '42 meters in 6 services watched',
      '2 muted',
      '4 Cost Explorer requests ($0.04)',
      `<${COST_EXPLORER_URL}|Open Cost Explorer>`,
    ]);
  });

  it("escapes the characters Slack's mrkdwn reserves", () => {
    const finding = aFinding({ where: 'R&D <team> models' });

    const text = textOf(renderSlackAlert(anAlert([finding])).blocks);

    expect(text).toContain('R&amp;D &lt;team&gt; models');
  });

  it.each([
    { count: 1, tip: 600 },
    { count: 44, tip: 100 },
    { count: 200, tip: 600 },
    { count: 200, tip: 5_000 },
  ])('stays inside Slack limits with $count findings and tips of $tip characters', (row) => {
    const findings = manyFindings(row.count, row.tip);

    const { blocks, text } = renderSlackAlert(anAlert(findings));

    const total = blocks.reduce((sum, block) => sum + textLength(block), 0);
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(total).toBeLessThanOrEqual(SLACK_LIMITS.totalText);
    expect(text.length).toBeGreaterThan(0);
    for (const block of blocks) {
      if (block.type === 'section') expect(block.text.text.length).toBeLessThanOrEqual(3_000);
      if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
    }
  });

  it('shows the top findings and one line counting the rest when they do not all fit', () => {
    const findings = manyFindings(200);

    const { blocks } = renderSlackAlert(anAlert(findings));

    const shown = blocks.filter(
      (block) => block.type === 'section' && block.text.text.includes('*Spike'),
    ).length;
    const more = textOf(blocks).match(/…and (\d+) more items not shown/);
    expect(shown).toBeGreaterThan(5);
    expect(Number(more?.[1])).toBe(200 - shown);
    expect(textOf(blocks)).toContain('Model 0 ');
  });

  it('says "no findings" with the spend line on a quiet day', () => {
    const { blocks, text } = renderSlackAlert(anAlert([], { report: aReport([]) }));

    expect(headerOf(blocks)).toBe('✅ LLM spend: no findings');
    expect(text).toContain('no findings');
    expect(textOf(blocks)).toContain('No findings as of 2026-03-15.');
    expect(textOf(blocks)).toContain('*Spend on 2026-03-14:* $2,345.67 vs $1,100.00 expected');
    expect(blocks).toHaveLength(5);
  });

  it('bounds the notes so that they never crowd out findings', () => {
    const notices = Array.from({ length: 30 }, (_, index) => `Note ${index} ${'x'.repeat(2_000)}`);

    const { blocks } = renderSlackAlert(anAlert([aFinding()], { notices }));

    const notes = blocks.find(
      (block) => block.type === 'context' && block.elements[0]?.text.startsWith('⚠️'),
    );
    expect(notes?.type === 'context' && notes.elements.length).toBe(6);
    expect(notes?.type === 'context' && notes.elements[5]?.text).toBe('…and 25 more notes.');
  });
});

describe('renderSlackUpdate', () => {
  const before = {
    ...newRecord(aFinding({ impactUsd: 400 }), '2026-03-12'),
    lastPostedOn: '2026-03-12',
  };

  it('tells how far a finding grew since it was posted', () => {
    const grown = { finding: aFinding({ impactUsd: 934.56 }), before };

    const { blocks, text } = renderSlackUpdate(aReport([]), [grown], []);

    expect(text).toBe('Update: 1 finding grew');
    expect(textOf(blocks)).toContain(
      'Impact now *$934.56*, up from $400.00 when posted on 2026-03-12 (2.3x)',
    );
  });

  it('tells when a finding ended', () => {
    const ended = { ...before, lastSeenOn: '2026-03-14', lastImpactUsd: 512 };

    const { blocks, text } = renderSlackUpdate(aReport([]), [], [ended]);

    expect(text).toBe('Update: 1 finding ended');
    expect(textOf(blocks)).toContain(
      'Posted on 2026-03-12, last seen on 2026-03-14 with impact $512.00; ' +
        'no longer found as of 2026-03-15.',
    );
  });
});
