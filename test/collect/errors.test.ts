import {
  COST_EXPLORER_POLICY_STATEMENT,
  CollectError,
  explainAwsError,
} from '../../lambda/collect/errors';

const awsError = (name: string, message: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { name, ...extra });

describe('explainAwsError', () => {
  it.each([
    [
      'CredentialsProviderError',
      'Could not load credentials from any providers',
      'No AWS credentials found',
      'pass --profile NAME or set AWS_PROFILE',
    ],
    [
      'ExpiredTokenException',
      'The security token included in the request is expired',
      'have expired',
      'aws sso login',
    ],
    [
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
      'did not accept the credentials',
      'check AWS_PROFILE or --profile',
    ],
    [
      'AccessDeniedException',
      'User not enabled for cost explorer access',
      'Cost Explorer is not enabled for this account',
      'Cost Explorer in the console',
    ],
    [
      'AccessDeniedException',
      'User: arn:aws:iam::1:user/x is not authorized to perform: ce:GetCostAndUsage',
      'Not allowed to call ce:GetCostAndUsage',
      '"Resource":"*"',
    ],
    [
      'DataUnavailableException',
      'Data is not available',
      'has no data for this GetCostAndUsage',
      'wait up to 24 hours',
    ],
    [
      'LimitExceededException',
      'You have made too many calls',
      'too many calls in a short period',
      'wait a minute and run again',
    ],
    ['InvalidNextTokenException', 'The token is invalid', 'changed while the pages', 'run again'],
    ['RequestChangedException', 'The request changed', 'changed while the pages', 'run again'],
    [
      'BillExpirationException',
      'Bill expired',
      'older than Cost Explorer keeps',
      'lower the lookback-days setting',
    ],
    [
      'ValidationException',
      'Tag key is invalid',
      'rejected the GetCostAndUsage request: Tag key',
      'check the settings',
    ],
    ['TimeoutError', 'socket hang up', 'Could not reach Cost Explorer', 'check the network'],
  ])('explains %s (%s) with the fix', async (name, message, what, fix) => {
    const cause = awsError(name, message);

    const explained = explainAwsError(cause, 'GetCostAndUsage');

    expect(explained).toBeInstanceOf(CollectError);
    expect(explained.message).toContain(what);
    expect(explained.message).toContain(fix);
    expect(explained.cause).toBe(cause);
    expect(explained.code).toBe(name);
  });

  it('names the attempts the SDK made before giving up on throttling', () => {
    const cause = awsError('LimitExceededException', 'x', { $metadata: { attempts: 4 } });

    expect(explainAwsError(cause, 'GetAnomalies').message).toContain(
      'refused GetAnomalies as too many calls in a short period, still after 4 attempts',
    );
  });

  it('explains a refused connection as a network problem', () => {
    const cause = awsError('Error', 'connect ECONNREFUSED 127.0.0.1:1', { code: 'ECONNREFUSED' });

    expect(explainAwsError(cause, 'GetCostForecast').message).toContain(
      'Could not reach Cost Explorer for GetCostForecast',
    );
  });

  it('passes on an error it does not know with its name and message', () => {
    const explained = explainAwsError(awsError('OddException', 'odd'), 'GetAnomalyMonitors');

    expect(explained.message).toBe('Cost Explorer GetAnomalyMonitors failed: OddException: odd');
  });

  it('leaves an error it already explained as it is', () => {
    const first = explainAwsError(awsError('DataUnavailableException', 'x'), 'GetCostAndUsage');

    expect(explainAwsError(first, 'GetAnomalies')).toBe(first);
  });

  it('lists every action a collection calls in the policy statement', () => {
    expect(COST_EXPLORER_POLICY_STATEMENT).toEqual({
      Effect: 'Allow',
      Action: [
        'ce:GetDimensionValues',
        'ce:GetCostAndUsage',
        'ce:GetAnomalies',
        'ce:GetAnomalyMonitors',
        'ce:GetCostForecast',
      ],
      Resource: '*',
    });
  });
});
