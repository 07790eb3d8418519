import type { ModelTier } from './types';

/** A model's family and its place in the family's price ladder. */
export type ModelClass = {
  readonly family: string | null;
  readonly tier: ModelTier | null;
};

/** A word in a model name that sets its tier, matched in the compact name. */
type TierWord = { readonly word: string; readonly tier: ModelTier };

/** One model family: the words that name it and the words that rank its models. */
type FamilyRule = {
  readonly family: string;
  /** Any of these in the compact name (lower case, letters and digits only). */
  readonly names: readonly string[];
  /** Checked in order; the first word found sets the tier. */
  readonly tiers: readonly TierWord[];
  /** Rank by parameter count (`70B`) when no tier word matched. */
  readonly bySize: boolean;
};

/** Tiers by parameter count in billions, largest first. */
export const SIZE_TIERS: readonly { readonly minBillions: number; readonly tier: ModelTier }[] = [
  { minBillions: 200, tier: 'flagship' },
  { minBillions: 30, tier: 'mid' },
  { minBillions: 0, tier: 'small' },
];

/**
 * Model families as billed through Bedrock, checked in order. Names and tier
 * words are matched in the compact model name, so `Claude4.6Sonnet`,
 * `anthropic.claude-sonnet-4` and `Claude 3.5 Sonnet` all read the same.
 */
export const MODEL_FAMILIES: readonly FamilyRule[] = [
  {
    family: 'claude',
    names: ['claude', 'anthropic'],
    tiers: [
      { word: 'opus', tier: 'flagship' },
      { word: 'sonnet', tier: 'mid' },
      { word: 'haiku', tier: 'small' },
      { word: 'instant', tier: 'small' },
    ],
    bySize: false,
  },
  {
    family: 'nova',
    names: ['nova'],
    tiers: [
      { word: 'premier', tier: 'flagship' },
      { word: 'pro', tier: 'mid' },
      { word: 'lite', tier: 'small' },
      { word: 'micro', tier: 'small' },
    ],
    bySize: false,
  },
  {
    family: 'titan',
    names: ['titan'],
    tiers: [
      { word: 'premier', tier: 'flagship' },
      { word: 'express', tier: 'mid' },
      { word: 'lite', tier: 'small' },
    ],
    bySize: false,
  },
  {
    family: 'llama',
    names: ['llama'],
    tiers: [
      { word: 'maverick', tier: 'mid' },
      { word: 'scout', tier: 'small' },
    ],
    bySize: true,
  },
  {
    family: 'mistral',
    names: ['mistral', 'mixtral', 'pixtral', 'ministral', 'magistral', 'devstral', 'codestral'],
    tiers: [
      { word: 'large', tier: 'flagship' },
      { word: 'medium', tier: 'mid' },
      { word: 'mixtral', tier: 'mid' },
      { word: 'small', tier: 'small' },
      { word: 'ministral', tier: 'small' },
    ],
    bySize: true,
  },
  {
    family: 'deepseek',
    names: ['deepseek'],
    tiers: [
      { word: 'r1', tier: 'flagship' },
      { word: 'v3', tier: 'mid' },
    ],
    bySize: false,
  },
  {
    family: 'cohere',
    names: ['cohere', 'command'],
    tiers: [
      { word: 'commanda', tier: 'flagship' },
      { word: 'commandrplus', tier: 'flagship' },
      { word: 'commandlight', tier: 'small' },
      { word: 'commandr', tier: 'mid' },
    ],
    bySize: false,
  },
  {
    family: 'ai21',
    names: ['jamba', 'jurassic', 'ai21'],
    tiers: [
      { word: 'large', tier: 'flagship' },
      { word: 'ultra', tier: 'flagship' },
      { word: 'mini', tier: 'small' },
      { word: 'mid', tier: 'mid' },
    ],
    bySize: false,
  },
  {
    family: 'gpt-oss',
    names: ['gptoss'],
    tiers: [
      { word: '120b', tier: 'flagship' },
      { word: '20b', tier: 'small' },
    ],
    bySize: false,
  },
  { family: 'qwen', names: ['qwen'], tiers: [], bySize: true },
  { family: 'gemma', names: ['gemma'], tiers: [], bySize: true },
  { family: 'kimi', names: ['kimi'], tiers: [], bySize: false },
  { family: 'minimax', names: ['minimax'], tiers: [], bySize: false },
  { family: 'palmyra', names: ['palmyra', 'writer'], tiers: [], bySize: false },
  {
    family: 'stability',
    names: ['stability', 'stablediffusion', 'stableimage', 'sdxl', 'sd3'],
    tiers: [],
    bySize: false,
  },
  { family: 'twelvelabs', names: ['twelvelabs', 'marengo', 'pegasus'], tiers: [], bySize: false },
];

/** `70B`, `1.5b`, `405B` as a whole word; not a digit of a version before it. */
const SIZE = /(?<![\d.])(\d+(?:\.\d+)?)b(?![a-z0-9])/;

const UNKNOWN: ModelClass = { family: null, tier: null };

/** Lower case, `+` spelled out, everything but letters and digits removed. */
function compact(model: string): string {
  return model
    .toLowerCase()
    .replace(/\+/g, 'plus')
    .replace(/[^a-z0-9]/g, '');
}

function tierBySize(model: string): ModelTier | null {
  const size = SIZE.exec(model.toLowerCase());
  if (size === null) return null;
  const billions = Number(size[1]);
  return SIZE_TIERS.find((entry) => billions >= entry.minBillions)?.tier ?? null;
}

/**
 * The family and tier of a model name as billed (`NovaMicro`,
 * `deepseek.v3.2`, `Claude Opus 4`, `Llama3-1-70B-instruct`). An unknown
 * model has a null family and tier.
 */
export function classifyModel(model: string): ModelClass {
  const name = compact(model);
  const rule = MODEL_FAMILIES.find((entry) => entry.names.some((word) => name.includes(word)));
  if (rule === undefined) return UNKNOWN;

  const word = rule.tiers.find((entry) => name.includes(entry.word));
  if (word !== undefined) return { family: rule.family, tier: word.tier };

  return { family: rule.family, tier: rule.bySize ? tierBySize(model) : null };
}
