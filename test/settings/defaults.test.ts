import { DEFAULT_SETTINGS, SETTINGS_TABLE } from '../../lambda/settings/defaults';

describe('settings table', () => {
  it('gives every setting a default that passes its own validation', () => {
    for (const spec of SETTINGS_TABLE) {
      const parsed = spec.schema.safeParse(spec.defaultValue);
      expect({ parameter: spec.parameter, ok: parsed.success }).toEqual({
        parameter: spec.parameter,
        ok: true,
      });
    }
  });

  it('uses parameter names that SSM accepts and never repeats one', () => {
    const names = SETTINGS_TABLE.map((spec) => spec.parameter);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9-]+$/);
  });

  it('stores no empty default, since SSM values cannot be empty', () => {
    for (const spec of SETTINGS_TABLE) expect(spec.defaultValue.length).toBeGreaterThan(0);
  });

  it.each([
    ['minImpactUsd', 'ten'],
    ['minImpactUsd', '-1'],
    ['lookbackDays', '7'],
    ['costMetric', 'Unblended'],
    ['severityFloor', 'urgent'],
    ['mutes', '[{"meter": "x", "until": "tomorrow", "reason": "r"}]'],
    ['serviceOverrides', '{"Amazon SageMaker": {"spikeScore": "high"}}'],
  ])('rejects %s = %p', (key, value) => {
    const spec = SETTINGS_TABLE.find((entry) => entry.key === key);
    expect(spec?.schema.safeParse(value).success).toBe(false);
  });

  it('reads none as no budget and a number as the budget', () => {
    const spec = SETTINGS_TABLE.find((entry) => entry.key === 'monthlyBudgetUsd');
    expect(spec?.schema.parse('none')).toBeNull();
    expect(spec?.schema.parse(' 2500 ')).toBe(2500);
    expect(DEFAULT_SETTINGS.monthlyBudgetUsd).toBeNull();
  });
});
