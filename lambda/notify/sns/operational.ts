import type { MessageAttributeValue } from '@aws-sdk/client-sns';
import { StateError } from '../../state/errors';
import { type Attempt, deliverOnce } from '../once';
import { publish, type SnsTarget } from './deliver-sns';
import { perProtocol, type SnsMessage } from './render-sns';

/** The step of a run that failed before anything could be alerted on. */
export type FailedStep = 'settings' | 'collect' | 'state';

/** A run that could not judge spend, told to the people who rely on it. */
export type RunFailure = {
  readonly step: FailedStep;
  readonly runDate: string;
  readonly error: unknown;
};

const STEP_LABEL: Readonly<Record<FailedStep, string>> = {
  settings: 'reading its settings from SSM Parameter Store',
  collect: 'reading Cost Explorer',
  state: 'reading what it said before from its DynamoDB table',
};

const COST_EXPLORER_ACTIONS =
  'ce:GetCostAndUsage, ce:GetAnomalies, ce:GetAnomalyMonitors, ce:GetCostForecast and ' +
  'ce:GetDimensionValues';

// Fixes by error name, for errors whose message does not already name one.
const FIXES: Readonly<Record<string, string>> = {
  AccessDeniedException:
    `allow the function's role ${COST_EXPLORER_ACTIONS} (the stack grants them; redeploy it). ` +
    'In a member account of an organization, the management account must also let member ' +
    'accounts use Cost Explorer.',
  DataUnavailableException:
    'Cost Explorer has no data for the period yet: once Cost Explorer is enabled its data ' +
    'takes up to 24 hours to appear; the next run will try again.',
  LimitExceededException:
    'Cost Explorer throttled the run past its retries; Lambda retries the run. If it keeps ' +
    'happening, move the schedule away from other Cost Explorer jobs of the account.',
  BillExpirationException:
    'the look-back window reaches past the billing data Cost Explorer keeps.',
  ResourceNotFoundException: 'check the table or parameter names the function is configured with.',
};

/**
 * The operational message for a run that failed before it could judge
 * spend: no spend alert is invented; the message names the step, the error
 * and its fix, and says that Lambda retries the run. Pure.
 */
export function renderOperational(failure: RunFailure): SnsMessage {
  const name = failure.error instanceof Error ? failure.error.name : 'Error';
  const detail = failure.error instanceof Error ? failure.error.message : String(failure.error);
  const fix = /fix|grant|allow|check|redeploy/i.test(detail) ? null : (FIXES[name] ?? null);

  const text = [
    `LLM cost watchdog could not check LLM spend for ${failure.runDate}.`,
    '',
    `It failed while ${STEP_LABEL[failure.step]}: ${name}: ${detail}`,
    ...(fix ? ['', `Fix: ${fix}`] : []),
    '',
    'No spend alert was made from this run. Lambda retries the run; after its last attempt ' +
      'the event is kept in the dead-letter queue.',
  ].join('\n');
  const json = JSON.stringify({
    source: 'llm-cost-watchdog',
    version: 1,
    kind: 'operational',
    asOf: failure.runDate,
    step: failure.step,
    error: { name, message: detail },
    fix,
  });
  const attributes: Record<string, MessageAttributeValue> = {
    severity: { DataType: 'String', StringValue: 'operational' },
    kinds: { DataType: 'String.Array', StringValue: '["operational"]' },
    mistakes: { DataType: 'String.Array', StringValue: '[]' },
    impactUsd: { DataType: 'Number', StringValue: '0' },
  };
  const message = perProtocol(text, json);
  return {
    subject: `LLM cost watchdog failed: ${name} while ${STEP_LABEL[failure.step]}`.slice(0, 99),
    message,
    attributes,
    bytes: Buffer.byteLength(message),
    trimmed: false,
  };
}

/**
 * Publishes the operational message, once per run date when the state
 * table can say so, and regardless when the state table is what failed.
 */
export async function publishOperational(
  target: SnsTarget,
  failure: RunFailure,
  attempt: Attempt | null,
): Promise<void> {
  const message = renderOperational(failure);
  const send = async () => ({
    deliveredAt: new Date().toISOString(),
    messageId: await publish(target, message),
  });
  if (attempt === null || failure.step === 'state') {
    await send();
    return;
  }
  try {
    await deliverOnce(attempt, 'sns', 'operational', send);
  } catch (error) {
    // Without the table there is no telling whether it went out: better twice than never.
    if (!(error instanceof StateError)) throw error;
    await send();
  }
}
