import { chargeKindOf, TOKEN_CHARGE_KINDS, tokenSideOf } from './charge-kinds';
import { classifyModel } from './models';
import { billingRegion, DEFAULT_REGION } from './regions';
import { modelFromServiceName, serviceKind } from './services';
import type { RoutingTier, ServiceKind, UsageTypeInfo } from './types';

/** `USE1-MP:USE1_InputTokenCount-Units`: the Marketplace wrapper around the charge. */
const MARKETPLACE = /^MP:(?:[A-Z]{2,4}\d{0,2}_)?/;

const GLOBAL = /(?:^|[-_:.])global(?=$|[-_:.])/i;
const CROSS_REGION = /cross[-_]?region/i;
const BATCH = /batch/i;

/** Words that start the charge or routing part of a native Bedrock usage type. */
const CHARGE_WORDS = [
  'input',
  'output',
  'cache',
  'batch',
  'provisioned',
  'customi[sz]ation',
  'custom[-_]?model',
  'guardrail',
  'cross[-_]?region',
  'global',
  'reserved',
  'prompt',
  'completion',
  'tokens?(?![a-z])',
];

/** Where the model name ends: `NovaMicro` | `-input-tokens`. */
const MODEL_END = new RegExp(`(?:^|[-_])(?:${CHARGE_WORDS.join('|')})`, 'i');

/** Separators left around a model name once the charge words are cut off. */
const EDGE_SEPARATORS = /^[-_.:\s]+|[-_.:\s]+$/g;

function routingOf(rest: string): RoutingTier {
  if (GLOBAL.test(rest)) return 'global';
  if (CROSS_REGION.test(rest)) return 'cross-region';
  return 'standard';
}

/** The model named in a native Bedrock usage type, or null when none can be told apart. */
function modelInUsageType(rest: string): string | null {
  const end = MODEL_END.exec(rest);
  if (end === null) {
    const first = rest.split('-')[0] ?? '';
    return classifyModel(first).family === null ? null : first;
  }
  const model = rest.slice(0, end.index).replace(EDGE_SEPARATORS, '');
  return model.length > 0 ? model : null;
}

function modelOf(service: string, kind: ServiceKind, rest: string): string | null {
  if (kind === 'bedrock-marketplace') return modelFromServiceName(service);
  if (kind === 'bedrock') return modelInUsageType(rest);
  return null;
}

/** Splits off the billing code prefix (`USE1-`); without one the region is us-east-1. */
function splitRegion(usageType: string): { code: string | null; region: string; rest: string } {
  const dash = usageType.indexOf('-');
  const region = dash > 0 ? billingRegion(usageType.slice(0, dash)) : null;
  if (region === null) return { code: null, region: DEFAULT_REGION, rest: usageType };
  return { code: region.code, region: region.region, rest: usageType.slice(dash + 1) };
}

/**
 * Parses a usage type into region, model, charge kind and routing, using
 * the SERVICE it was billed under: Marketplace listings name the model in
 * the SERVICE (`Claude 3.5 Sonnet (Amazon Bedrock Edition)`), native
 * Bedrock in the usage type (`USE1-NovaMicro-input-tokens`).
 *
 * Tolerant by design: an unknown or malformed usage type still gives a
 * valid result, with null model fields and charge kind `other`. It never
 * throws.
 *
 * @example
 * parseUsageType('Amazon Bedrock', 'USW2-Claude4.6Sonnet-cache-read-input-token-count')
 * // region us-west-2, model Claude4.6Sonnet (claude, mid), cache-read, input tokens
 */
export function parseUsageType(service: string, usageType: string): UsageTypeInfo {
  const { code, region, rest: afterRegion } = splitRegion(usageType);
  const rest = afterRegion.replace(MARKETPLACE, '');

  const kindOfService = serviceKind(service);
  const chargeKind = chargeKindOf(rest, kindOfService);
  const model = modelOf(service, kindOfService, rest);
  const modelClass = model === null ? null : classifyModel(model);

  return {
    raw: usageType,
    regionCode: code,
    region,
    model,
    modelFamily: modelClass?.family ?? null,
    modelTier: modelClass?.tier ?? null,
    chargeKind,
    tokens: tokenSideOf(rest, chargeKind),
    batch: TOKEN_CHARGE_KINDS.has(chargeKind) && BATCH.test(rest),
    routing: routingOf(rest),
  };
}
