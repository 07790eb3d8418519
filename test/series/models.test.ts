import { classifyModel } from '../../lambda/series/models';
import type { ModelTier } from '../../lambda/series/types';

describe('classifyModel', () => {
  it.each<[string, string | null, ModelTier | null]>([
    ['Claude Opus 4', 'claude', 'flagship'],
    ['Claude4.6Sonnet', 'claude', 'mid'],
    ['Claude 3 Haiku', 'claude', 'small'],
    ['anthropic.claude-instant-v1', 'claude', 'small'],
    ['Claude 2.1', 'claude', null],
    ['NovaPremier', 'nova', 'flagship'],
    ['NovaPro', 'nova', 'mid'],
    ['NovaLite', 'nova', 'small'],
    ['NovaMicro', 'nova', 'small'],
    ['Nova2Lite', 'nova', 'small'],
    ['NovaCanvas', 'nova', null],
    ['Titan Text Premier', 'titan', 'flagship'],
    ['TitanTextExpress', 'titan', 'mid'],
    ['TitanEmbedTextV2', 'titan', null],
    ['Llama3-1-405B-instruct', 'llama', 'flagship'],
    ['Llama 3.3 70B Instruct', 'llama', 'mid'],
    ['Llama3.2-1B', 'llama', 'small'],
    ['Llama4-Maverick-17B', 'llama', 'mid'],
    ['Llama4-Scout-17B', 'llama', 'small'],
    ['MistralLarge', 'mistral', 'flagship'],
    ['Pixtral Large 25.02', 'mistral', 'flagship'],
    ['Mixtral-8x7B', 'mistral', 'mid'],
    ['Mistral Small', 'mistral', 'small'],
    ['Mistral-7B-Instruct', 'mistral', 'small'],
    ['deepseek.r1', 'deepseek', 'flagship'],
    ['deepseek.v3.2', 'deepseek', 'mid'],
    ['Cohere Command R+', 'cohere', 'flagship'],
    ['CommandR', 'cohere', 'mid'],
    ['Command Light', 'cohere', 'small'],
    ['Jamba 1.5 Large', 'ai21', 'flagship'],
    ['Jamba 1.5 Mini', 'ai21', 'small'],
    ['openai.gpt-oss-120b', 'gpt-oss', 'flagship'],
    ['gpt-oss-20b', 'gpt-oss', 'small'],
    ['Qwen3-235B-A22B', 'qwen', 'flagship'],
    ['Qwen3-32B', 'qwen', 'mid'],
    ['Kimi-K2-Thinking', 'kimi', null],
    ['SomeNewModel', null, null],
    ['', null, null],
  ])('places %p in family %p, tier %p', (model, family, tier) => {
    expect(classifyModel(model)).toEqual({ family, tier });
  });
});
