import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { readDeployContext } from './deploy-context';
import { LlmCostWatchdogStack } from './llm-cost-watchdog-stack';

/** The stack's name, which the README's commands use. */
export const STACK_NAME = 'LlmCostWatchdog';

// cdk-nag fails synth on any finding not acknowledged, warnings included;
// strict mode does the same for what CDK's own template validation reports
// as warnings. Every finding is fixed or acknowledged, with its reason, where
// the resource is made.
const STRICT_VALIDATION = { '@aws-cdk/core:strictCfnValidateErrors': true };

/**
 * The CDK app: the watchdog stack built from the deployer's context values,
 * checked at synth by the cdk-nag AWS Solutions and Serverless rule packs.
 * The stack is environment-agnostic: it looks nothing up, so it synthesizes
 * offline with no AWS account.
 */
export function createWatchdogApp(props: AppProps = {}): {
  app: App;
  stack: LlmCostWatchdogStack;
} {
  const app = new App({ ...props, context: { ...STRICT_VALIDATION, ...props.context } });
  const stack = new LlmCostWatchdogStack(app, STACK_NAME, {
    description: 'llm-cost-watchdog: daily LLM and AI cost findings to Slack and SNS',
    ...readDeployContext(app.node),
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return { app, stack };
}
