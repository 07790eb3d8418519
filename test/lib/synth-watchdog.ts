import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { LlmCostWatchdogStack } from '../../lib/llm-cost-watchdog-stack';
import { createWatchdogApp } from '../../lib/watchdog-app';
import { ReadableTemplate } from './readable-template';

/** The synthesized app, its template both raw and readable, and a way to clean up. */
export type SynthesizedWatchdog = {
  readonly app: App;
  readonly stack: LlmCostWatchdogStack;
  readonly template: Template;
  readonly readable: ReadableTemplate;
  readonly cleanUp: () => void;
};

/**
 * Builds and synthesizes the app as `cdk synth` does, with the given context
 * values, into a temporary directory. Bundling is skipped (the function's
 * own test bundles it), which keeps a synth to about a second.
 */
export function synthWatchdog(context: Record<string, unknown> = {}): SynthesizedWatchdog {
  const outdir = mkdtempSync(join(tmpdir(), 'watchdog-synth-'));
  const { app, stack } = createWatchdogApp({
    outdir,
    // As `cdk synth` does: construct paths in the template metadata.
    context: { 'aws:cdk:bundling-stacks': [], 'aws:cdk:enable-path-metadata': true, ...context },
  });

  app.synth();
  const template = Template.fromStack(stack);
  return {
    app,
    stack,
    template,
    readable: new ReadableTemplate(template),
    cleanUp: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

/** Findings of both rule packs that no acknowledgement covers, as `rule at path`. */
export function unacknowledgedFindings(scope: IConstruct): string[] {
  return [new AwsSolutionsChecks(), new ServerlessChecks()].flatMap((pack) =>
    pack
      .validateScope(scope)
      .violations.flatMap((violation) =>
        violation.violatingResources.map(
          (resource) => `${violation.ruleName} at ${resource.constructPath}`,
        ),
      ),
  );
}
