import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_CREDENTIALS } from '../endpoints/dynalite';
import type { SynthesizedFunction } from './synth-function';

/** One invocation: the event, the request ID Lambda gives it, and when it happens. */
export type Invocation = {
  readonly event: unknown;
  readonly requestId: string;
  /** ISO time of the invocation, e.g. `2026-03-15T09:00:00Z`. */
  readonly at: string;
};

export type InvocationOutcome =
  | { readonly ok: true; readonly value: unknown; readonly durationMs: number }
  | {
      readonly ok: false;
      readonly errorType: string;
      readonly errorMessage: string;
      readonly durationMs: number;
    };

/** What one execution environment did. */
export type SandboxRun = {
  readonly outcomes: readonly InvocationOutcome[];
  /** How long importing the bundle took: the cold start's own work. */
  readonly importMs: number;
  /** Its stdout lines that are JSON: the function's logs and metrics. */
  readonly logs: readonly Record<string, unknown>[];
  readonly stdout: string;
  readonly stderr: string;
  readonly unhandled: readonly string[];
};

/** Where each AWS service and Slack answer, and the resources the template refers to. */
export type SandboxWorld = {
  readonly region: string;
  readonly endpoints: {
    readonly costExplorer: string;
    readonly ssm: string;
    readonly secretsManager: string;
    readonly sns: string;
    readonly dynamodb: string;
    readonly slack: string;
  };
  /** What each variable that refers to a stack resource holds once deployed. */
  readonly resources: Readonly<Record<string, string>>;
};

const SANDBOX_SCRIPT = join(__dirname, 'lambda-sandbox.mjs');
const FUNCTION_NAME = 'LlmCostWatchdog-WatchdogFunction';

/**
 * The environment Lambda gives the function: the variables of the template
 * (a reference to a resource replaced by what it holds once deployed), the
 * runtime's own, dummy credentials, and every AWS endpoint and Slack on
 * 127.0.0.1. Nothing of this process's environment is passed on.
 *
 * @throws when the template refers to a resource the world does not name.
 */
export function functionEnvironment(
  fn: SynthesizedFunction,
  world: SandboxWorld,
  home: string,
): Record<string, string> {
  const fromTemplate = Object.entries(fn.environment).map(([name, value]) => {
    if (typeof value === 'string') return [name, value];
    const resource = world.resources[name];
    if (resource === undefined)
      throw new Error(`The template sets ${name} to ${JSON.stringify(value)}; name its value.`);
    return [name, resource];
  });
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    TZ: ':UTC',
    LANG: 'en_US.UTF-8',
    LAMBDA_TASK_ROOT: fn.assetDir,
    _HANDLER: fn.handler,
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: FUNCTION_NAME,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${FUNCTION_NAME}`,
    AWS_REGION: world.region,
    AWS_DEFAULT_REGION: world.region,
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_SESSION_TOKEN: 'test-session',
    // No shared config or credentials file may point the SDK anywhere else.
    AWS_CONFIG_FILE: join(home, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
    AWS_ENDPOINT_URL_COST_EXPLORER: world.endpoints.costExplorer,
    AWS_ENDPOINT_URL_SSM: world.endpoints.ssm,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: world.endpoints.secretsManager,
    AWS_ENDPOINT_URL_SNS: world.endpoints.sns,
    AWS_ENDPOINT_URL_DYNAMODB: world.endpoints.dynamodb,
    SLACK_API_URL: world.endpoints.slack,
    ...Object.fromEntries(fromTemplate),
  };
}

/**
 * Runs invocations of the bundle, one after the other, in one fresh Node.js
 * process: a cold start, then warm ones. The process is asynchronous to
 * this one, so that endpoints in this process can answer it, and is killed
 * after `killAfterMs` whatever it is doing.
 */
export async function runInSandbox(
  fn: SynthesizedFunction,
  world: SandboxWorld,
  invocations: readonly Invocation[],
  options: { readonly killAfterMs?: number; readonly env?: Record<string, string> } = {},
): Promise<SandboxRun> {
  const home = mkdtempSync(join(tmpdir(), 'watchdog-sandbox-'));
  try {
    const specPath = join(home, 'spec.json');
    const resultPath = join(home, 'result.json');
    writeFileSync(
      specPath,
      JSON.stringify({
        entry: fn.entry,
        exportName: fn.exportName,
        timeoutSeconds: fn.timeoutSeconds,
        memoryMb: fn.memoryMb,
        functionName: FUNCTION_NAME,
        region: world.region,
        invocations,
      }),
    );
    const env = { ...functionEnvironment(fn, world, home), ...options.env };
    const { stdout, stderr } = await spawnNode(
      [SANDBOX_SCRIPT, specPath, resultPath],
      { cwd: fn.assetDir, env },
      options.killAfterMs ?? 60_000,
    );
    const result = readResult(resultPath, stderr);
    return { ...result, logs: jsonLines(stdout), stdout, stderr };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

function spawnNode(
  args: readonly string[],
  options: { cwd: string; env: Record<string, string> },
  killAfterMs: number,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...args], { ...options, stdio: 'pipe' });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() });
    });
  });
}

function readResult(path: string, stderr: string) {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Pick<
      SandboxRun,
      'importMs' | 'outcomes' | 'unhandled'
    >;
  } catch (error) {
    throw new Error(`The sandbox ended without a result. Its stderr:\n${stderr}`, { cause: error });
  }
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}
