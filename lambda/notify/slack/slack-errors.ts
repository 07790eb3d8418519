import { ErrorCode } from '@slack/web-api';

/** A Slack delivery that failed, with what a person can do about it. */
export class SlackDeliveryError extends Error {
  override readonly name = 'SlackDeliveryError';

  constructor(
    /** Slack's error code (`not_in_channel`) or what went wrong (`rate_limited`). */
    readonly reason: string,
    /** What to do, in one sentence; empty when nothing but a retry helps. */
    readonly fix: string,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(fix ? `${message} Fix: ${fix}` : message, options);
  }
}

type Explanation = { readonly what: string; readonly fix: string };

const AUTH_FIX =
  'put a valid bot token (xoxb-...) of the Slack app in the Slack token secret; ' +
  'the next run reads it again.';

function explanationOf(code: string, channel: string, needed: string | null): Explanation {
  const invite = `invite the app to ${channel}: type /invite @<app name> in the channel.`;
  switch (code) {
    case 'invalid_auth':
    case 'not_authed':
    case 'token_revoked':
    case 'token_expired':
    case 'account_inactive':
      return { what: `Slack refused the token (${code}).`, fix: AUTH_FIX };
    case 'channel_not_found':
      return {
        what: `Slack found no channel ${channel} that the app can see (channel_not_found).`,
        fix: `check the slack-channel parameter; for a private channel, ${invite}`,
      };
    case 'not_in_channel':
      return { what: `The app is not a member of ${channel} (not_in_channel).`, fix: invite };
    case 'missing_scope':
      return {
        what: `The Slack app lacks a scope it needs (missing_scope${needed ? `: ${needed}` : ''}).`,
        fix:
          'add the chat:write bot scope under OAuth & Permissions, reinstall the app, ' +
          'and put the new token in the Slack token secret.',
      };
    case 'is_archived':
      return {
        what: `Channel ${channel} is archived (is_archived).`,
        fix: 'unarchive it, or set the slack-channel parameter to another channel.',
      };
    default:
      return { what: `Slack refused the message (${code}).`, fix: '' };
  }
}

/**
 * Turns what the Slack client threw into a {@link SlackDeliveryError}
 * naming the fix, for the errors a person can fix.
 */
export function explainSlackError(error: unknown, channel: string): SlackDeliveryError {
  if (error instanceof SlackDeliveryError) return error;
  const coded = error as { code?: string; data?: { error?: string; needed?: string } };

  if (coded?.code === ErrorCode.PlatformError) {
    const code = coded.data?.error ?? 'unknown_error';
    const { what, fix } = explanationOf(code, channel, coded.data?.needed ?? null);
    return new SlackDeliveryError(code, fix, what, { cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  if (coded?.code === ErrorCode.HTTPError || coded?.code === ErrorCode.RequestError) {
    return new SlackDeliveryError(
      'unreachable',
      '',
      `Slack could not be reached after retries (${detail}).`,
      { cause: error },
    );
  }
  return new SlackDeliveryError('failed', '', `Posting to Slack failed: ${detail}`, {
    cause: error,
  });
}
