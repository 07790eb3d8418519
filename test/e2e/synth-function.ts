import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWatchdogApp, STACK_NAME } from '../../lib/watchdog-app';

type Resource = { readonly Type: string; readonly Properties?: Record<string, unknown> };

/** The watchdog function as the synthesized stack deploys it. */
export type SynthesizedFunction = {
  /** The function's code, as the asset Lambda would unzip into /var/task. */
  readonly assetDir: string;
  /** The module file of the `Handler` setting, e.g. `<assetDir>/index.mjs`. */
  readonly entry: string;
  /** The `Handler` setting, e.g. `index.handler`. */
  readonly handler: string;
  /** The export it names, e.g. `handler`. */
  readonly exportName: string;
  /** Environment variables as the template sets them: text, or a reference to a resource. */
  readonly environment: Readonly<Record<string, unknown>>;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  readonly runtime: string;
  /** The event the schedule invokes the function with. */
  readonly scheduledEvent: unknown;
  /** Removes the synthesized app. */
  readonly cleanUp: () => void;
};

// The Node.js runtime looks for the handler's module with these extensions, in this order.
const MODULE_EXTENSIONS = ['.js', '.mjs', '.cjs'];

/**
 * Synthesizes the app as `cdk synth` does, bundling included (esbuild,
 * locally), into a temporary directory, and finds the function that the
 * schedule invokes: its code, handler, environment, limits and event.
 */
export function synthesizeFunction(): SynthesizedFunction {
  const outdir = mkdtempSync(join(tmpdir(), 'watchdog-e2e-synth-'));
  try {
    const { app } = createWatchdogApp({ outdir });
    const template = app.synth().getStackByName(STACK_NAME).template as {
      Resources: Record<string, Resource>;
    };
    return describeFunction(outdir, template.Resources);
  } catch (error) {
    rmSync(outdir, { recursive: true, force: true });
    throw error;
  }
}

function describeFunction(
  outdir: string,
  resources: Record<string, Resource>,
): SynthesizedFunction {
  const schedule = Object.values(resources).find((r) => r.Type === 'AWS::Scheduler::Schedule');
  const target = schedule?.Properties?.Target as { Arn?: unknown; Input?: string } | undefined;
  const [functionId] = ((target?.Arn as { 'Fn::GetAtt'?: string[] })?.['Fn::GetAtt'] ??
    []) as string[];
  const fn = functionId === undefined ? undefined : resources[functionId];
  if (fn?.Type !== 'AWS::Lambda::Function' || !fn.Properties)
    throw new Error('The schedule of the synthesized stack does not invoke a Lambda function.');

  const props = fn.Properties as {
    Code: { S3Key: string };
    Handler: string;
    Environment?: { Variables?: Record<string, unknown> };
    Timeout: number;
    MemorySize: number;
    Runtime: string;
  };
  const assetDir = join(outdir, `asset.${props.Code.S3Key.replace(/\.zip$/, '')}`);
  const dot = props.Handler.lastIndexOf('.');
  const moduleName = props.Handler.slice(0, dot);
  const entry = MODULE_EXTENSIONS.map((ext) => join(assetDir, `${moduleName}${ext}`)).find((path) =>
    existsSync(path),
  );
  if (entry === undefined)
    throw new Error(`No module for handler ${props.Handler} in ${assetDir}.`);

  return {
    assetDir,
    entry,
    handler: props.Handler,
    exportName: props.Handler.slice(dot + 1),
    environment: props.Environment?.Variables ?? {},
    timeoutSeconds: props.Timeout,
    memoryMb: props.MemorySize,
    runtime: props.Runtime,
    // With no Input the schedule sends no payload of its own: the handler gets an empty object.
    scheduledEvent: target?.Input === undefined ? {} : JSON.parse(target.Input),
    cleanUp: () => rmSync(outdir, { recursive: true, force: true }),
  };
}
