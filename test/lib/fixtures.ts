import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';

/**
 * A bare stack for testing one construct. The built-in CloudFormation
 * validation is left to the whole-app tests, where it runs as in `cdk synth`.
 */
export function testStack(context: Record<string, unknown> = {}): Stack {
  const app = new App({ builtinCloudFormationValidation: false, context });
  return new Stack(app, 'Test');
}

/** A small inline function for constructs that need one, with no bundling. */
export function fixtureFunction(stack: Stack): lambda.Function {
  return new lambda.Function(stack, 'Fixture', {
    code: lambda.Code.fromInline('exports.handler = async () => {};'),
    handler: 'index.handler',
    runtime: lambda.Runtime.NODEJS_22_X,
  });
}
