/**
 * A deployer's choice (a stack property or a CDK context value) that cannot
 * work. The message names the choice, the value and how to fix it; synth
 * stops before anything reaches AWS.
 */
export class DeployConfigError extends Error {
  override readonly name = 'DeployConfigError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
