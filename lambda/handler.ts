import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import type { SSMClient } from '@aws-sdk/client-ssm';
import type { WebClient } from '@slack/web-api';
import type { Context } from 'aws-lambda';
import { createCostExplorerClient } from './collect/client';
import { collectLoggedCapture } from './collect/cost-explorer';
import { boundedClientOptions } from './collect/retry-budget';
import { type Environment, readEnvironment } from './env';
import { DeliveryError, type DeliveryOutcome, deliverRun } from './notify/deliver';
import type { Attempt } from './notify/once';
import { SlackSession } from './notify/slack/slack-session';
import { type FailedStep, publishOperational } from './notify/sns/operational';
import { runPipeline } from './pipeline';
import type { Report } from './report/report';
import { loadSettings } from './settings/load-settings';
import { SEVERITIES } from './settings/settings';
import { createSsmClient } from './settings/ssm-client';
import { FindingStore } from './state/finding-store';
import { commit, type Memory, type Remembered, remember } from './state/remember';
import { RunLedger } from './state/run-ledger';
import { openStateTable } from './state/state-table';

/** Everything the handler uses from outside: made once per cold start, injectable in tests. */
export type HandlerDependencies = {
  /** The function's environment variables, read once by {@link readEnvironment}. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly ssm: SSMClient;
  readonly costExplorer: CostExplorerClient;
  readonly secrets: SecretsManagerClient;
  readonly sns: SNSClient;
  readonly dynamo: DynamoDBClient;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** @default the Slack Web API client with a short retry policy */
  readonly createSlackClient?: (token: string, slackApiUrl: string | null) => WebClient;
  /** How the Slack client waits out `Retry-After`. @default a timer */
  readonly sleep?: (ms: number) => Promise<void>;
};

/** What a run did, returned to whoever invoked it. */
export type RunSummary = {
  readonly runDate: string;
  readonly findings: number;
  readonly fresh: number;
  readonly grown: number;
  readonly ended: number;
  readonly slackPosted: number;
  readonly snsMessageId: string | null;
};

// Time kept back from the function's timeout for SNS and the state write after Slack.
const DELIVERY_MARGIN_MS = 15_000;
const SERVICE_NAME = 'llm-cost-watchdog';

/**
 * Builds the Lambda handler around its dependencies. The handler only
 * wires the steps of a run: settings, collect, the pure pipeline, remember,
 * deliver, then records what was said.
 */
export function createHandler(deps: HandlerDependencies) {
  let environment: Environment | null = null;
  let slack: SlackSession | null = null;

  return async (event: unknown, context: Context): Promise<RunSummary> => {
    const { logger, metrics } = deps;
    logger.addContext(context);
    try {
      environment ??= readEnvironment(deps.env);
      slack ??= new SlackSession({
        secrets: deps.secrets,
        secretArn: environment.slackTokenSecretArn,
        slackApiUrl: environment.slackApiUrl,
        logger,
        ...(deps.createSlackClient ? { createClient: deps.createSlackClient } : {}),
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
      });
      return await runOnce(deps, environment, slack, event, context);
    } catch (error) {
      logger.error('run failed', { error: error as Error });
      throw error;
    } finally {
      metrics.publishStoredMetrics();
      logger.resetKeys();
    }
  };
}

async function runOnce(
  deps: HandlerDependencies,
  env: Environment,
  slack: SlackSession,
  event: unknown,
  context: Context,
): Promise<RunSummary> {
  const { logger, now } = deps;
  const startedAt = now().getTime();
  const runDate = runDateOf(event, now());
  const table = openStateTable(deps.dynamo, env.stateTableName, now);
  const memory: Memory = {
    findings: new FindingStore(table),
    ledger: new RunLedger(table, runDate, now),
  };
  const attempt: Attempt = {
    ledger: memory.ledger,
    id: context.awsRequestId,
    leaseUntil: new Date(startedAt + context.getRemainingTimeInMillis()),
  };
  const sns = { client: deps.sns, topicArn: env.topicArn };
  const failed = (step: FailedStep) => async (error: unknown) => {
    await publishOperational(sns, { step, runDate, error }, attempt).then(
      () => logger.warn('operational message sent', { step }),
      (publishError) =>
        logger.error('operational message not sent', { error: publishError as Error }),
    );
    throw error;
  };
  logger.appendKeys({ runDate });

  const loaded = await step(
    deps,
    'settings loaded',
    () => loadSettings(deps.ssm, env.parameterPrefix),
    (result) => ({ warnings: result.warnings.length, ssmRequests: result.requests }),
  ).catch(failed('settings'));
  const { settings } = loaded;

  const collected = await step(
    deps,
    'cost explorer read',
    () => collectLoggedCapture(deps.costExplorer, settings, { asOf: runDate, now }),
    (result) => ({ requests: result.requests, warnings: result.warnings.length }),
  ).catch(failed('collect'));

  const report = runPipeline(collected.capture, settings, {
    asOf: runDate,
    costExplorerRequests: collected.requests,
    warnings: [...loaded.warnings, ...collected.warnings],
  });
  recordReport(deps, report);

  // A wall-clock deadline for Slack's waits, whatever clock the run's dates come from.
  const deadline = Date.now() + context.getRemainingTimeInMillis() - DELIVERY_MARGIN_MS;
  const slackSetup = await slack.setup(settings.slackChannel, deadline);
  const slackNotices =
    slackSetup.status === 'disabled'
      ? [{ key: `slack-off#${slackSetup.warning}`, text: slackSetup.warning }]
      : [];
  const remembered = await step(
    deps,
    'remembered',
    () => remember(memory, { report, settings, runDate, notices: slackNotices }),
    planCounts,
  ).catch(failed('state'));

  const outcome = await step(
    deps,
    'delivered',
    () => deliverRun({ plan: remembered.plan, report, settings, slack: slackSetup, sns, attempt }),
    deliveryCounts,
  ).catch((error: unknown) => {
    if (error instanceof DeliveryError) {
      logger.warn('delivery incomplete', deliveryCounts(error.outcome));
      if (error.failures.some(refusedToken)) slack.forget();
    }
    throw error;
  });

  await step(deps, 'committed', () => commit(memory, remembered, report, outcome.freshThread));
  return {
    runDate,
    findings: report.findings.length,
    fresh: remembered.plan.fresh.length,
    grown: remembered.plan.grown.length,
    ended: remembered.plan.ended.length,
    slackPosted: outcome.slack?.posted ?? 0,
    snsMessageId: outcome.sns?.messageId ?? null,
  };
}

