import type { SSMClient } from '@aws-sdk/client-ssm';
import { SettingsError } from '../../lambda/settings/errors';
import { loadSettings, normalisePrefix } from '../../lambda/settings/load-settings';
import { createSsmClient } from '../../lambda/settings/ssm-client';
import {
  type AwsJsonError,
  accessDenied,
  LocalAwsJsonEndpoint,
  type Reply,
} from '../endpoints/aws-json-endpoint';

const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' };
const fastBudget = { baseDelayMs: 1, maxDelayMs: 5 };

type Parameter = { Name: string; Value: string; Type?: string };

const parameter = (name: string, value: string, type = 'String'): Parameter => ({
  Name: `/llm-cost-watchdog/${name}`,
  Value: value,
  Type: type,
});

/** Serves `pages` in order, each with a NextToken to the next one. */
const paged =
  (pages: Parameter[][]) =>
  (body: Record<string, unknown>): Reply => {
    const index = body.NextToken === undefined ? 0 : Number(body.NextToken);
    const next = index + 1 < pages.length ? { NextToken: String(index + 1) } : {};
    return { body: { Parameters: pages[index] ?? [], ...next } };
  };

const throttled: AwsJsonError = {
  status: 400,
  type: 'ThrottlingException',
  message: 'Rate exceeded',
};

describe('loadSettings', () => {
  let endpoint: LocalAwsJsonEndpoint;
  let ssm: SSMClient;

  const start = async (pages: Parameter[][]) => {
    endpoint = await LocalAwsJsonEndpoint.start({ GetParametersByPath: paged(pages) });
    ssm = createSsmClient({
      region: 'eu-west-1',
      endpoint: endpoint.url,
      credentials,
      budget: fastBudget,
    });
  };

  afterEach(async () => {
    ssm?.destroy();
    await endpoint?.close();
  });

  it('reads every page, short and empty ones included, until no NextToken', async () => {
    await start([
      [parameter('min-impact-usd', '20')],
      [],
      [parameter('spike-score', '6'), parameter('tag-key', 'team')],
      [],
    ]);

    const loaded = await loadSettings(ssm, 'llm-cost-watchdog');

    expect(loaded.requests).toBe(4);
    expect(loaded.settings).toMatchObject({ minImpactUsd: 20, spikeScore: 6, tagKey: 'team' });
    expect(loaded.sources.minImpactUsd).toBe('parameter');
    expect(loaded.sources.lookbackDays).toBe('default');
    expect(loaded.values).toEqual({
      'min-impact-usd': '20',
      'spike-score': '6',
      'tag-key': 'team',
    });
    expect(loaded.warnings).toEqual([]);
  });

  it('asks for the path recursively, undecrypted, ten at a time, passing tokens on', async () => {
    await start([[parameter('spike-score', '6')], [parameter('tag-key', 'team')]]);

    await loadSettings(ssm, '/llm-cost-watchdog/');

    expect(endpoint.callsOf('GetParametersByPath').map((call) => call.body)).toEqual([
      { Path: '/llm-cost-watchdog', Recursive: true, WithDecryption: false, MaxResults: 10 },
      {
        Path: '/llm-cost-watchdog',
        Recursive: true,
        WithDecryption: false,
        MaxResults: 10,
        NextToken: '1',
      },
    ]);
  });

  it('turns bad and unknown parameters into warnings with their full names', async () => {
    await start([[parameter('min-impact-usd', 'ten'), parameter('spike-scor', '5')]]);

    const loaded = await loadSettings(ssm, '/llm-cost-watchdog');

    expect(loaded.settings.minImpactUsd).toBe(5);
    expect(loaded.warnings).toEqual([
      expect.stringContaining('Parameter /llm-cost-watchdog/min-impact-usd has the value "ten"'),
      expect.stringContaining(
        'Parameter /llm-cost-watchdog/spike-scor is not a setting ' +
          'and is ignored (likely a typo). Did you mean spike-score?',
      ),
    ]);
  });

  it('ignores a SecureString parameter, without quoting its value', async () => {
    await start([[parameter('slack-channel', 'AQICAHh-ciphertext', 'SecureString')]]);

    const loaded = await loadSettings(ssm, '/llm-cost-watchdog/');

    expect(loaded.settings.slackChannel).toBeNull();
    expect(loaded.warnings).toHaveLength(1);
    expect(loaded.warnings[0]).toContain('/llm-cost-watchdog/slack-channel is a SecureString');
    expect(loaded.warnings[0]).not.toContain('ciphertext');
  });

  it('retries a throttled request and then succeeds', async () => {
    await start([[parameter('spike-score', '7')]]);
    endpoint.failNext('GetParametersByPath', throttled, throttled);

    const loaded = await loadSettings(ssm, '/llm-cost-watchdog/');

    expect(loaded.settings.spikeScore).toBe(7);
    expect(endpoint.callsOf('GetParametersByPath')).toHaveLength(3);
    expect(loaded.requests).toBe(1);
  });

  it('explains a denial, naming the action, the path ARN and the statement to fix it', async () => {
    await start([[]]);
    endpoint.failNext('GetParametersByPath', accessDenied('ssm:GetParametersByPath'));

    const failure = loadSettings(ssm, 'llm-cost-watchdog');

    await expect(failure).rejects.toBeInstanceOf(SettingsError);
    await expect(failure).rejects.toThrow(
      'ssm:GetParametersByPath on arn:aws:ssm:eu-west-1:123456789012:parameter/llm-cost-watchdog ' +
        'was denied',
    );
    await expect(failure).rejects.toThrow(
      '"Resource":["arn:aws:ssm:eu-west-1:123456789012:parameter/llm-cost-watchdog",' +
        '"arn:aws:ssm:eu-west-1:123456789012:parameter/llm-cost-watchdog/*"]',
    );
    expect(endpoint.callsOf('GetParametersByPath')).toHaveLength(1);
  });

  it('keeps the SDK error as the cause', async () => {
    await start([[]]);
    endpoint.failNext('GetParametersByPath', accessDenied('ssm:GetParametersByPath'));

    const error = await loadSettings(ssm, 'llm-cost-watchdog').catch((caught: unknown) => caught);

    expect((error as SettingsError).cause).toMatchObject({ name: 'AccessDeniedException' });
  });
});

describe('normalisePrefix', () => {
  it.each([
    ['llm-cost-watchdog', '/llm-cost-watchdog/'],
    ['/llm-cost-watchdog', '/llm-cost-watchdog/'],
    ['/llm-cost-watchdog/', '/llm-cost-watchdog/'],
    [' //team//watchdog/ ', '/team/watchdog/'],
  ])('makes %p into %p', (prefix, expected) => {
    expect(normalisePrefix(prefix)).toBe(expected);
  });

  it.each(['', '/', ' // '])('refuses %p, which would read the whole account', (prefix) => {
    expect(() => normalisePrefix(prefix)).toThrow(
      'names no path; use one like /llm-cost-watchdog/',
    );
  });
});
