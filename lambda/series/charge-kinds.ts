import type { ChargeKind, ServiceKind } from './types';

/** One way a usage type says what it bills for. */
export type ChargeRule = {
  readonly kind: ChargeKind;
  /** Tested against the usage type with its region prefix removed. */
  readonly pattern: RegExp;
  /** Only for meters of these kinds of service; any service when absent. */
  readonly serviceKinds?: readonly ServiceKind[];
};

/**
 * Charge kinds, checked in order: the first rule whose pattern matches
 * wins. More specific rules come first (`input-tokens-batch` is batch,
 * `cache-read-input-token-count` is a cache read, not plain input).
 * Patterns accept `-`, `_` or nothing between words, so native Bedrock
 * (`input-tokens-batch`) and Marketplace (`InputTokenCount_Batch`) spellings
 * both match.
 */
export const CHARGE_RULES: readonly ChargeRule[] = [
  { kind: 'guardrail', pattern: /guardrail/i },
  {
    kind: 'custom-model-training',
    pattern: /customi[sz]ation[-_]?training|custom[-_]?model[-_]?training|fine[-_]?tun/i,
  },
  {
    kind: 'custom-model-storage',
    pattern: /customi[sz]ation[-_]?storage|custom[-_]?model[-_]?storage/i,
  },
  {
    kind: 'provisioned-throughput',
    pattern: /provisioned[-_]?throughput|model[-_]?units?(?![a-z])|reserved[-_].*tpm/i,
  },
  { kind: 'custom-model-inference', pattern: /custom[-_]?model/i },
  { kind: 'batch', pattern: /batch/i },
  { kind: 'cache-read', pattern: /cache[-_]?read/i },
  { kind: 'cache-write', pattern: /cache[-_]?write/i },
  { kind: 'input-tokens', pattern: /input[-_]?tokens?|prompt[-_]?tokens?/i },
  { kind: 'output-tokens', pattern: /output[-_]?tokens?|completion[-_]?tokens?/i },
  { kind: 'endpoint-hours', pattern: /(?:^|[-_])host:/i },
  { kind: 'notebook', pattern: /(?:^|[-_])notebk:|notebook/i },
  { kind: 'training', pattern: /(?:^|[-_])train:/i },
  {
    kind: 'data-transfer',
    pattern: /data[-_]?transfer|(?:^|-)(?:in|out)-bytes|(?:^|-)aws-(?:in|out)-|(?:^|-)cloudfront/i,
  },
  { kind: 'storage', pattern: /storage|volume[-_]?usage|byte[-_]?hrs|gb[-_]?mo|snapshot/i },
  {
    kind: 'search-capacity',
    pattern: /ocu|instance|\.search|edition|capacity|hours|hrs|quer/i,
    serviceKinds: ['vector-store'],
  },
];

/** Charge kinds billed per token, which have an input or output side. */
export const TOKEN_CHARGE_KINDS: ReadonlySet<ChargeKind> = new Set<ChargeKind>([
  'input-tokens',
  'output-tokens',
  'cache-read',
  'cache-write',
  'batch',
  'custom-model-inference',
]);

const OUTPUT_SIDE = /output|completion/i;
const INPUT_SIDE = /input|prompt/i;
const CACHE = /cache/i;

/** The rule that applies to a usage type (region prefix removed), or `other`. */
export function chargeKindOf(rest: string, serviceKind: ServiceKind): ChargeKind {
  for (const rule of CHARGE_RULES) {
    if (rule.serviceKinds !== undefined && !rule.serviceKinds.includes(serviceKind)) continue;
    if (rule.pattern.test(rest)) return rule.kind;
  }
  return 'other';
}

/** Which side of the call a token meter bills; cache tokens are always input. */
export function tokenSideOf(rest: string, kind: ChargeKind): 'input' | 'output' | null {
  if (!TOKEN_CHARGE_KINDS.has(kind)) return null;
  if (OUTPUT_SIDE.test(rest)) return 'output';
  if (INPUT_SIDE.test(rest) || CACHE.test(rest)) return 'input';
  return null;
}
