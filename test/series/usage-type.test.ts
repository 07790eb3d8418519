import { BILLING_REGIONS } from '../../lambda/series/regions';
import type { UsageTypeInfo } from '../../lambda/series/types';
import { parseUsageType } from '../../lambda/series/usage-type';

const BEDROCK = 'Amazon Bedrock';
const SONNET = 'Claude 3.5 Sonnet (Amazon Bedrock Edition)';
const HAIKU = 'Claude 3 Haiku (Amazon Bedrock Edition)';
const OPUS = 'Claude Opus 4 (Amazon Bedrock Edition)';
const SAGEMAKER = 'Amazon SageMaker';
const OPENSEARCH = 'Amazon OpenSearch Service';

type Charge = readonly [
  service: string,
  usageType: string,
  kind: UsageTypeInfo['chargeKind'],
  tokens: UsageTypeInfo['tokens'],
  batch: boolean,
  routing: UsageTypeInfo['routing'],
];

type Place = readonly [
  service: string,
  usageType: string,
  regionCode: string | null,
  region: string,
  model: string | null,
  family: string | null,
  tier: UsageTypeInfo['modelTier'],
];

/** What each usage type bills for: every usage type in AWS-FACTS.md, then newer spellings. */
const CHARGES: readonly Charge[] = [
  [BEDROCK, 'USE1-NovaMicro-input-tokens', 'input-tokens', 'input', false, 'standard'],
  [BEDROCK, 'USE1-NovaMicro-output-tokens', 'output-tokens', 'output', false, 'standard'],
  [BEDROCK, 'USE1-NovaMicro-input-tokens-batch', 'batch', 'input', true, 'standard'],
  [BEDROCK, 'USE1-NovaMicro-output-tokens-batch', 'batch', 'output', true, 'standard'],
  [
    BEDROCK,
    'USE1-NovaMicro-cache-read-input-token-count',
    'cache-read',
    'input',
    false,
    'standard',
  ],
  [
    BEDROCK,
    'USE1-NovaMicro-cache-write-input-token-count',
    'cache-write',
    'input',
    false,
    'standard',
  ],
  [
    BEDROCK,
    'USE1-NovaMicro-input-tokens-custom-model',
    'custom-model-inference',
    'input',
    false,
    'standard',
  ],
  [
    BEDROCK,
    'USE1-NovaMicro-Customization-Training',
    'custom-model-training',
    null,
    false,
    'standard',
  ],
  [
    BEDROCK,
    'USE1-NovaMicro-Customization-Storage',
    'custom-model-storage',
    null,
    false,
    'standard',
  ],
  [
    BEDROCK,
    'USE1-NovaMicro-ProvisionedThroughput-NoCommit-ModelUnits',
    'provisioned-throughput',
    null,
    false,
    'standard',
  ],
  [
    BEDROCK,
    'USE1-NovaMicro-ProvisionedThroughput-1month-ModelUnits',
    'provisioned-throughput',
    null,
    false,
    'standard',
  ],
  [
    BEDROCK,
    'USE1-NovaMicro-ProvisionedThroughput-6months-ModelUnits',
    'provisioned-throughput',
    null,
    false,
    'standard',
  ],
  [BEDROCK, 'USE2-NovaMicro-input-tokens', 'input-tokens', 'input', false, 'standard'],
  [BEDROCK, 'USE1-deepseek.v3.2-input-tokens', 'input-tokens', 'input', false, 'standard'],
  [BEDROCK, 'USE1-NovaLite-output-tokens', 'output-tokens', 'output', false, 'standard'],
  [
    BEDROCK,
    'USW2-Claude4.6Sonnet-cache-read-input-token-count',
    'cache-read',
    'input',
    false,
    'standard',
  ],
  [
    BEDROCK,
    'USE1-Claude4Sonnet-cache-read-input-token-count-cross-region-global',
    'cache-read',
    'input',
    false,
    'global',
  ],
  [SONNET, 'USE1-MP:USE1_InputTokenCount-Units', 'input-tokens', 'input', false, 'standard'],
  [SONNET, 'USE1-MP:USE1_OutputTokenCount-Units', 'output-tokens', 'output', false, 'standard'],
  [SONNET, 'USE1-MP:USE1_InputTokenCount_Batch-Units', 'batch', 'input', true, 'standard'],
  [SONNET, 'USE1-MP:USE1_MillionBatchInputTokens-Units', 'batch', 'input', true, 'standard'],
  [
    SONNET,
    'USE1-MP:USE1_ProvisionedThroughput_NoCommit_ModelUnits_Usage-Units',
    'provisioned-throughput',
    null,
    false,
    'standard',
  ],
  [
    SONNET,
    'USE1-MP:USE1_CacheReadInputTokenCount_Global-Units',
    'cache-read',
    'input',
    false,
    'global',
  ],
  [
    SONNET,
    'USE1-MP:USE1_CacheWriteInputTokenCount-Units',
    'cache-write',
    'input',
    false,
    'standard',
  ],
  [
    SONNET,
    'USE1-MP:USE1_Reserved_1Month_InputTPM_Global-Units',
    'provisioned-throughput',
    null,
    false,
    'global',
  ],
  [SONNET, 'USE1-MP:USE1_input_tokens_standard-Units', 'input-tokens', 'input', false, 'standard'],
  [
    HAIKU,
    'USW2-MP:USW2_output_tokens_standard-Units',
    'output-tokens',
    'output',
    false,
    'standard',
  ],
  [BEDROCK, 'USE1-Guardrail-ContentPolicyUnitsConsumed', 'guardrail', null, false, 'standard'],
  [SAGEMAKER, 'USE1-Host:ml.g5.12xlarge', 'endpoint-hours', null, false, 'standard'],
  [SAGEMAKER, 'USE1-Notebk:ml.t3.medium', 'notebook', null, false, 'standard'],
  [SAGEMAKER, 'USE1-Train:ml.p3.2xlarge', 'training', null, false, 'standard'],
  [SAGEMAKER, 'Studio:VolumeUsage.gp3', 'storage', null, false, 'standard'],
  [
    BEDROCK,
    'USE1-Claude3.5Sonnet-input-tokens-cross-region',
    'input-tokens',
    'input',
    false,
    'cross-region',
  ],
  [BEDROCK, 'USE1-NovaPro-output-tokens-global', 'output-tokens', 'output', false, 'global'],
  [BEDROCK, 'APN1-MistralLarge-output-tokens-batch', 'batch', 'output', true, 'standard'],
  [BEDROCK, 'USE1-USW2-AWS-Out-Bytes', 'data-transfer', null, false, 'standard'],
  [OPENSEARCH, 'USE1-IndexingOCU', 'search-capacity', null, false, 'standard'],
  [OPENSEARCH, 'EU-ESInstance:r6g.large.search', 'search-capacity', null, false, 'standard'],
  [OPENSEARCH, 'USE1-ES:GP3-Storage', 'storage', null, false, 'standard'],
  ['Amazon Kendra', 'USE1-Kendra-EnterpriseEdition', 'search-capacity', null, false, 'standard'],
  ['Amazon Textract', 'APS1-AnalyzeDocument-Tables', 'other', null, false, 'standard'],
];

