import type { Settings } from '../settings/settings';
import type { ServiceKind } from './types';

/**
 * Cost Explorer SERVICE names watched by default, spelled exactly as the
 * SERVICE dimension returns them. Model listings billed through AWS
 * Marketplace (`<Model> (Amazon Bedrock Edition)`) are watched as well,
 * though no fixed list can name them all.
 */
export const DEFAULT_WATCHED_SERVICES = [
  'Amazon Bedrock',
  'Amazon Bedrock AgentCore',
  'Amazon SageMaker',
  'Amazon Q',
  'Amazon Kendra',
  'Amazon Comprehend',
  'Amazon Textract',
  'Amazon Transcribe',
  'Amazon Translate',
  'Amazon Polly',
  'Amazon Rekognition',
  'Amazon Lex',
  'Amazon OpenSearch Service',
] as const;

/** How AWS Marketplace model listings billed through Bedrock end their SERVICE name. */
export const BEDROCK_EDITION_SUFFIX = '(Amazon Bedrock Edition)';

/** The settings that choose what is watched. */
export type WatchSettings = Pick<Settings, 'extraServices' | 'excludedServices'>;

const KIND_BY_SERVICE: ReadonlyMap<string, ServiceKind> = new Map<string, ServiceKind>([
  ['amazon bedrock', 'bedrock'],
  ['amazon opensearch service', 'vector-store'],
  ['amazon opensearch serverless', 'vector-store'],
  ['amazon elasticsearch service', 'vector-store'],
  ['amazon kendra', 'vector-store'],
  ['amazon bedrock agentcore', 'ai-service'],
  ['amazon q', 'ai-service'],
  ['amazon comprehend', 'ai-service'],
  ['amazon comprehend medical', 'ai-service'],
  ['amazon textract', 'ai-service'],
  ['amazon transcribe', 'ai-service'],
  ['amazon translate', 'ai-service'],
  ['amazon polly', 'ai-service'],
  ['amazon rekognition', 'ai-service'],
  ['amazon lex', 'ai-service'],
]);

/** Names compare without regard to case or surrounding spaces: settings are typed by hand. */
function nameKey(service: string): string {
  return service.trim().toLowerCase();
}

function namesOf(list: readonly string[]): Set<string> {
  return new Set(list.map(nameKey));
}

const DEFAULT_NAMES = namesOf(DEFAULT_WATCHED_SERVICES);

/** True for a Marketplace model listing billed through Bedrock. */
export function isBedrockEdition(service: string): boolean {
  return nameKey(service).endsWith(BEDROCK_EDITION_SUFFIX.toLowerCase());
}

/**
 * The model a Marketplace listing bills for: `Claude 3.5 Sonnet` from
 * `Claude 3.5 Sonnet (Amazon Bedrock Edition)`. Null for any other service.
 */
export function modelFromServiceName(service: string): string | null {
  if (!isBedrockEdition(service)) return null;
  const trimmed = service.trim();
  const model = trimmed.slice(0, trimmed.length - BEDROCK_EDITION_SUFFIX.length).trim();
  return model.length > 0 ? model : null;
}

/** The kind of service a SERVICE name belongs to; `other` when unknown. */
export function serviceKind(service: string): ServiceKind {
  if (isBedrockEdition(service)) return 'bedrock-marketplace';
  const key = nameKey(service);
  const known = KIND_BY_SERVICE.get(key);
  if (known !== undefined) return known;
  if (key.startsWith('amazon sagemaker')) return 'sagemaker';
  return 'other';
}

/**
 * Whether a SERVICE is watched: a default or extra service, or any Bedrock
 * Edition listing, unless the settings exclude it by name.
 */
export function isWatchedService(service: string, settings: WatchSettings): boolean {
  const key = nameKey(service);
  if (namesOf(settings.excludedServices).has(key)) return false;
  if (DEFAULT_NAMES.has(key) || isBedrockEdition(service)) return true;
  return namesOf(settings.extraServices).has(key);
}

/**
 * The exact names to put in a Cost Explorer SERVICE filter: the defaults,
 * the extra services, and the watched names among `discovered` (from
 * `GetDimensionValues`, which finds the Bedrock Edition listings), less the
 * excluded ones. Each name once, in that order.
 */
export function watchedServiceNames(
  settings: WatchSettings,
  discovered: readonly string[] = [],
): string[] {
  const excluded = namesOf(settings.excludedServices);
  const seen = new Set<string>();
  const names: string[] = [];
  const candidates = [...DEFAULT_WATCHED_SERVICES, ...settings.extraServices, ...discovered];

  for (const candidate of candidates) {
    const name = candidate.trim();
    const key = nameKey(name);
    if (name.length === 0 || seen.has(key) || excluded.has(key)) continue;
    if (!isWatchedService(name, settings)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}
