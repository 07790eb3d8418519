/** The Cost Explorer operations a collection makes. */
export const COST_EXPLORER_OPERATIONS = [
  'GetDimensionValues',
  'GetCostAndUsage',
  'GetAnomalies',
  'GetAnomalyMonitors',
  'GetCostForecast',
] as const;
export type CostExplorerOperation = (typeof COST_EXPLORER_OPERATIONS)[number];

/** A collection from Cost Explorer failed; the message says why and what to do. */
export class CollectError extends Error {
  override readonly name = 'CollectError';
  /** The SDK error name (`AccessDeniedException`), or null when it was not an AWS error. */
  readonly code: string | null;

  constructor(message: string, options: { cause?: unknown; code?: string | null } = {}) {
    super(message, { cause: options.cause });
    this.code = options.code ?? null;
  }
}

/** The IAM statement a collection needs; Cost Explorer actions take no resource ARN. */
export const COST_EXPLORER_POLICY_STATEMENT = {
  Effect: 'Allow',
  Action: COST_EXPLORER_OPERATIONS.map((operation) => `ce:${operation}`),
  Resource: '*',
} as const;

/** What AWS answers when Cost Explorer was never launched for the account. */
const NOT_ENABLED = /not enabled for cost explorer/i;

type Explainer = (detail: ErrorDetail) => string;

type ErrorDetail = {
  readonly operation: CostExplorerOperation;
  readonly message: string;
  readonly attempts: number | null;
};

const EXPLAINERS: Readonly<Record<string, Explainer>> = {
  CredentialsProviderError: ({ message }) =>
    `No AWS credentials found (${message}). Fix: pass --profile NAME or set AWS_PROFILE ` +
    '(run `aws sso login --profile NAME` first for an SSO profile), or set ' +
    'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.',
  ExpiredTokenException: expiredCredentials,
  ExpiredToken: expiredCredentials,
  UnrecognizedClientException: invalidCredentials,
  InvalidClientTokenId: invalidCredentials,
  InvalidSignatureException: invalidCredentials,
  AccessDeniedException: accessDenied,
  DataUnavailableException: ({ operation }) =>
    `Cost Explorer has no data for this ${operation} request yet (DataUnavailableException). ` +
    'Fix: right after Cost Explorer is enabled, wait up to 24 hours; a forecast also needs ' +
    'some weeks of history.',
  LimitExceededException: ({ operation, attempts }) =>
    `Cost Explorer refused ${operation} as too many calls in a short period` +
    `${attempts ? `, still after ${attempts} attempts` : ''} (LimitExceededException). ` +
    'Fix: wait a minute and run again; other tools calling Cost Explorer from this account ' +
    'share the limit.',
  InvalidNextTokenException: pagesChanged,
  RequestChangedException: pagesChanged,
  BillExpirationException: ({ operation }) =>
    `The period of this ${operation} request is older than Cost Explorer keeps ` +
    '(BillExpirationException). Fix: lower the lookback-days setting; daily data goes back ' +
    'to the 13 months before the current one.',
  ValidationException: ({ operation, message }) =>
    `Cost Explorer rejected the ${operation} request: ${message}. Fix: check the settings ` +
    'it was built from (lookback-days, tag-key, extra-services).',
  TimeoutError: unreachable,
};

/**
 * Turns an error from a Cost Explorer call into a {@link CollectError} whose
 * message says what happened and how to fix it, keeping the error as `cause`.
 */
export function explainAwsError(error: unknown, operation: CostExplorerOperation): CollectError {
  if (error instanceof CollectError) return error;

  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const detail: ErrorDetail = { operation, message, attempts: attemptsOf(error) };
  const explain = EXPLAINERS[name] ?? (isNetworkError(error) ? unreachable : undefined);

  const text = explain ? explain(detail) : `Cost Explorer ${operation} failed: ${name}: ${message}`;
  return new CollectError(text, { cause: error, code: name });
}

function accessDenied(detail: ErrorDetail): string {
  if (NOT_ENABLED.test(detail.message)) {
    return (
      `Cost Explorer is not enabled for this account ("${detail.message}"). Fix: open Billing ` +
      'and Cost Management > Cost Explorer in the console once, as the management account for ' +
      'an organisation (it may also have to grant member accounts access); data shows up ' +
      'within 24 hours.'
    );
  }
  return (
    `Not allowed to call ce:${detail.operation} (${detail.message}). Fix: add this statement ` +
    `to the policy of the role or user: ${JSON.stringify(COST_EXPLORER_POLICY_STATEMENT)}`
  );
}

function expiredCredentials({ message }: ErrorDetail): string {
  return (
    `The AWS credentials have expired (${message}). Fix: refresh them, e.g. ` +
    '`aws sso login --profile NAME`, or get new temporary keys.'
  );
}

function invalidCredentials({ message }: ErrorDetail): string {
  return (
    `AWS did not accept the credentials (${message}). Fix: check AWS_PROFILE or --profile, ` +
    'and that the access key is active; a wrong clock also breaks signatures.'
  );
}

function pagesChanged({ operation }: ErrorDetail): string {
  return (
    `Cost Explorer's data changed while the pages of ${operation} were read (it refreshes ` +
    'several times a day). Fix: run again.'
  );
}

function unreachable({ operation, message }: ErrorDetail): string {
  return (
    `Could not reach Cost Explorer for ${operation} (${message}). Fix: check the network, ` +
    'proxy or VPC endpoint; Cost Explorer is served from ce.us-east-1.amazonaws.com.'
  );
}

function attemptsOf(error: unknown): number | null {
  const metadata = (error as { $metadata?: { attempts?: number } } | null)?.$metadata;
  return typeof metadata?.attempts === 'number' ? metadata.attempts : null;
}

function isNetworkError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT'].includes(code)
  );
}
