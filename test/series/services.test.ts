import {
  DEFAULT_WATCHED_SERVICES,
  isBedrockEdition,
  isWatchedService,
  modelFromServiceName,
  serviceKind,
  watchedServiceNames,
} from '../../lambda/series/services';
import type { ServiceKind } from '../../lambda/series/types';

const NONE = { extraServices: [], excludedServices: [] };

describe('serviceKind', () => {
  it.each<[string, ServiceKind]>([
    ['Amazon Bedrock', 'bedrock'],
    ['Claude 3.5 Sonnet (Amazon Bedrock Edition)', 'bedrock-marketplace'],
    ['Claude Opus 4 (Amazon Bedrock Edition)', 'bedrock-marketplace'],
    ['Amazon SageMaker', 'sagemaker'],
    ['Amazon SageMaker Unified Studio', 'sagemaker'],
    ['Amazon OpenSearch Service', 'vector-store'],
    ['Amazon Kendra', 'vector-store'],
    ['Amazon Bedrock AgentCore', 'ai-service'],
    ['Amazon Q', 'ai-service'],
    ['Amazon Textract', 'ai-service'],
    ['Amazon Rekognition', 'ai-service'],
    ['Amazon Elastic Compute Cloud - Compute', 'other'],
    ['', 'other'],
  ])('classifies %p as %s', (service, kind) => {
    expect(serviceKind(service)).toBe(kind);
  });
});

describe('modelFromServiceName', () => {
  it.each([
    ['Claude 3.5 Sonnet (Amazon Bedrock Edition)', 'Claude 3.5 Sonnet'],
    ['Claude 3 Haiku (Amazon Bedrock Edition)', 'Claude 3 Haiku'],
    ['  Claude Opus 4 (Amazon Bedrock Edition) ', 'Claude Opus 4'],
    ['(Amazon Bedrock Edition)', null],
    ['Amazon Bedrock', null],
    ['Amazon SageMaker', null],
  ])('reads the model of %p as %p', (service, model) => {
    expect(modelFromServiceName(service)).toBe(model);
  });

  it('recognises a listing whatever the case of its suffix', () => {
    expect(isBedrockEdition('Some Model (amazon bedrock edition)')).toBe(true);
  });
});

describe('isWatchedService', () => {
  it.each(DEFAULT_WATCHED_SERVICES)('watches %s by default', (service) => {
    expect(isWatchedService(service, NONE)).toBe(true);
  });

  it.each([
    [
      'a Bedrock Edition listing no list names',
      'Llama 9 Mega (Amazon Bedrock Edition)',
      NONE,
      true,
    ],
    ['a service outside the list', 'Amazon Simple Storage Service', NONE, false],
    [
      'an extra service',
      'Amazon Personalize',
      { extraServices: ['Amazon Personalize'], excludedServices: [] },
      true,
    ],
    [
      'an extra service typed in another case',
      'Amazon Personalize',
      { extraServices: [' amazon personalize '], excludedServices: [] },
      true,
    ],
    [
      'an excluded default',
      'Amazon Kendra',
      { extraServices: [], excludedServices: ['Amazon Kendra'] },
      false,
    ],
    [
      'an excluded Bedrock Edition listing',
      'Claude 3 Haiku (Amazon Bedrock Edition)',
      { extraServices: [], excludedServices: ['Claude 3 Haiku (Amazon Bedrock Edition)'] },
      false,
    ],
    [
      'a service both extra and excluded',
      'Amazon Personalize',
      { extraServices: ['Amazon Personalize'], excludedServices: ['Amazon Personalize'] },
      false,
    ],
  ])('decides %s', (_label, service, settings, watched) => {
    expect(isWatchedService(service, settings)).toBe(watched);
  });
});

describe('watchedServiceNames', () => {
  it('lists exactly the defaults when nothing is added or excluded', () => {
    expect(watchedServiceNames(NONE)).toEqual([...DEFAULT_WATCHED_SERVICES]);
  });

  it('adds extras and discovered listings, drops exclusions, and names each once', () => {
    const settings = {
      extraServices: ['Amazon Personalize', 'amazon bedrock'],
      excludedServices: ['Amazon Kendra', 'Claude 3 Haiku (Amazon Bedrock Edition)'],
    };
    const discovered = [
      'Amazon Bedrock',
      'Claude 3.5 Sonnet (Amazon Bedrock Edition)',
      'Claude 3 Haiku (Amazon Bedrock Edition)',
      'Amazon Simple Storage Service',
      'Claude 3.5 Sonnet (Amazon Bedrock Edition)',
    ];

    const names = watchedServiceNames(settings, discovered);

    expect(names).toEqual([
      ...DEFAULT_WATCHED_SERVICES.filter((name) => name !== 'Amazon Kendra'),
      'Amazon Personalize',
      'Claude 3.5 Sonnet (Amazon Bedrock Edition)',
    ]);
  });
});