/** Where each usage type is billed and for which model: again every one in AWS-FACTS.md. */
const PLACES: readonly Place[] = [
  [BEDROCK, 'USE1-NovaMicro-output-tokens', 'USE1', 'us-east-1', 'NovaMicro', 'nova', 'small'],
  [BEDROCK, 'USE1-NovaMicro-input-tokens-batch', 'USE1', 'us-east-1', 'NovaMicro', 'nova', 'small'],
  [
    BEDROCK,
    'USE1-NovaMicro-output-tokens-batch',
    'USE1',
    'us-east-1',
    'NovaMicro',
    'nova',
    'small',
  ],
  [
    BEDROCK,
    'USE1-NovaMicro-cache-read-input-token-count',
    'USE1',
    'us-east-1',
    'NovaMicro',
    'nova',
    'small',
  ],
  [
    BEDROCK,
    'USE1-NovaMicro-cache-write-input-token-count',
    'USE1',
    'us-east-1',
    'NovaMicro',
    'nova',
    'small',
  ],
  [
    BEDROCK,
    'USE1-NovaMicro-input-tokens-custom-model',
    'USE1',
    'us-east-1',
    'NovaMicro',
    'nova',
    'small',
  ],
  [
    BEDROCK,
    'USE1-NovaMicro-Customization-Storage',
    'USE1',
    'us-east-1',
    'NovaMicro',
    'nova',
    'small',
  ],
  [
    BEDROCK,
    'USE1-NovaMicro-ProvisionedThroughput-NoCommit-ModelUnits',
    'USE1',
    'us-east-1',
    'NovaMicro',
    'nova',
    'small',
  ],
  [
    BEDROCK,
    'USE1-NovaMicro-ProvisionedThroughput-1month-ModelUnits',
    'USE1',
    'us-east-1',
    'NovaMicro',
    'nova',
    'small',
  ],
  [
    SONNET,
    'USE1-MP:USE1_OutputTokenCount-Units',
    'USE1',
    'us-east-1',
    'Claude 3.5 Sonnet',
    'claude',
    'mid',
  ],
  [
    SONNET,
    'USE1-MP:USE1_InputTokenCount_Batch-Units',
    'USE1',
    'us-east-1',
    'Claude 3.5 Sonnet',
    'claude',
    'mid',
  ],
  [
    SONNET,
    'USE1-MP:USE1_MillionBatchInputTokens-Units',
    'USE1',
    'us-east-1',
    'Claude 3.5 Sonnet',
    'claude',
    'mid',
  ],
  [
    SONNET,
    'USE1-MP:USE1_ProvisionedThroughput_NoCommit_ModelUnits_Usage-Units',
    'USE1',
    'us-east-1',
    'Claude 3.5 Sonnet',
    'claude',
    'mid',
  ],
  [
    SONNET,
    'USE1-MP:USE1_CacheReadInputTokenCount_Global-Units',
    'USE1',
    'us-east-1',
    'Claude 3.5 Sonnet',
    'claude',
    'mid',
  ],
  [
    SONNET,
    'USE1-MP:USE1_CacheWriteInputTokenCount-Units',
    'USE1',
    'us-east-1',
    'Claude 3.5 Sonnet',
    'claude',
    'mid',
  ],
  [
    SONNET,
    'USE1-MP:USE1_Reserved_1Month_InputTPM_Global-Units',
    'USE1',
    'us-east-1',
    'Claude 3.5 Sonnet',
    'claude',
    'mid',
  ],
  [
    SONNET,
    'USE1-MP:USE1_input_tokens_standard-Units',
    'USE1',
    'us-east-1',
    'Claude 3.5 Sonnet',
    'claude',
    'mid',
  ],
  [SAGEMAKER, 'USE1-Notebk:ml.t3.medium', 'USE1', 'us-east-1', null, null, null],
  [SAGEMAKER, 'USE1-Train:ml.p3.2xlarge', 'USE1', 'us-east-1', null, null, null],
  [BEDROCK, 'USE1-NovaMicro-input-tokens', 'USE1', 'us-east-1', 'NovaMicro', 'nova', 'small'],
  [
    BEDROCK,
    'USE1-NovaMicro-Customization-Training',
    'USE1',
    'us-east-1',
    'NovaMicro',
    'nova',
    'small',
  ],
  [
    BEDROCK,
    'USE1-NovaMicro-ProvisionedThroughput-6months-ModelUnits',
    'USE1',
    'us-east-1',
    'NovaMicro',
    'nova',
    'small',
  ],
  [BEDROCK, 'USE2-NovaMicro-input-tokens', 'USE2', 'us-east-2', 'NovaMicro', 'nova', 'small'],
  [
    BEDROCK,
    'USE1-deepseek.v3.2-input-tokens',
    'USE1',
    'us-east-1',
    'deepseek.v3.2',
    'deepseek',
    'mid',
  ],
  [BEDROCK, 'USE1-NovaLite-output-tokens', 'USE1', 'us-east-1', 'NovaLite', 'nova', 'small'],
  [
    BEDROCK,
    'USW2-Claude4.6Sonnet-cache-read-input-token-count',
    'USW2',
    'us-west-2',
    'Claude4.6Sonnet',
    'claude',
    'mid',
  ],
  [
    BEDROCK,
    'USE1-Claude4Sonnet-cache-read-input-token-count-cross-region-global',
    'USE1',
    'us-east-1',
    'Claude4Sonnet',
    'claude',
    'mid',
  ],
  [BEDROCK, 'USE1-Guardrail-ContentPolicyUnitsConsumed', 'USE1', 'us-east-1', null, null, null],
  [
    SONNET,
    'USE1-MP:USE1_InputTokenCount-Units',
    'USE1',
    'us-east-1',
    'Claude 3.5 Sonnet',
    'claude',
    'mid',
  ],
  [
    HAIKU,
    'USW2-MP:USW2_output_tokens_standard-Units',
    'USW2',
    'us-west-2',
    'Claude 3 Haiku',
    'claude',
    'small',
  ],
  [
    OPUS,
    'USE1-MP:USE1_InputTokenCount-Units',
    'USE1',
    'us-east-1',
    'Claude Opus 4',
    'claude',
    'flagship',
  ],
  [SAGEMAKER, 'USE1-Host:ml.g5.12xlarge', 'USE1', 'us-east-1', null, null, null],
  [SAGEMAKER, 'Studio:VolumeUsage.gp3', null, 'us-east-1', null, null, null],
  [BEDROCK, 'NovaPremier-input-tokens', null, 'us-east-1', 'NovaPremier', 'nova', 'flagship'],
  [
    BEDROCK,
    'EUC1-Llama3-1-70B-instruct-output-tokens',
    'EUC1',
    'eu-central-1',
    'Llama3-1-70B-instruct',
    'llama',
    'mid',
  ],
  [
    BEDROCK,
    'APN1-MistralLarge-output-tokens-batch',
    'APN1',
    'ap-northeast-1',
    'MistralLarge',
    'mistral',
    'flagship',
  ],
  [BEDROCK, 'APS1-NovaPro-input-tokens', 'APS1', 'ap-southeast-1', 'NovaPro', 'nova', 'mid'],
  [BEDROCK, 'ILC1-NovaPro-input-tokens', 'ILC1', 'ILC1', 'NovaPro', 'nova', 'mid'],
  [
    BEDROCK,
    'USE1-Kimi-K2-Thinking-input-tokens',
    'USE1',
    'us-east-1',
    'Kimi-K2-Thinking',
    'kimi',
    null,
  ],
  [BEDROCK, 'USE1-SomeNewModel-input-tokens', 'USE1', 'us-east-1', 'SomeNewModel', null, null],
  ['Amazon EC2', 'USE1-NovaMicro-input-tokens', 'USE1', 'us-east-1', null, null, null],
  [BEDROCK, 'USE1-MP:USE1_InputTokenCount-Units', 'USE1', 'us-east-1', null, null, null],
];

