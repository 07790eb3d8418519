import { run } from '../../bin/commands/config';
import { UsageError } from '../../bin/usage-error';
import { accessDenied, LocalAwsJsonEndpoint } from '../endpoints/aws-json-endpoint';
import { bufferIo } from './buffer-io';
import { isolateAwsEnv, TEST_KEYS } from './live-io';

const NOW = new Date('2026-03-10T08:00:00Z');

type Parameter = { Name: string; Value: string; Type: string };
const parameter = (name: string, value: string): Parameter => ({
  Name: `/llm-cost-watchdog/${name}`,
  Value: value,
  Type: 'String',
});

describe('config', () => {
  let ssm: LocalAwsJsonEndpoint;
  let env: ReturnType<typeof isolateAwsEnv>;

  const start = async (parameters: Parameter[]) => {
    ssm = await LocalAwsJsonEndpoint.start({
      GetParametersByPath: (body) =>
        body.NextToken === undefined
          ? { body: { Parameters: parameters.slice(0, 2), NextToken: 'more' } }
          : { body: { Parameters: parameters.slice(2) } },
    });
    env = isolateAwsEnv({ ...TEST_KEYS, AWS_ENDPOINT_URL_SSM: ssm.url, AWS_REGION: 'eu-west-1' });
  };
  const config = (argv: string[]) => {
    const { io, stdout, stderr } = bufferIo({ now: NOW });
    return run(argv, io).then((code) => ({ code, stdout: stdout(), stderr: stderr() }));
  };

  afterEach(async () => {
    env?.restore();
    await ssm?.close();
  });

  it('shows every setting with its value and where it came from', async () => {
    await start([
      parameter('min-impact-usd', '20'),
      parameter('lookback-days', '7'),
      parameter('extra-services', 'Amazon Nova Act, Amazon Q'),
    ]);

    const { code, stdout } = await config(['show']);

    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('Settings under /llm-cost-watchdog/ (2 SSM requests):');
    const row = (name: string) =>
      lines.find((line) => line.startsWith(`  ${name} `))?.split(/\s{2,}/);
    expect(row('min-impact-usd')).toEqual(['', 'min-impact-usd', '20', 'parameter']);
    expect(row('lookback-days')).toEqual([
      '',
      'lookback-days',
      '60',
      'default (parameter not valid)',
    ]);
    expect(row('extra-services')).toEqual([
      '',
      'extra-services',
      'Amazon Nova Act, Amazon Q',
      'parameter',
    ]);
    expect(row('monthly-budget-usd')).toEqual(['', 'monthly-budget-usd', 'none', 'default']);
    expect(row('mutes')).toEqual(['', 'mutes', '[]', 'default']);
    expect(stdout).toContain(
      '1 warning:\n  - Parameter /llm-cost-watchdog/lookback-days has the value "7"',
    );
  });

  it('shows the settings as JSON for programs', async () => {
    await start([parameter('spike-score', '6')]);

    const { stdout } = await config(['show', '--format', 'json']);

    const shown = JSON.parse(stdout) as {
      prefix: string;
      settings: { parameter: string; value: string; source: string }[];
    };
    expect(shown.prefix).toBe('/llm-cost-watchdog/');
    expect(shown.settings.find((row) => row.parameter === 'spike-score')).toEqual({
      parameter: 'spike-score',
      value: '6',
      source: 'parameter',
    });
  });

  it('reads the prefix given, normalised', async () => {
    await start([]);

    await config(['show', '--prefix', 'team/watchdog']);

    expect(ssm.callsOf('GetParametersByPath')[0]?.body).toMatchObject({ Path: '/team/watchdog' });
  });

  it('passes a check when every parameter is valid', async () => {
    await start([parameter('min-impact-usd', '20'), parameter('severity-floor', 'high')]);

    const { code, stdout } = await config(['check']);

    expect(code).toBe(0);
    expect(stdout).toBe('All 2 parameters under /llm-cost-watchdog/ are valid.\n');
  });

  it('fails a check on an invalid value or an unknown name, printing each problem', async () => {
    await start([
      parameter('min-impact-usd', 'ten'),
      parameter('spike-score', '6'),
      parameter('severity', 'high'),
    ]);

    const { code, stdout } = await config(['check']);

    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      expect.stringMatching(
        /^Problem: Parameter \/llm-cost-watchdog\/min-impact-usd has the value "ten"/,
      ),
      expect.stringMatching(
        new RegExp(
          '^Problem: Parameter /llm-cost-watchdog/severity is not a setting' +
            '.*Did you mean severity-floor\\?$',
        ),
      ),
      '2 problems in the 3 parameters under /llm-cost-watchdog/; ' +
        'fix them with "aws ssm put-parameter --overwrite".',
      '',
    ]);
  });

  it('notes an expired mute in a check without failing it', async () => {
    await start([
      parameter('mutes', '[{"service": "Amazon Q", "until": "2026-03-01", "reason": "pilot"}]'),
    ]);

    const { code, stdout } = await config(['check']);

    expect(code).toBe(0);
    expect(stdout).toContain('Note: The mute of service Amazon Q ("pilot") ended on 2026-03-01');
  });

  it('fails naming ssm:GetParametersByPath and the fix when reading is denied', async () => {
    await start([]);
    ssm.failNext('GetParametersByPath', accessDenied('ssm:GetParametersByPath'));

    const { code, stderr } = await config(['show']);

    expect(code).toBe(1);
    expect(stderr).toContain(
      'Error: Not allowed to read the settings: ssm:GetParametersByPath on ' +
        'arn:aws:ssm:eu-west-1:123456789012:parameter/llm-cost-watchdog was denied',
    );
  });

  it('asks for a region when none is configured', async () => {
    await start([]);
    delete process.env.AWS_REGION;

    const { code, stderr } = await config(['show']);

    expect(code).toBe(1);
    expect(stderr).toContain('No AWS region to read the settings under /llm-cost-watchdog/ from');
    expect(ssm.calls).toHaveLength(0);
  });

  it.each([
    [[], 'config needs show or check, not nothing'],
    [['list'], 'config needs show or check, not "list"'],
    [['show', '--format', 'yaml'], 'Unknown format "yaml"'],
  ])('refuses the command line %p', async (argv, message) => {
    await start([]);

    await expect(config(argv)).rejects.toThrow(UsageError);
    await expect(config(argv)).rejects.toThrow(message);
  });
});
