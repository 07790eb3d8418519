import type { Logger } from '@aws-lambda-powertools/logger';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { WebClient } from '@slack/web-api';
import type { SlackSetup } from '../deliver';
import { createSlackClient } from './slack-client';
import { slackLogger } from './slack-log';
import { fetchSlackToken, slackDisabledWarning } from './slack-token';

export type SlackSessionOptions = {
  readonly secrets: SecretsManagerClient;
  /** Where the Slack client's warnings and errors go. @default nowhere */
  readonly logger?: Logger;
  readonly secretArn: string;
  readonly slackApiUrl: string | null;
  /** Makes the Web API client for a token. @default {@link createSlackClient} */
  readonly createClient?: (token: string, slackApiUrl: string | null) => WebClient;
  readonly sleep?: (ms: number) => Promise<void>;
};

/**
 * Slack for the life of one cold start: the token is fetched from Secrets
 * Manager once and the client made once. A token that is missing or a
 * placeholder is asked for again on the next run, so a fixed secret is
 * picked up without a cold start; {@link forget} drops a token Slack refused.
 */
export class SlackSession {
  private client: WebClient | null = null;

  constructor(private readonly options: SlackSessionOptions) {}

  /** Whether this run can post to `channel` (null: Slack is not wanted). */
  async setup(channel: string | null, deadline: number): Promise<SlackSetup> {
    if (channel === null) return { status: 'off' };
    try {
      const client = this.client ?? (await this.connect());
      if (typeof client === 'string') return { status: 'disabled', warning: client };
      return {
        status: 'ready',
        target: {
          client,
          channel,
          deadline,
          ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
        },
      };
    } catch (error) {
      return {
        status: 'unavailable',
        error: error instanceof Error ? error : new Error(String(error)),
      };
    }
  }

  /** Forgets the token, so that the next run reads the secret again. */
  forget(): void {
    this.client = null;
  }

  private async connect(): Promise<WebClient | string> {
    const { secrets, secretArn, slackApiUrl } = this.options;
    const token = await fetchSlackToken(secrets, secretArn);
    if (token.status === 'disabled') return slackDisabledWarning(token.reason);

    const logger = this.options.logger ? { logger: slackLogger(this.options.logger) } : {};
    const create =
      this.options.createClient ??
      ((value, url) => createSlackClient(value, { slackApiUrl: url, ...logger }));
    this.client = create(token.token, slackApiUrl);
    return this.client;
  }
}
