import { runCli } from '../../../bin/cli';
import { run } from '../../../bin/commands/scan';
import { defaultResponders, pagedBy } from '../../collect/fake-cost-explorer';
import { LocalAwsJsonEndpoint } from '../../endpoints/aws-json-endpoint';
import { bufferIo } from '../buffer-io';
import { isolateAwsEnv, TEST_KEYS } from '../live-io';
import { smallCapture, writeTempFile } from '../small-capture';

const NOVA_KEY = 'Amazon Bedrock|USE1-NovaPro-input-tokens';

describe('scan', () => {
  it('prints a text report of a capture, spike first', async () => {
    // Prepare
    const input = writeTempFile(smallCapture());
    const { io, stdout, stderr } = bufferIo();

    // Act
    const code = await runCli(['scan', '--input', input], io);

    // Assess
    expect(code).toBe(0);
    expect(stderr()).toBe('');
    const text = stdout();
    expect(text).toContain('LLM cost watchdog: report as of 2026-03-20');
    expect(text).toContain('Last complete day   2026-03-18: $570.16 spent, $210.16 expected');
    expect(text).toMatch(/1\. [A-Z]+ Spike \(more usage\): NovaPro/);
    expect(text).toContain('Watched 2 meters in 2 services from 2026-02-20 to 2026-03-19.');
  });

  it('prints the JSON contract with --format json', async () => {
    const input = writeTempFile(smallCapture());
    const { io, stdout } = bufferIo();

    const code = await run(['--input', input, '--format', 'json'], io);

    expect(code).toBe(0);
    const json = JSON.parse(stdout());
    expect(json.asOf).toBe('2026-03-20');
    // The capture records no request count, so each page counts as one request.
    expect(json.costExplorerRequests).toBe(smallCapture().GetCostAndUsage.length);
    const spike = json.findings.find((finding: { kind: string }) => finding.kind === 'spike');
    expect(spike).toMatchObject({
      service: 'Amazon Bedrock',
      usageType: 'USE1-NovaPro-input-tokens',
      day: '2026-03-18',
      actualUsd: 400,
      expectedUsd: 40,
      impactUsd: 360,
      provisional: false,
    });
    expect(spike.mistakes).toContain(4);
  });

  it('runs as of the day after the newest day unless --as-of says otherwise', async () => {
    const input = writeTempFile(smallCapture());
    const { io, stdout } = bufferIo();

    await run(['--input', input, '--format', 'json', '--as-of', '2026-03-18'], io);

    const json = JSON.parse(stdout());
    expect(json.asOf).toBe('2026-03-18');
    expect(json.window.end).toBe('2026-03-17');
    expect(json.findings.some((finding: { kind: string }) => finding.kind === 'spike')).toBe(false);
  });

  it('applies --set overrides by parameter name', async () => {
    const input = writeTempFile(smallCapture());
    const { io, stdout } = bufferIo();

    await run(['--input', input, '--format', 'json', '--set', 'min-impact-usd=500'], io);

    const json = JSON.parse(stdout());
    expect(json.findings.some((finding: { kind: string }) => finding.kind === 'spike')).toBe(false);
  });

  it('mutes a meter given with --set mutes', async () => {
    const input = writeTempFile(smallCapture());
    const { io, stdout } = bufferIo();
    const mutes = JSON.stringify([{ meter: NOVA_KEY, until: '2026-04-01', reason: 'load test' }]);

    await run(['--input', input, '--format', 'json', '--set', `mutes=${mutes}`], io);

    const json = JSON.parse(stdout());
    expect(
      json.findings.filter((finding: { key: string }) => finding.key.includes(NOVA_KEY)),
    ).toEqual([]);
    expect(json.mutedCount).toBeGreaterThan(0);
  });

  it('warns about a bad --set value and carries on with the default', async () => {
    const input = writeTempFile(smallCapture());
    const { io, stdout, stderr } = bufferIo();

    const code = await run(
      ['--input', input, '--format', 'json', '--set', 'min-impact-usd=ten'],
      io,
    );

    expect(code).toBe(0);
    expect(stderr()).toContain('Warning: Parameter min-impact-usd has the value "ten"');
    const json = JSON.parse(stdout());
    expect(json.warnings.some((warning: string) => warning.includes('min-impact-usd'))).toBe(true);
    expect(json.findings.some((finding: { kind: string }) => finding.kind === 'spike')).toBe(true);
  });

  it('shows setting warnings in the text report', async () => {
    const input = writeTempFile(smallCapture());
    const { io, stdout } = bufferIo();

    await run(['--input', input, '--set', 'min-impact-usdd=20'], io);

    expect(stdout()).toContain('Parameter min-impact-usdd is not a setting');
  });

  it.each([
    ['an unknown flag', ['--inptu', 'x.json'], 'Unknown option --inptu for scan.'],
    ['no --input', [], 'scan needs --input FILE (a recorded capture) or --live.'],
    ['both --input and --live', ['--input', 'x.json', '--live'], 'not both'],
    ['a live option without --live', ['--input', 'x.json', '--days', '30'], 'only applies'],
    ['a flag without its value', ['--input'], 'Option --input of scan needs a value.'],
    ['an unknown format', ['--input', 'x.json', '--format', 'yaml'], 'Unknown format "yaml"'],
    ['a date that does not exist', ['--input', 'x.json', '--as-of', '2026-02-30'], 'not a date'],
    ['a --set without =', ['--input', 'x.json', '--set', 'min-impact-usd'], 'is not NAME=VALUE'],
  ])('exits 2 with the usage for %s', async (_name, argv, message) => {
    const { io, stdout, stderr } = bufferIo();

    const code = await runCli(['scan', ...argv], io);

    expect(code).toBe(2);
    expect(stderr()).toContain(message);
    expect(stderr()).toContain('Usage: llm-cost-watchdog scan --input FILE [options]');
    expect(stdout()).toBe('');
  });

  it('prints its help with --help', async () => {
    const { io, stdout } = bufferIo();

    const code = await runCli(['scan', '--help'], io);

    expect(code).toBe(0);
    expect(stdout()).toContain('--set NAME=VALUE');
    expect(stdout()).toContain('--as-of YYYY-MM-DD');
  });

  it('exits 1 and prints no report when the file does not exist', async () => {
    const { io, stdout, stderr } = bufferIo();

    const code = await runCli(['scan', '--input', '/nonexistent/capture.json'], io);

    expect(code).toBe(1);
    expect(stderr()).toContain('Cannot read the capture /nonexistent/capture.json: no such file.');
    expect(stdout()).toBe('');
  });

  it.each([
    ['text that is not JSON', '{"GetCostAndUsage": [', []],
    ['an amount that is not a number', 'bad-amount', ['GetCostAndUsage', 'page 1', 'Amount']],
  ])('exits 1 naming the file, page and field for %s', async (_name, content, parts) => {
    const text = content === 'bad-amount' ? badAmountCapture() : content;
    const input = writeTempFile(text, 'broken.json');
    const { io, stdout, stderr } = bufferIo();

    const code = await runCli(['scan', '--input', input], io);

    expect(code).toBe(1);
    expect(stdout()).toBe('');
    expect(stderr()).toContain(input);
    for (const part of parts) expect(stderr()).toContain(part);
    expect(stderr()).not.toMatch(/\n\s+at /);
  });

  it('uses colours on a terminal, and not with NO_COLOR', async () => {
    const input = writeTempFile(smallCapture());
    const tty = bufferIo({ tty: true });
    const noColor = bufferIo({ tty: true, env: { NO_COLOR: '1' } });

    await run(['--input', input], tty.io);
    await run(['--input', input], noColor.io);

    expect(tty.stdout()).toContain('\u001b[');
    expect(noColor.stdout()).not.toContain('\u001b[');
  });
});

