/** The Block Kit text objects and blocks the alerts use, and nothing more. */
export type PlainText = {
  readonly type: 'plain_text';
  readonly text: string;
  readonly emoji?: boolean;
};
export type Mrkdwn = { readonly type: 'mrkdwn'; readonly text: string };

export type HeaderBlock = { readonly type: 'header'; readonly text: PlainText };
export type SectionBlock = { readonly type: 'section'; readonly text: Mrkdwn };
export type ContextBlock = { readonly type: 'context'; readonly elements: readonly Mrkdwn[] };
export type DividerBlock = { readonly type: 'divider' };

export type SlackBlock = HeaderBlock | SectionBlock | ContextBlock | DividerBlock;

/**
 * Limits of `chat.postMessage` (AWS-FACTS.md, Slack). Long messages fail
 * with `msg_blocks_too_long` near 13,000 characters in all, well before the
 * documented caps, so the total kept here is lower still.
 */
export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3_000,
  headerText: 150,
  contextElements: 10,
  totalText: 12_000,
  fallbackText: 3_000,
} as const;

export const header = (text: string): HeaderBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: clip(text, SLACK_LIMITS.headerText), emoji: true },
});

export const section = (text: string): SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(text, SLACK_LIMITS.sectionText) },
});

export const context = (...texts: readonly string[]): ContextBlock => ({
  type: 'context',
  elements: texts
    .slice(0, SLACK_LIMITS.contextElements)
    .map((text) => ({ type: 'mrkdwn', text: clip(text, SLACK_LIMITS.sectionText) })),
});

export const divider: DividerBlock = { type: 'divider' };

/** Characters of text a block carries, as Slack counts them against its total. */
export function textLength(block: SlackBlock): number {
  switch (block.type) {
    case 'header':
    case 'section':
      return block.text.text.length;
    case 'context':
      return block.elements.reduce((sum, element) => sum + element.text.length, 0);
    case 'divider':
      return 0;
  }
}

/** Cuts text to `limit` characters, ending with an ellipsis when it cut. */
export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let kept = '';
  // Whole code points only, so that an emoji is never cut in half.
  for (const character of text) {
    if (kept.length + character.length > limit - 1) break;
    kept += character;
  }
  return `${kept}…`;
}

/** Escapes the three characters Slack's mrkdwn reserves. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A mrkdwn link; the label is escaped, the URL kept as it is. */
export function link(url: string, label: string): string {
  return `<${url}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`;
}
