import { ALL_WATCHED_SERVICES } from '../finding';
import { round } from '../stats';
import { type MixPattern, mixFinding, monthly } from './context';

/** Untagged share of spend worth a finding. */
export const UNTAGGED_SHARE_MIN = 0.5;

/**
 * `untagged`, per tag key: when spend was split by a cost-allocation tag,
 * at least `UNTAGGED_SHARE_MIN` of it carried no value and that untagged
 * spend is material. The tag split covers the whole history window, so the
 * window in the evidence is that one. Exposed spend: the untagged spend.
 *
 * Evidence: `tagKey`, `untaggedShare`, `untaggedUsd`, `taggedUsd` (both
 * monthly-equivalent).
 */
export const untagged: MixPattern = (context) => {
  const { tags, days } = context.history;
  if (tags === null) return [];

  const total = tags.taggedUsd + tags.untaggedUsd;
  const share = total > 0 ? tags.untaggedUsd / total : 0;
  const exposed = monthly(tags.untaggedUsd, days.length);
  if (share < UNTAGGED_SHARE_MIN || exposed < context.materialUsd) return [];

  return [
    mixFinding(context, {
      pattern: 'untagged',
      scope: tags.tagKey,
      service: ALL_WATCHED_SERVICES,
      exposedUsd: exposed,
      window: { start: 0, end: days.length - 1, days: days.length },
      evidence: {
        tagKey: tags.tagKey,
        untaggedShare: round(share, 3),
        untaggedUsd: round(exposed),
        taggedUsd: round(monthly(tags.taggedUsd, days.length)),
      },
    }),
  ];
};