/** Runs one step and logs one line: how long it took, and what it counted. */
async function step<T>(
  deps: HandlerDependencies,
  name: string,
  work: () => Promise<T>,
  counts: (result: T) => Record<string, unknown> = () => ({}),
): Promise<T> {
  const started = Date.now();
  const result = await work();
  deps.logger.info(name, { durationMs: Date.now() - started, ...counts(result) });
  return result;
}

/**
 * The run's date: `asOf` from the event when it names a day (to re-run a
 * past day by hand), otherwise today in UTC, the calendar Cost Explorer uses.
 */
export function runDateOf(event: unknown, now: Date): string {
  const asOf = (event as { asOf?: unknown } | null)?.asOf;
  if (typeof asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(asOf)) return asOf;
  return now.toISOString().slice(0, 10);
}

function recordReport(deps: HandlerDependencies, report: Report): void {
  const { logger, metrics } = deps;
  const bySeverity = Object.fromEntries(
    SEVERITIES.map((severity) => [
      severity,
      report.findings.filter((finding) => finding.severity === severity).length,
    ]),
  );
  logger.info('report built', {
    findings: report.findings.length,
    bySeverity,
    mutedCount: report.mutedCount,
    metersWatched: report.footer.metersWatched,
    warnings: report.warnings.length,
  });

  for (const severity of SEVERITIES) {
    metrics
      .singleMetric()
      .addDimension('severity', severity)
      .addMetric('Findings', MetricUnit.Count, bySeverity[severity] ?? 0);
  }
  metrics.addMetric('CostExplorerRequests', MetricUnit.Count, report.footer.costExplorerRequests);
  if (report.headline.lastCompleteDay !== null)
    metrics.addMetric('LlmSpendLastCompleteDayUsd', MetricUnit.NoUnit, report.headline.lastDayUsd);
}

function planCounts({ plan }: Remembered): Record<string, number> {
  return {
    fresh: plan.fresh.length,
    grown: plan.grown.length,
    ended: plan.ended.length,
    notices: plan.notices.length,
  };
}

function deliveryCounts(outcome: DeliveryOutcome): Record<string, unknown> {
  return {
    slack: outcome.slack && { posted: outcome.slack.posted, skipped: outcome.slack.skipped },
    sns: outcome.sns && {
      messageId: outcome.sns.messageId,
      sentNow: outcome.sns.now,
      bytes: outcome.sns.bytes,
      trimmed: outcome.sns.trimmed,
    },
  };
}

function refusedToken(failure: { readonly error: Error }): boolean {
  return (failure.error as { reason?: string }).reason === 'invalid_auth';
}

/**
 * The dependencies of the deployed function: AWS clients whose endpoints,
 * region and credentials come from the SDK's own configuration
 * (`AWS_REGION`, `AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>`), with
 * retries and timeouts bounded so that a run fits its timeout.
 */
export function defaultDeps(): HandlerDependencies {
  const bounded = () => boundedClientOptions();
  return {
    env: process.env,
    ssm: createSsmClient(),
    costExplorer: createCostExplorerClient(),
    secrets: new SecretsManagerClient(bounded()),
    sns: new SNSClient(bounded()),
    dynamo: new DynamoDBClient(bounded()),
    now: () => new Date(),
    logger: new Logger({ serviceName: SERVICE_NAME }),
    metrics: new Metrics({ namespace: 'LlmCostWatchdog', serviceName: SERVICE_NAME }),
  };
}

/** The Lambda entry point. */
export const handler = createHandler(defaultDeps());
