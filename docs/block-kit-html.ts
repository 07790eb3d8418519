import type { SlackBlock } from '../lambda/notify/slack/blocks';
import type { SlackMessage } from '../lambda/notify/slack/slack-client';

/**
 * A static HTML preview of a Block Kit message, styled like Slack's
 * desktop client, for the README's picture. Emoji become small inline
 * images, as Slack draws them, so the picture needs no emoji font.
 */
export function blockKitHtml(message: SlackMessage, options: { readonly time: string }): string {
  const blocks = message.blocks.map(blockHtml).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LLM cost watchdog alert</title>
<style>${STYLE}</style></head>
<body><div class="channel"># llm-costs</div>
<div class="message">
  <div class="avatar">${WATCHDOG_ICON}</div>
  <div class="body">
    <div class="meta"><b>LLM Cost Watchdog</b><span class="app">APP</span>
      <span class="time">${options.time}</span></div>
    ${blocks}
  </div>
</div></body></html>
`;
}

function blockHtml(block: SlackBlock): string {
  switch (block.type) {
    case 'header':
      return `<div class="header">${emoji(escapeHtml(block.text.text))}</div>`;
    case 'section':
      return `<div class="section">${mrkdwnHtml(block.text.text)}</div>`;
    case 'context':
      return `<div class="context">${block.elements
        .map((element) => `<span>${mrkdwnHtml(element.text)}</span>`)
        .join('<span class="dot">·</span>')}</div>`;
    case 'divider':
      return '<hr>';
  }
}

/**
 * Slack's mrkdwn as HTML: links, bold, code and line breaks. The text
 * arrives with `&`, `<` and `>` already escaped, as Slack requires.
 */
export function mrkdwnHtml(text: string): string {
  const parts = text.split(/(<[^<>|]+\|[^<>]+>)/g).map((part) => {
    const link = /^<([^<>|]+)\|([^<>]+)>$/.exec(part);
    if (link) return `<a href="${link[1]}">${link[2]}</a>`;
    return part
      .replace(/"/g, '&quot;')
      .replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/\*([^*\n]+)\*/g, '<b>$1</b>');
  });
  return emoji(parts.join('')).replace(/\n/g, '<br>');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const circle = (colour: string) =>
  `<svg class="emoji" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="${colour}"/></svg>`;

const EMOJI: Readonly<Record<string, string>> = {
  '🔴': circle('#dd2e44'),
  '🟠': circle('#f4900c'),
  '🟡': circle('#fdcb58'),
  '🔵': circle('#55acee'),
  '⚪': circle('#e6e7e8'),
  '✅':
    '<svg class="emoji" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#77b255"/>' +
    '<path d="M4 8.5l2.5 2.5L12 5" stroke="#fff" stroke-width="2" fill="none"/></svg>',
  '📈':
    '<svg class="emoji" viewBox="0 0 16 16"><rect width="16" height="16" rx="2" fill="#f5f8fa"/>' +
    '<path d="M2 13l4-4 3 2 5-7" stroke="#dd2e44" stroke-width="1.6" fill="none"/></svg>',
  '⚠️':
    '<svg class="emoji" viewBox="0 0 16 16"><path d="M8 1l7 14H1z" fill="#ffcc4d"/>' +
    '<path d="M8 6v4M8 12v1" stroke="#231f20" stroke-width="1.5"/></svg>',
};

function emoji(html: string): string {
  return Object.entries(EMOJI).reduce((text, [mark, svg]) => text.split(mark).join(svg), html);
}

const WATCHDOG_ICON =
  '<svg viewBox="0 0 36 36"><rect width="36" height="36" rx="6" fill="#1d1c1d"/>' +
  '<path d="M7 26l7-8 5 4 10-12" stroke="#2eb67d" stroke-width="3" fill="none"/>' +
  '<circle cx="29" cy="10" r="3" fill="#e01e5a"/></svg>';

const STYLE = `
body { margin: 0; padding: 16px 20px; font: 15px/1.47 "DejaVu Sans", Lato, Arial, sans-serif;
  color: #1d1c1d; background: #fff; }
.channel { font-weight: 700; font-size: 17px; padding-bottom: 10px; margin-bottom: 12px;
  border-bottom: 1px solid #e8e8e8; }
.message { display: flex; gap: 10px; }
.avatar svg { width: 36px; height: 36px; }
.body { flex: 1; min-width: 0; }
.meta b { font-size: 15px; }
.app { background: #e8e8e8; color: #616061; font-size: 10px; font-weight: 700; padding: 1px 4px;
  border-radius: 2px; margin: 0 6px; vertical-align: 2px; }
.time { color: #616061; font-size: 12px; }
.header { font-size: 18px; font-weight: 800; margin: 6px 0 4px; }
.section { margin: 6px 0 10px; overflow-wrap: anywhere; }
.context { color: #616061; font-size: 12.5px; margin: 6px 0; }
.context .dot { margin: 0 6px; }
hr { border: 0; border-top: 1px solid #ddd; margin: 10px 0; }
a { color: #1264a3; text-decoration: none; }
code { font: 13px "DejaVu Sans Mono", Monaco, monospace; color: #1d1c1d; background: #f6f6f6;
  border: 1px solid #ddd; border-radius: 3px; padding: 0 3px; }
.emoji { width: 1.05em; height: 1.05em; vertical-align: -0.15em; }
`;
