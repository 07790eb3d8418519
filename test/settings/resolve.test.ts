import { DEFAULT_SETTINGS } from '../../lambda/settings/defaults';
import { resolveSettings } from '../../lambda/settings/resolve';

const PREFIX = '/llm-cost-watchdog/';

describe('resolveSettings', () => {
  it('gives every default, all from defaults and silently, when no parameter is set', () => {
    const { settings, warnings, sources } = resolveSettings({});

    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(warnings).toEqual([]);
    expect(new Set(Object.values(sources))).toEqual(new Set(['default']));
  });

  it.each([
    ['min-impact-usd', '12.5', 'minImpactUsd', 12.5],
    ['lookback-days', ' 90 ', 'lookbackDays', 90],
    ['cost-metric', 'AmortizedCost', 'costMetric', 'AmortizedCost'],
    ['monthly-budget-usd', '2500', 'monthlyBudgetUsd', 2500],
    ['severity-floor', 'HIGH', 'severityFloor', 'high'],
    ['group-by-linked-account', 'true', 'groupByLinkedAccount', true],
    ['tag-key', 'team', 'tagKey', 'team'],
    [
      'extra-services',
      'Amazon Nova Act, Amazon Q',
      'extraServices',
      ['Amazon Nova Act', 'Amazon Q'],
    ],
  ])('reads %s = %p as %s = %p from the parameter', (parameter, text, key, expected) => {
    const { settings, warnings, sources } = resolveSettings({ [parameter]: text });

    expect(settings[key as keyof typeof settings]).toEqual(expected);
    expect(sources[key as keyof typeof sources]).toBe('parameter');
    expect(warnings).toEqual([]);
  });

  it.each([
    ['min-impact-usd', 'ten', 'minImpactUsd', 'a number from 0 to 1000000', '"5"'],
    ['min-impact-usd', '-1', 'minImpactUsd', 'a number from 0 to 1000000', '"5"'],
    ['lookback-days', '7', 'lookbackDays', 'a whole number from 21 to 400', '"60"'],
    ['lookback-days', '30.5', 'lookbackDays', 'a whole number from 21 to 400', '"60"'],
    ['cost-metric', 'Unblended', 'costMetric', 'UnblendedCost, AmortizedCost', '"UnblendedCost"'],
    ['severity-floor', 'urgent', 'severityFloor', 'critical, high, medium, low, info', '"low"'],
    ['daily-digest', 'yes', 'dailyDigest', 'true or false', '"false"'],
    ['monthly-budget-usd', '$2,500', 'monthlyBudgetUsd', 'a number from 1 to 100000000', '"none"'],
    ['slack-channel', 'llm costs', 'slackChannel', 'a channel ID like C0123456789', '"none"'],
    ['mutes', '[{"meter": "x", "until": "soon", "reason": "r"}]', 'mutes', 'a JSON array', '"[]"'],
    ['mutes', '{not json', 'mutes', 'a JSON array of mutes', '"[]"'],
    [
      'service-overrides',
      '{"Amazon SageMaker": {"spikeScore": "high"}}',
      'serviceOverrides',
      'a JSON object of SERVICE name',
      '"{}"',
    ],
  ])(
    'falls back to the default when %s = %p, naming it, the value and what is accepted',
    (parameter, text, key, accepted, fallback) => {
      const { settings, warnings, sources } = resolveSettings(
        { [parameter]: text },
        { prefix: PREFIX },
      );

      const settingKey = key as keyof typeof settings;
      expect(settings[settingKey]).toEqual(DEFAULT_SETTINGS[settingKey]);
      expect(sources[settingKey]).toBe('default');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(`Parameter ${PREFIX}${parameter} has the value "${text}"`);
      expect(warnings[0]).toContain(`using the default ${fallback} instead`);
      expect(warnings[0]).toContain(`Accepted: ${accepted}`);
    },
  );

  it('keeps the good values when another one is bad', () => {
    const { settings, warnings } = resolveSettings({
      'min-impact-usd': 'lots',
      'spike-score': '6',
    });

    expect(settings.spikeScore).toBe(6);
    expect(settings.minImpactUsd).toBe(5);
    expect(warnings).toHaveLength(1);
  });

  it('says why a value is wrong, in the words of its validation', () => {
    const { warnings } = resolveSettings({ 'min-impact-usd': 'ten' });

    expect(warnings[0]).toMatch(/not valid \(a number\)/);
  });

  it('shortens a long bad value to one line', () => {
    const long = `[${'{"meter": "x"},\n'.repeat(40)}]`;

    const { warnings } = resolveSettings({ mutes: long });

    expect(warnings[0]).not.toContain('\n');
    expect(warnings[0]).toContain('..."');
  });

  it.each([
    ['min-impact', ['min-impact-usd']],
    ['min-impact-usd ', ['min-impact-usd']],
    ['lookback_days', ['lookback-days']],
    ['Spike-Score', ['spike-score']],
    ['mute', ['mutes']],
  ])('names %p as an unknown parameter and suggests %p', (name, suggestions) => {
    const { warnings, settings } = resolveSettings({ [name]: '1' }, { prefix: PREFIX });

    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(warnings).toEqual([
      `Parameter ${PREFIX}${name} is not a setting and is ignored (likely a typo). ` +
        `Did you mean ${suggestions.join(' or ')}?`,
    ]);
  });

  it('lists the known settings when an unknown name is close to none of them', () => {
    const { warnings } = resolveSettings({ 'webhook/url': 'x' });

    expect(warnings[0]).toContain('Parameter webhook/url is not a setting');
    expect(warnings[0]).toContain('Known settings: lookback-days, cost-metric,');
  });
});
