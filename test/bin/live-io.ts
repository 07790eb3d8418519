import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Replaces every AWS_* variable of the process with `vars` (the SDK reads
 * process.env itself) and points the shared config files at an empty
 * folder, so nothing of the machine running the tests leaks in. Instance
 * metadata is switched off: no test may reach for a network credential.
 */
export function isolateAwsEnv(vars: Record<string, string>): {
  folder: string;
  restore: () => void;
} {
  const saved = Object.entries(process.env).filter(([name]) => name.startsWith('AWS_'));
  for (const [name] of saved) delete process.env[name];

  const folder = mkdtempSync(join(tmpdir(), 'watchdog-aws-'));
  writeFileSync(join(folder, 'config'), '');
  writeFileSync(join(folder, 'credentials'), '');
  Object.assign(process.env, {
    AWS_CONFIG_FILE: join(folder, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(folder, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...vars,
  });

  return {
    folder,
    restore: () => {
      for (const name of Object.keys(process.env)) {
        if (name.startsWith('AWS_')) delete process.env[name];
      }
      Object.assign(process.env, Object.fromEntries(saved));
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Dummy static keys, as environment variables. */
export const TEST_KEYS = {
  AWS_ACCESS_KEY_ID: 'AKIDTESTKEY',
  AWS_SECRET_ACCESS_KEY: 'test-secret-never-written',
};