function badAmountCapture(): string {
  const capture = smallCapture();
  const text = JSON.stringify(capture);
  return text.replace(/"Amount":"40"/, '"Amount":"forty"');
}

describe('scan --live', () => {
  let costExplorer: LocalAwsJsonEndpoint | undefined;
  let env: ReturnType<typeof isolateAwsEnv> | undefined;

  afterEach(async () => {
    env?.restore();
    await costExplorer?.close();
  });

  it('reads Cost Explorer through the SDK and reports the requests it made', async () => {
    // Prepare: a local Cost Explorer serving the small capture's pages.
    const pages = smallCapture().GetCostAndUsage.map((page) => ({ ...page }));
    costExplorer = await LocalAwsJsonEndpoint.start(
      defaultResponders({ GetCostAndUsage: pagedBy('NextPageToken', pages) }),
    );
    env = isolateAwsEnv({
      ...TEST_KEYS,
      AWS_ENDPOINT_URL_COST_EXPLORER: costExplorer.url,
      AWS_REGION: 'us-east-1',
    });
    const { io, stdout, stderr } = bufferIo();

    // Act
    const code = await run(['--live', '--format', 'json'], io);

    // Assess
    expect(code).toBe(0);
    const json = JSON.parse(stdout());
    expect(json.asOf).toBe('2026-03-20');
    expect(json.costExplorerRequests).toBe(costExplorer.calls.length);
    expect(json.findings.some((finding: { kind: string }) => finding.kind === 'spike')).toBe(true);
    expect(stderr()).toContain('Cost Explorer GetCostAndUsage, daily spend per meter: page 1');
  });
});
