import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import {
  AwsCustomResource,
  type AwsSdkCall,
  PhysicalResourceId,
  PhysicalResourceIdReference,
} from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { SETTINGS_TABLE, type SettingSpec } from '../lambda/settings/defaults';
import { DeployConfigError } from './deploy-config-error';

/** Where the settings live unless the deployer chooses another prefix. */
export const DEFAULT_PARAMETER_PREFIX = '/llm-cost-watchdog/';

export type SettingsParametersProps = {
  /**
   * Path the parameters live under: starts and ends with `/`.
   *
   * @default '/llm-cost-watchdog/'
   */
  readonly prefix?: string;
  /**
   * Values the deployer chooses, by parameter name (e.g. `slack-channel`).
   * Each must pass that setting's validation. A chosen value is written when
   * the parameter is created and again on any deploy that changes it.
   *
   * @default - every parameter starts at the default of the settings table
   */
  readonly values?: Readonly<Record<string, string>>;
  /**
   * Whether deploys own every value, as CloudFormation owns a plain
   * parameter: the deploy that turns this on writes the stack's value into
   * every parameter, and later deploys write a value whenever it changes in
   * the stack (such as a default changed by a new release). When off,
   * a parameter the deployer did not choose is only created if missing, and
   * a value an operator put is never overwritten.
   *
   * @default false
   */
  readonly overwriteValues?: boolean;
  /**
   * How long the logs of the deploy-time function that writes the
   * parameters are kept.
   *
   * @default logs.RetentionDays.THREE_MONTHS
   */
  readonly logRetention?: logs.RetentionDays;
};

// The construct id of the function AwsCustomResource shares across a stack.
const WRITER_FUNCTION_ID = `AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`;
// One PutParameter call per invocation needs little memory.
const WRITER_MEMORY_MB = 256;
const PREFIX = /^\/([A-Za-z0-9_.-]+\/){1,14}$/;

/**
 * One SSM String parameter per entry of the settings table, under a prefix,
 * each created with its default (or the deployer's value) and description.
 *
 * CloudFormation would rewrite a plain parameter whenever its value in the
 * template changes, reverting what an operator tuned. So each parameter is
 * written by a custom resource that puts the value without overwriting, and
 * overwrites only what the deployer chose (see `values`, `overwriteValues`).
 */
export class SettingsParameters extends Construct {
  /** The prefix, ending in `/`: what the function reads by path. */
  readonly prefix: string;
  private readonly writer: { readonly role: iam.Role; readonly logGroup: logs.LogGroup };

  constructor(scope: Construct, id: string, props: SettingsParametersProps = {}) {
    super(scope, id);

    this.prefix = validPrefix(props.prefix ?? DEFAULT_PARAMETER_PREFIX);
    const values = validValues(props.values ?? {});
    this.writer = this.createWriter(props.logRetention ?? logs.RetentionDays.THREE_MONTHS);

    // SSM throttles PutParameter at a few calls a second per account, so the
    // parameters are written one after another rather than all at once.
    let previous: AwsCustomResource | undefined;
    for (const spec of SETTINGS_TABLE) {
      const chosen = values[spec.parameter];
      const managed = chosen !== undefined || (props.overwriteValues ?? false);
      const parameter = this.createParameter(spec, chosen ?? spec.defaultValue, managed);
      if (previous) parameter.node.addDependency(previous);
      previous = parameter;
    }

    this.acknowledgeWriterFindings();
  }

  /** Full name of one parameter, e.g. `/llm-cost-watchdog/min-impact-usd`. */
  parameterName(parameter: string): string {
    return `${this.prefix}${parameter}`;
  }

  /**
   * Lets the grantee read every parameter under the prefix with
   * GetParametersByPath, and acknowledges on the grantee the cdk-nag
   * wildcard finding that this grant raises.
   */
  grantRead(grantee: iam.IGrantable): iam.Grant {
    const grant = iam.Grant.addToPrincipal({
      grantee,
      actions: ['ssm:GetParametersByPath'],
      resourceArns: [this.pathArn(''), this.pathArn('/*')],
    });

    if (Construct.isConstruct(grantee)) {
      Validations.of(grantee).acknowledge({
        id: this.pathWildcardFinding(),
        reason:
          'GetParametersByPath needs the settings path and what is under it; the wildcard ' +
          'reaches only the parameters under the watchdog prefix, all of them settings.',
      });
    }
    return grant;
  }

  /** The cdk-nag finding for a wildcard over the parameters under the prefix. */
  private pathWildcardFinding(): string {
    const arn = `arn:<AWS::Partition>:ssm:<AWS::Region>:<AWS::AccountId>:parameter${this.prefix}*`;
    return `AwsSolutions-IAM5[Resource::${arn}]`;
  }

