/**
 * Renders the alert the demo capture would post, for the README: the Block
 * Kit JSON (pastes into Slack's Block Kit Builder), a screenshot of an HTML
 * preview of it taken with headless Chromium when one is installed, and the
 * SNS e-mail text.
 *
 *   npm run render:alert
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildAlert } from '../lambda/notify/alert';
import { renderSlackAlert } from '../lambda/notify/slack/render-alert';
import { renderSnsMessage } from '../lambda/notify/sns/render-sns';
import { runPipeline } from '../lambda/pipeline';
import { readCapture } from '../lambda/series/read-capture';
import { DEFAULT_SETTINGS } from '../lambda/settings/defaults';
import { planDelivery } from '../lambda/state/plan';
import { blockKitHtml } from './block-kit-html';

const ROOT = resolve(__dirname, '..');
const CAPTURE = join(ROOT, 'samples', 'demo-capture.json');
const OUT = join(ROOT, 'docs');
const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'];

function main(): void {
  const capture = readCapture(readFileSync(CAPTURE, 'utf8'), CAPTURE);
  const settings = DEFAULT_SETTINGS;
  const costExplorerRequests = capture.Meta?.requests ?? 0;
  const report = runPipeline(capture, settings, { costExplorerRequests });
  // The first run that sees these findings: nothing was posted before.
  const plan = planDelivery({
    report,
    settings,
    runDate: report.asOf,
    records: [],
    notices: [],
    noticesGiven: new Set(),
  });
  const alert = buildAlert(plan, report, settings);
  if (!alert) throw new Error('The demo capture holds no finding to alert on.');

  const slack = renderSlackAlert(alert);
  const email = JSON.parse(renderSnsMessage(alert).message) as { email: string };
  write('slack-alert.json', `${JSON.stringify({ blocks: slack.blocks }, null, 2)}\n`);
  write('sns-email.txt', email.email);

  const page = join(mkdtempSync(join(tmpdir(), 'alert-page-')), 'slack-alert.html');
  writeFileSync(page, blockKitHtml(slack, { time: `${report.asOf} 08:00` }));
  screenshot(page, join(OUT, 'slack-alert.png'));
}

function write(name: string, text: string): void {
  writeFileSync(join(OUT, name), text);
  process.stdout.write(`wrote docs/${name}\n`);
}

function screenshot(page: string, png: string): void {
  const browser = CHROMIUM.find((name) => {
    try {
      execFileSync('which', [name], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  if (!browser) {
    process.stdout.write('no Chromium found: docs/slack-alert.png was not updated\n');
    return;
  }
  execFileSync(
    browser,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${mkdtempSync(join(tmpdir(), 'render-alert-'))}`,
      `--screenshot=${png}`,
      '--window-size=900,1400',
      `file://${page}`,
    ],
    { stdio: 'ignore' },
  );
  process.stdout.write('wrote docs/slack-alert.png\n');
}

main();
