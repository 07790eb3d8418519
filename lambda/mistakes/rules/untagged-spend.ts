import { formatShare, formatUsd } from '../../report/format';
import { evidenceNumber } from '../evidence';
import type { Rule, RuleContext, RuleMatch } from '../rule';
import { clampStrength } from '../series-math';

/** Least untagged share of spend that counts. */
const MIN_UNTAGGED_SHARE = 0.3;

/**
 * A large share of spend carries no cost-allocation tag: Cost Explorer
 * cannot say whose it is.
 */
export const untaggedSpend: Rule = {
  name: 'untagged-spend',
  mistake: 2,
  needs:
    "A mix finding 'untagged' where at least 30% of watched spend has no value for the " +
    'configured tag (the history tag split, or evidence untaggedShare).',
  match(context: RuleContext): RuleMatch | null {
    const { finding, history, settings } = context;
    if (finding.kind !== 'mix' || finding.pattern !== 'untagged') return null;

    const tags = history.tags;
    const total = tags === null ? null : tags.taggedUsd + tags.untaggedUsd;
    const share =
      evidenceNumber(finding, 'untaggedShare') ??
      (tags !== null && total !== null && total > 0 ? tags.untaggedUsd / total : null);
    if (share === null || share < MIN_UNTAGGED_SHARE) return null;

    const tagKey = tags?.tagKey ?? settings.tagKey ?? 'owner';
    const amounts =
      tags === null ? '' : ` (${formatUsd(tags.untaggedUsd)} of ${formatUsd(total ?? 0)})`;
    return {
      mistake: 2,
      strength: clampStrength(0.4 + 0.5 * share),
      because:
        `${formatShare(share)} of watched spend in the window${amounts} has no ${tagKey} tag, ` +
        'so likely nobody owns it in Cost Explorer.',
      tip: {
        action:
          `Call models through application inference profiles tagged with ${tagKey}, tag the ` +
          'SageMaker and OpenSearch resources too, and activate ' +
          `${tagKey} as a cost-allocation tag.`,
        saving: null,
      },
    };
  },
};
