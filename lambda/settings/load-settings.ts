import {
  GetParametersByPathCommand,
  type GetParametersByPathCommandOutput,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import { SettingsError } from './errors';
import { type ResolvedSettings, resolveSettings } from './resolve';

/** The settings of a run as read from SSM, and what reading them took. */
export type LoadedSettings = ResolvedSettings & {
  /** The normalised prefix, `/llm-cost-watchdog/`. */
  readonly prefix: string;
  /** The parameter texts found, by name under the prefix. */
  readonly values: Readonly<Record<string, string>>;
  /** GetParametersByPath requests made, one per page. */
  readonly requests: number;
  /** The warnings about parameters that could not be read as settings (also in `warnings`). */
  readonly readWarnings: string[];
};

/** The SSM maximum for GetParametersByPath. */
const PAGE_SIZE = 10;

/** A guard against a service that keeps answering with a next token. */
const MAX_PAGES = 100;

/**
 * Reads every parameter under `prefix` (paged, recursive, no decryption)
 * and resolves them into settings. Bad values become warnings; only a
 * failure to read at all throws, as a {@link SettingsError} with the fix.
 */
export async function loadSettings(ssm: SSMClient, prefix: string): Promise<LoadedSettings> {
  const normalised = normalisePrefix(prefix);
  const { pages, requests } = await readPages(ssm, normalised);

  const values: Record<string, string> = {};
  const readWarnings: string[] = [];
  for (const parameter of pages.flatMap((page) => page.Parameters ?? [])) {
    const name = (parameter.Name ?? '').slice(normalised.length);
    if (parameter.Type === 'SecureString') {
      readWarnings.push(secureStringWarning(normalised, name));
    } else if (name !== '') {
      values[name] = parameter.Value ?? '';
    }
  }

  const resolved = resolveSettings(values, { prefix: normalised });
  return {
    ...resolved,
    warnings: [...readWarnings, ...resolved.warnings],
    prefix: normalised,
    values,
    requests,
    readWarnings,
  };
}

/**
 * `llm-cost-watchdog`, `/llm-cost-watchdog` and `/llm-cost-watchdog/` all
 * become `/llm-cost-watchdog/`. The root alone is refused: it would read
 * every parameter of the account.
 */
export function normalisePrefix(prefix: string): string {
  const parts = prefix
    .trim()
    .split('/')
    .filter((part) => part.length > 0);
  if (parts.length === 0) {
    throw new SettingsError(
      `The settings prefix "${prefix}" names no path; use one like /llm-cost-watchdog/.`,
    );
  }
  return `/${parts.join('/')}/`;
}

async function readPages(
  ssm: SSMClient,
  prefix: string,
): Promise<{ pages: GetParametersByPathCommandOutput[]; requests: number }> {
  const pages: GetParametersByPathCommandOutput[] = [];
  let nextToken: string | undefined;

  // A page may be short, even empty, while a NextToken says more follow.
  do {
    if (pages.length >= MAX_PAGES) {
      throw new SettingsError(
        `SSM kept returning pages for ${prefix} after ${MAX_PAGES} requests; ` +
          'check that the prefix holds only the watchdog settings.',
      );
    }
    const page = await send(ssm, prefix, nextToken);
    pages.push(page);
    nextToken = page.NextToken;
  } while (nextToken);

  return { pages, requests: pages.length };
}

async function send(
  ssm: SSMClient,
  prefix: string,
  nextToken: string | undefined,
): Promise<GetParametersByPathCommandOutput> {
  try {
    return await ssm.send(
      new GetParametersByPathCommand({
        // The path without its trailing slash is what IAM checks (parameter/<path>).
        Path: prefix.slice(0, -1),
        Recursive: true,
        WithDecryption: false,
        MaxResults: PAGE_SIZE,
        ...(nextToken ? { NextToken: nextToken } : {}),
      }),
    );
  } catch (error) {
    throw await explainSsmError(error, ssm, prefix);
  }
}

async function explainSsmError(
  error: unknown,
  ssm: SSMClient,
  prefix: string,
): Promise<SettingsError> {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);

  if (name === 'AccessDeniedException') {
    const resource = await parameterArn(ssm, prefix, message);
    return new SettingsError(
      `Not allowed to read the settings: ssm:GetParametersByPath on ${resource} was denied ` +
        `(${message}). Fix: allow it with this statement in the role's or user's policy: ` +
        JSON.stringify({
          Effect: 'Allow',
          Action: 'ssm:GetParametersByPath',
          Resource: [resource, `${resource}/*`],
        }),
      { cause: error },
    );
  }
  if (name === 'CredentialsProviderError') {
    return new SettingsError(
      `No AWS credentials to read the settings under ${prefix} (${message}). Fix: set ` +
        'AWS_PROFILE or pass --profile NAME (run `aws sso login` first for an SSO profile), ' +
        'or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.',
      { cause: error },
    );
  }
  if (/region is missing/i.test(message)) {
    return new SettingsError(
      `No AWS region to read the settings under ${prefix} from. Fix: pass --region with the ` +
        "stack's region, or set AWS_REGION.",
      { cause: error },
    );
  }
  return new SettingsError(
    `Could not read the settings under ${prefix} from SSM: ${name}: ${message}`,
    { cause: error },
  );
}

/** The ARN IAM checks, taken from the denial when it names it. */
async function parameterArn(ssm: SSMClient, prefix: string, message: string): Promise<string> {
  const named = /on resource: (arn:[^\s]+)/.exec(message)?.[1];
  if (named) return named.replace(/[.,;]$/, '');

  const account = /arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/.exec(message)?.[1] ?? '<account-id>';
  const region = await ssm.config.region().catch(() => '<region>');
  return `arn:aws:ssm:${region}:${account}:parameter${prefix.slice(0, -1)}`;
}

function secureStringWarning(prefix: string, name: string): string {
  return (
    `Parameter ${prefix}${name} is a SecureString and is ignored: settings are read without ` +
    'decryption. Fix: store it as a String parameter (secrets belong in Secrets Manager).'
  );
}
