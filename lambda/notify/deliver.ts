import type { Report } from '../report/report';
import type { Settings } from '../settings/settings';
import type { SlackThread } from '../state/finding-record';
import type { DeliveryPlan } from '../state/plan';
import { type Alert, buildAlert, withNotices } from './alert';
import type { Attempt } from './once';
import { deliverToSlack, type SlackOutcome, type SlackTarget } from './slack/deliver-slack';
import { deliverToSns, type SnsOutcome, type SnsTarget } from './sns/deliver-sns';

/** Whether this run can post to Slack, and if not, why not. */
export type SlackSetup =
  | { readonly status: 'ready'; readonly target: SlackTarget }
  /** No channel is set: Slack is not wanted, nothing to warn about. */
  | { readonly status: 'off' }
  /** A channel is set but the token is missing: the warning goes to SNS. */
  | { readonly status: 'disabled'; readonly warning: string }
  /** The token could not be fetched this time: Slack fails, the run is retried. */
  | { readonly status: 'unavailable'; readonly error: Error };

export type DeliveryInput = {
  readonly plan: DeliveryPlan;
  readonly report: Report;
  readonly settings: Settings;
  readonly slack: SlackSetup;
  readonly sns: SnsTarget;
  readonly attempt: Attempt;
};

export type DeliveryOutcome = {
  readonly slack: SlackOutcome | null;
  readonly sns: SnsOutcome | null;
  /** The Slack alert the run's new findings went out in, for their threads. */
  readonly freshThread: SlackThread | null;
};

/** One channel that failed, with its error. */
export type ChannelFailure = { readonly channel: 'slack' | 'sns'; readonly error: Error };

/** Raised after every channel was tried, when one or both still failed. */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';

  constructor(
    readonly failures: readonly ChannelFailure[],
    readonly outcome: DeliveryOutcome,
  ) {
    const each = failures.map((f) => `${f.channel}: ${f.error.message.replace(/\.$/, '')}`);
    super(
      `Delivery failed: ${each.join(' | ')}. Lambda retries the run; what was delivered ` +
        'is not sent again.',
      { cause: failures[0]?.error },
    );
  }
}

/**
 * Delivers the run to Slack and to SNS, each on its own: one failing never
 * stops the other. Slack goes first so that the SNS message can tell its
 * readers that Slack failed, and how to fix it.
 *
 * @throws {DeliveryError} after both were tried, when either failed.
 */
export async function deliverRun(input: DeliveryInput): Promise<DeliveryOutcome> {
  const alert = buildAlert(input.plan, input.report, input.settings);
  const failures: ChannelFailure[] = [];

  let slack: SlackOutcome | null = null;
  if (alert && input.slack.status === 'unavailable') {
    failures.push({ channel: 'slack', error: input.slack.error });
  } else if (alert && input.slack.status === 'ready') {
    try {
      slack = await deliverToSlack(alert, input.slack.target, input.attempt);
    } catch (error) {
      failures.push({ channel: 'slack', error: asError(error) });
    }
  }

  let sns: SnsOutcome | null = null;
  const snsAlert = forSns(alert, input, failures[0]?.error ?? null);
  if (snsAlert) {
    try {
      sns = await deliverToSns(snsAlert, input.sns, input.attempt);
    } catch (error) {
      failures.push({ channel: 'sns', error: asError(error) });
    }
  }

  const outcome = { slack, sns, freshThread: slack?.freshThread ?? null };
  if (failures.length > 0) throw new DeliveryError(failures, outcome);
  return outcome;
}

function forSns(alert: Alert | null, input: DeliveryInput, slackError: Error | null): Alert | null {
  const notices = slackError ? [`Slack did not get this alert: ${slackError.message}`] : [];
  const withSlack = withNotices(alert, input.report, notices);
  if (!withSlack || input.slack.status !== 'disabled') return withSlack;

  // Given once as a notice; repeated as a warning on every message while it lasts.
  const { warning } = input.slack;
  if (withSlack.notices.includes(warning)) return withSlack;
  return { ...withSlack, warnings: [...withSlack.warnings, warning] };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
