import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SlackDeliveryError } from './slack-errors';

/** The Slack token of a cold start: usable, or Slack is off and why. */
export type SlackToken =
  | { readonly status: 'ready'; readonly token: string }
  | { readonly status: 'disabled'; readonly reason: string };

const TOKEN_SHAPE = /^xox[a-z]-[A-Za-z0-9-]{10,}$/;
const PLACEHOLDER = /placeholder|replace|changeme|change-me|example|your[-_]?token|^xox[a-z]-x+$/i;

// Errors that mean the secret is missing or unreadable as configured: a retry will not help.
const CONFIGURATION_ERRORS = new Set([
  'ResourceNotFoundException',
  'AccessDeniedException',
  'DecryptionFailure',
  'InvalidRequestException',
]);

/**
 * Reads the token from a secret's text: the token itself (`xoxb-...`), or
 * JSON with a `token` field. A missing or placeholder token disables Slack.
 */
export function parseSlackSecret(secretString: string | undefined, secretArn: string): SlackToken {
  const text = secretString?.trim() ?? '';
  const token = text.startsWith('{') ? tokenField(text) : text;
  if (token === null)
    return disabled(`secret ${secretArn} holds JSON without a string "token" field`);
  if (token === '') return disabled(`secret ${secretArn} is empty`);
  if (PLACEHOLDER.test(token) || !TOKEN_SHAPE.test(token))
    return disabled(`secret ${secretArn} holds a placeholder, not a Slack token`);
  return { status: 'ready', token };
}

/**
 * Fetches the Slack token from Secrets Manager. A secret that is missing,
 * unreadable or a placeholder disables Slack with the reason; only a
 * failure that a retry may cure (throttling, network) throws.
 *
 * @throws {SlackDeliveryError} when Secrets Manager could not be asked.
 */
export async function fetchSlackToken(
  client: SecretsManagerClient,
  secretArn: string,
): Promise<SlackToken> {
  try {
    const output = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
    return parseSlackSecret(output.SecretString, secretArn);
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    if (CONFIGURATION_ERRORS.has(name))
      return disabled(`secret ${secretArn} could not be read (${name}: ${messageOf(error)})`);
    throw new SlackDeliveryError(
      'secret_unavailable',
      '',
      `Secrets Manager did not return the Slack token (${name}: ${messageOf(error)}).`,
      { cause: error },
    );
  }
}

/** The warning for people when Slack is off because of its token. */
export function slackDisabledWarning(reason: string): string {
  return (
    `Slack alerts are off: ${reason}. Put the bot token (xoxb-...) of the Slack app in ` +
    'that secret, as plain text or as {"token": "xoxb-..."}; the next run uses it.'
  );
}

function tokenField(text: string): string | null {
  try {
    const parsed = JSON.parse(text) as { token?: unknown };
    return typeof parsed.token === 'string' ? parsed.token.trim() : null;
  } catch {
    return null;
  }
}

function disabled(reason: string): SlackToken {
  return { status: 'disabled', reason };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
