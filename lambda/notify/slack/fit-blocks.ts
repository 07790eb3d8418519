import { SLACK_LIMITS, type SlackBlock, textLength } from './blocks';

/** The parts of a message: fixed blocks around a list that may be cut short. */
export type MessageParts = {
  readonly head: readonly SlackBlock[];
  /** One block per finding or update, most important first. */
  readonly items: readonly SlackBlock[];
  readonly tail: readonly SlackBlock[];
  /** The block that says how many items were left out. */
  readonly more: (omitted: number) => SlackBlock;
};

export type FittedBlocks = { readonly blocks: SlackBlock[]; readonly omitted: number };

// Room kept for the block that counts what was left out.
const MORE_RESERVE = 400;

/**
 * Keeps a message inside Slack's limits (blocks, total text): all items if
 * they fit, otherwise the first ones and a block counting the rest. Never
 * fails; a head and tail too large on their own are the caller's to bound.
 */
export function fitBlocks(parts: MessageParts): FittedBlocks {
  const fixed = [...parts.head, ...parts.tail];
  const all = [...parts.head, ...parts.items, ...parts.tail];
  if (all.length <= SLACK_LIMITS.blocks && totalText(all) <= SLACK_LIMITS.totalText)
    return { blocks: all, omitted: 0 };

  const blockRoom = SLACK_LIMITS.blocks - fixed.length - 1;
  let textRoom = SLACK_LIMITS.totalText - totalText(fixed) - MORE_RESERVE;
  const shown: SlackBlock[] = [];
  for (const item of parts.items) {
    const length = textLength(item);
    if (shown.length >= blockRoom || length > textRoom) break;
    shown.push(item);
    textRoom -= length;
  }

  const omitted = parts.items.length - shown.length;
  return { blocks: [...parts.head, ...shown, parts.more(omitted), ...parts.tail], omitted };
}

function totalText(blocks: readonly SlackBlock[]): number {
  return blocks.reduce((sum, block) => sum + textLength(block), 0);
}