describe('parseUsageType', () => {
  it.each(CHARGES)(
    'reads what %s bills in %s',
    (service, usageType, kind, tokens, batch, routing) => {
      const info = parseUsageType(service, usageType);

      expect([info.chargeKind, info.tokens, info.batch, info.routing]).toEqual([
        kind,
        tokens,
        batch,
        routing,
      ]);
    },
  );

  it.each(PLACES)('reads where %s bills %s and for which model', (service, usageType, ...place) => {
    const info = parseUsageType(service, usageType);

    expect([info.regionCode, info.region, info.model, info.modelFamily, info.modelTier]).toEqual(
      place,
    );
  });

  it('keeps the usage type as it came', () => {
    expect(parseUsageType(BEDROCK, 'USE1-NovaMicro-input-tokens').raw).toBe(
      'USE1-NovaMicro-input-tokens',
    );
  });

  it.each(Object.entries(BILLING_REGIONS))('maps billing code %s to %s', (code, region) => {
    const info = parseUsageType(BEDROCK, `${code}-NovaMicro-input-tokens`);

    expect([info.regionCode, info.region]).toEqual([code, region]);
  });

  it.each([
    ['an empty string', ''],
    ['a lone dash', '-'],
    ['a bare Marketplace marker', 'MP:'],
    ['punctuation', '?!*&^%$#@'],
    ['a name from the object prototype', 'constructor'],
    ['a prototype name where the region goes', 'toString-__proto__'],
    ['control characters', '\u0000\u0001\n\t'],
    ['a very long string', 'x-'.repeat(5_000)],
  ])('returns a valid, unexplained info for %s', (_label, usageType) => {
    const info = parseUsageType(BEDROCK, usageType);

    expect(info).toEqual({
      raw: usageType,
      regionCode: null,
      region: 'us-east-1',
      model: null,
      modelFamily: null,
      modelTier: null,
      chargeKind: 'other',
      tokens: null,
      batch: false,
      routing: 'standard',
    });
  });

  it('reads the region of a usage type that holds nothing after it', () => {
    const info = parseUsageType(BEDROCK, 'USE1-');

    expect([info.regionCode, info.region, info.model, info.chargeKind]).toEqual([
      'USE1',
      'us-east-1',
      null,
      'other',
    ]);
  });

  it('explains nothing about a SERVICE it does not know', () => {
    const info = parseUsageType('', 'USE1-BoxUsage:t3.micro');

    expect([info.model, info.chargeKind, info.region]).toEqual([null, 'other', 'us-east-1']);
  });
});
