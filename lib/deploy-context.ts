import type { Node } from 'constructs';
import { DeployConfigError } from './deploy-config-error';
import type { WatchdogChoices } from './llm-cost-watchdog-stack';

/** How each context value is read: `-c key=value` gives text, cdk.json may give JSON. */
const READERS = {
  slackChannel: text,
  slackApiUrl: text,
  scheduleCron: text,
  scheduleTimeZone: text,
  parameterPrefix: text,
  existingSlackSecret: text,
  existingTopicArn: text,
  existingTopicKeyArn: text,
  alertEmails: list,
  logRetentionDays: wholeNumber,
  functionMemoryMb: wholeNumber,
  monthlyBudgetUsd: amount,
  overwriteSettings: flag,
} as const satisfies { [K in keyof WatchdogChoices]-?: (key: string, value: unknown) => unknown };

/** The names of the CDK context values a deployer can set. */
export const CONTEXT_KEYS = Object.keys(READERS) as readonly (keyof WatchdogChoices)[];

/**
 * Reads the deployer's choices from CDK context (`cdk deploy -c key=value`
 * or cdk.json). A value that is absent or empty is left to the default;
 * one of the wrong kind stops synth with a message naming the key.
 */
export function readDeployContext(node: Node): WatchdogChoices {
  const choices: Record<string, unknown> = {};
  for (const key of CONTEXT_KEYS) {
    const raw: unknown = node.tryGetContext(key);
    if (raw === undefined || raw === null || raw === '') continue;
    choices[key] = READERS[key](key, raw);
  }
  return choices as WatchdogChoices;
}

function text(key: string, value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new DeployConfigError(`Context value ${key} must be text, not ${JSON.stringify(value)}.`);
  }
  return String(value).trim();
}

function list(key: string, value: unknown): string[] {
  const items = Array.isArray(value) ? value : text(key, value).split(',');
  return items.map((item) => text(key, item)).filter((item) => item.length > 0);
}

function wholeNumber(key: string, value: unknown): number {
  const number = Number(text(key, value));
  if (!Number.isInteger(number)) {
    throw new DeployConfigError(
      `Context value ${key} must be a whole number, not ${JSON.stringify(value)}.`,
    );
  }
  return number;
}

function amount(key: string, value: unknown): number {
  const number = Number(text(key, value));
  if (!Number.isFinite(number) || number <= 0) {
    throw new DeployConfigError(
      `Context value ${key} must be an amount in dollars such as 2500, ` +
        `not ${JSON.stringify(value)}.`,
    );
  }
  return number;
}

function flag(key: string, value: unknown): boolean {
  const normal = typeof value === 'boolean' ? String(value) : text(key, value).toLowerCase();
  if (normal !== 'true' && normal !== 'false') {
    throw new DeployConfigError(
      `Context value ${key} must be true or false, not ${JSON.stringify(value)}.`,
    );
  }
  return normal === 'true';
}