  private pathArn(suffix: string): string {
    return Stack.of(this).formatArn({
      service: 'ssm',
      resource: 'parameter',
      resourceName: `${this.prefix.slice(1, -1)}${suffix}`,
    });
  }

  /** The role and log group of the deploy-time function that writes the parameters. */
  private createWriter(retention: logs.RetentionDays): {
    role: iam.Role;
    logGroup: logs.LogGroup;
  } {
    const logGroup = new logs.LogGroup(this, 'WriterLogs', { retention });
    const role = new iam.Role(this, 'WriterRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Creates the llm-cost-watchdog settings parameters at deploy time',
    });

    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ssm:PutParameter', 'ssm:DeleteParameter'],
        resources: [this.pathArn('/*')],
      }),
    );
    logGroup.grantWrite(role);
    return { role, logGroup };
  }

  private createParameter(spec: SettingSpec, value: string, managed: boolean): AwsCustomResource {
    const name = this.parameterName(spec.parameter);

    // The construct id must stay stable: a new id would create the
    // parameter anew and then delete it as the old resource goes.
    return new AwsCustomResource(this, `Parameter-${spec.parameter}`, {
      resourceType: 'Custom::SettingParameter',
      onCreate: putParameter(name, value, spec.description, managed),
      onUpdate: putParameter(name, value, spec.description, managed),
      onDelete: {
        service: 'SSM',
        action: 'deleteParameter',
        parameters: { Name: new PhysicalResourceIdReference() },
        ignoreErrorCodesMatching: '^ParameterNotFound$',
      },
      role: this.writer.role,
      logGroup: this.writer.logGroup,
      installLatestAwsSdk: false,
      memorySize: WRITER_MEMORY_MB,
    });
  }

  private acknowledgeWriterFindings(): void {
    Validations.of(this.writer.role).acknowledge({
      id: this.pathWildcardFinding(),
      reason:
        'The deploy-time writer creates and deletes one parameter per setting; the ' +
        'wildcard is limited to the watchdog prefix, whose names come from the settings table.',
    });

    // AwsCustomResource keeps its function at the stack's root, shared by all.
    const writer = Stack.of(this).node.tryFindChild(WRITER_FUNCTION_ID);
    if (!writer) return;
    Validations.of(writer).acknowledge(
      {
        id: 'Serverless-LambdaDLQ',
        reason:
          'CloudFormation invokes the deploy-time writer synchronously; a failure fails the ' +
          'deploy, which rolls back, so there is no event to keep.',
      },
      {
        id: 'Serverless-LambdaTracing',
        reason:
          'The writer makes one PutParameter call per setting at deploy time; its log group ' +
          'holds each call and its result, which is all there is to trace.',
      },
    );
  }
}

/** The PutParameter call: without overwrite, an existing value is left alone. */
function putParameter(
  name: string,
  value: string,
  description: string,
  overwrite: boolean,
): AwsSdkCall {
  return {
    service: 'SSM',
    action: 'putParameter',
    parameters: {
      Name: name,
      Value: value,
      Type: 'String',
      Description: description,
      Overwrite: overwrite,
    },
    physicalResourceId: PhysicalResourceId.of(name),
    ...(overwrite ? {} : { ignoreErrorCodesMatching: '^ParameterAlreadyExists$' }),
  };
}

function validPrefix(prefix: string): string {
  const withSlash = prefix.endsWith('/') ? prefix : `${prefix}/`;
  if (!PREFIX.test(withSlash) || /^\/(aws|ssm)/i.test(withSlash)) {
    throw new DeployConfigError(
      `parameterPrefix "${prefix}" is not a usable SSM path. Give a path like ` +
        `${DEFAULT_PARAMETER_PREFIX}: a leading /, then letters, digits, _ . - and /, ` +
        'not starting with /aws or /ssm.',
    );
  }
  return withSlash;
}

function validValues(values: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  for (const [parameter, value] of Object.entries(values)) {
    const spec = SETTINGS_TABLE.find((entry) => entry.parameter === parameter);
    if (!spec) {
      throw new DeployConfigError(
        `There is no setting "${parameter}". Settings are: ` +
          SETTINGS_TABLE.map((entry) => entry.parameter).join(', '),
      );
    }
    if (!spec.schema.safeParse(value).success) {
      throw new DeployConfigError(
        `The value "${value}" for the setting ${parameter} is not valid: ` +
          `it takes ${spec.accepted}.`,
      );
    }
  }
  return values;
}
