import { loadSettings } from '../../lambda/settings/load-settings';
import { type ResolvedSettings, resolveSettings } from '../../lambda/settings/resolve';
import { createSsmClient } from '../../lambda/settings/ssm-client';
import type { CliIo } from '../cli-io';

/** The default prefix of the stack's parameters. */
export const DEFAULT_PREFIX = '/llm-cost-watchdog/';

export type LiveSettingsOptions = {
  /** Read the parameters under this prefix from SSM; none reads no parameter. */
  readonly prefix?: string;
  readonly profile?: string;
  readonly region?: string;
  /** `--set` values, applied over the parameters. */
  readonly parameters?: Readonly<Record<string, string>>;
};

export type LiveSettings = ResolvedSettings & {
  /** The SSM requests made; 0 when no prefix was given. */
  readonly ssmRequests: number;
};

/**
 * The settings of a command run from the command line: the SSM parameters
 * under `prefix` when one is given, then the `--set` values over them.
 */
export async function readLiveSettings(
  options: LiveSettingsOptions,
  io: CliIo,
): Promise<LiveSettings> {
  const sets = options.parameters ?? {};
  if (options.prefix === undefined) return { ...resolveSettings(sets), ssmRequests: 0 };

  const ssm = createSsmClient({
    ...awsProfile(options.profile, io),
    ...(options.region ? { region: options.region } : {}),
  });
  try {
    const loaded = await loadSettings(ssm, options.prefix);
    const resolved = resolveSettings({ ...loaded.values, ...sets }, { prefix: loaded.prefix });
    return {
      ...resolved,
      warnings: [...loaded.readWarnings, ...resolved.warnings],
      ssmRequests: loaded.requests,
    };
  } finally {
    ssm.destroy();
  }
}

/** `--profile`, else the AWS_PROFILE of the command's environment. */
export function awsProfile(profile: string | undefined, io: CliIo): { profile?: string } {
  const name = profile ?? io.env.AWS_PROFILE;
  return name ? { profile: name } : {};
}
