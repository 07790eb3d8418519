import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SETTINGS_TABLE } from '../../lambda/settings/defaults';
import { DeployConfigError } from '../../lib/deploy-config-error';
import { SettingsParameters, type SettingsParametersProps } from '../../lib/settings-parameters';
import { testStack } from './fixtures';

type PutCall = {
  parameters: { Name: string; Value: string; Overwrite: boolean };
  ignoreErrorCodesMatching?: string;
};

function calls(props: SettingsParametersProps): Map<string, { create: PutCall; update: PutCall }> {
  const stack = testStack();
  new SettingsParameters(stack, 'Settings', props);
  const resources = Template.fromStack(stack).findResources('Custom::SettingParameter');

  return new Map(
    Object.values(resources).map((resource) => {
      const create = JSON.parse(resource.Properties.Create) as PutCall;
      return [create.parameters.Name, { create, update: JSON.parse(resource.Properties.Update) }];
    }),
  );
}

describe('SettingsParameters', () => {
  it('writes a value the deployer chose, and again whenever it changes', () => {
    const byName = calls({ values: { 'min-impact-usd': '20' } });
    const chosen = byName.get('/llm-cost-watchdog/min-impact-usd');
    const other = byName.get('/llm-cost-watchdog/spike-score');

    for (const call of [chosen?.create, chosen?.update]) {
      expect(call?.parameters).toMatchObject({ Value: '20', Overwrite: true });
      expect(call?.ignoreErrorCodesMatching).toBeUndefined();
    }
    expect(other?.update.parameters).toMatchObject({ Value: '4', Overwrite: false });
    expect(other?.update.ignoreErrorCodesMatching).toBe('^ParameterAlreadyExists$');
  });

  it.each([
    ['/finops/watchdog', '/finops/watchdog/'],
    ['/finops/watchdog/', '/finops/watchdog/'],
    ['/w/', '/w/'],
  ])('reads the prefix %p as %p', (prefix, expected) => {
    const stack = testStack();
    const settings = new SettingsParameters(stack, 'Settings', { prefix });

    expect(settings.prefix).toBe(expected);
    expect(settings.parameterName('mutes')).toBe(`${expected}mutes`);
  });

  it('puts every parameter under the prefix', () => {
    const names = [...calls({ prefix: '/team-a/llm/' }).keys()].sort();

    expect(names).toEqual(SETTINGS_TABLE.map((spec) => `/team-a/llm/${spec.parameter}`).sort());
  });

  it.each([
    [{ 'min-impact': '20' }, /There is no setting "min-impact". Settings are: lookback-days/],
    [{ 'min-impact-usd': 'twenty' }, /"twenty" for the setting min-impact-usd .* a number from 0/],
    [{ 'severity-floor': 'urgent' }, /it takes critical, high, medium, low, info/],
  ])('refuses the values %p', (values, message) => {
    expect(() => calls({ values })).toThrow(DeployConfigError);
    expect(() => calls({ values })).toThrow(message);
  });

  it('grants reading by path on the prefix and what is under it, nothing else', () => {
    const stack = testStack();
    const settings = new SettingsParameters(stack, 'Settings', { prefix: '/team-a/llm/' });
    const role = new iam.Role(stack, 'Reader', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });

    settings.grantRead(role);

    const arn = (path: string) => ({
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':ssm:',
          { Ref: 'AWS::Region' },
          ':',
          { Ref: 'AWS::AccountId' },
          `:parameter${path}`,
        ],
      ],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: stack.getLogicalId(role.node.defaultChild as iam.CfnRole) }],
      PolicyDocument: {
        Statement: [
          {
            Action: 'ssm:GetParametersByPath',
            Effect: 'Allow',
            Resource: [arn('/team-a/llm'), arn('/team-a/llm/*')],
          },
        ],
      },
    });
  });

  it('writes the parameters one after another, since SSM throttles parallel writes', () => {
    const stack = testStack();
    new SettingsParameters(stack, 'Settings');
    const resources = Template.fromStack(stack).findResources('Custom::SettingParameter');
    const dependsOn = Object.fromEntries(
      Object.entries(resources).map(([id, resource]) => [id, resource.DependsOn ?? []]),
    );
    const order = Object.keys(dependsOn);

    expect(dependsOn[order[0] ?? '']).toEqual([]);
    for (const [index, id] of order.entries()) {
      if (index > 0) expect(dependsOn[id]).toContain(order[index - 1]);
    }
  });
});
