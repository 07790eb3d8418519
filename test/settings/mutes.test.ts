import { applyMutes, expiredMuteWarning } from '../../lambda/settings/mutes';
import type { Mute } from '../../lambda/settings/settings';

type TestFinding = {
  key: string;
  service: string;
  meterKey: string | null;
  mistakes?: { mistake: number }[];
};

const spike: TestFinding = {
  key: 'spike|Amazon Bedrock|USE1-NovaMicro-input-tokens',
  service: 'Amazon Bedrock',
  meterKey: 'Amazon Bedrock|USE1-NovaMicro-input-tokens',
  mistakes: [{ mistake: 4 }, { mistake: 1 }],
};
const noBatch: TestFinding = {
  key: 'mix|no-batch|Claude 3 Haiku (Amazon Bedrock Edition)',
  service: 'Claude 3 Haiku (Amazon Bedrock Edition)',
  meterKey: null,
  mistakes: [{ mistake: 6 }],
};
const alwaysOn: TestFinding = {
  key: 'always-on|Amazon SageMaker|USE1-Host:ml.g5.12xlarge',
  service: 'Amazon SageMaker',
  meterKey: 'Amazon SageMaker|USE1-Host:ml.g5.12xlarge',
};
const findings = [spike, noBatch, alwaysOn];
const ASOF = '2026-03-10';
const until = '2026-03-31';

describe('applyMutes', () => {
  it.each<[string, Mute, TestFinding[]]>([
    ['a finding key', { findingKey: spike.key, until, reason: 'load test' }, [noBatch, alwaysOn]],
    [
      'a meter',
      { meter: 'Amazon SageMaker|USE1-Host:ml.g5.12xlarge', until, reason: 'planned' },
      [spike, noBatch],
    ],
    ['a service', { service: 'amazon bedrock', until, reason: 'migration' }, [noBatch, alwaysOn]],
    ['a mistake', { mistake: 6, until, reason: 'cannot batch' }, [spike, alwaysOn]],
  ])('removes the findings that match %s', (_kind, mute, kept) => {
    const outcome = applyMutes(findings, [mute], ASOF);

    expect(outcome.kept).toEqual(kept);
    expect(outcome.mutedCount).toBe(findings.length - kept.length);
    expect(outcome.expired).toEqual([]);
  });

  it('keeps a finding that points to another mistake besides the muted one', () => {
    const outcome = applyMutes(findings, [{ mistake: 4, until, reason: 'known retries' }], ASOF);

    expect(outcome.kept).toEqual(findings);
  });

  it('hides a finding once every mistake it points to is muted', () => {
    const mutes: Mute[] = [
      { mistake: 4, until, reason: 'known retries' },
      { mistake: 1, until, reason: 'model chosen on purpose' },
    ];

    expect(applyMutes(findings, mutes, ASOF).kept).toEqual([noBatch, alwaysOn]);
  });

  it('never hides an unexplained finding with a mistake mute', () => {
    const bare = { key: 'k', service: 's', meterKey: null };

    expect(applyMutes([bare], [{ mistake: 2, until, reason: 'r' }], ASOF).kept).toEqual([bare]);
  });

  it.each([
    ['the day before the run', '2026-03-09', true],
    ['the run day itself', '2026-03-10', false],
    ['a later day', '2026-04-01', false],
  ])('treats a mute that ends on %s as expired: %p', (_label, lastDay, isExpired) => {
    const mute: Mute = { service: 'Amazon Bedrock', until: lastDay, reason: 'migration' };

    const outcome = applyMutes(findings, [mute], ASOF);

    expect(outcome.expired).toEqual(isExpired ? [mute] : []);
    expect(outcome.mutedCount).toBe(isExpired ? 0 : 1);
  });

  it('words an expired mute with its target, reason, end and fix', () => {
    const mute: Mute = { meter: 'Amazon Bedrock|USE1-x', until: '2026-03-01', reason: 'test' };

    expect(expiredMuteWarning(mute)).toBe(
      'The mute of meter Amazon Bedrock|USE1-x ("test") ended on 2026-03-01 and no longer ' +
        'applies: remove it from the mutes parameter, or move its until date.',
    );
  });
});
