import type { Link, MistakeNumber } from '../report/report';

/**
 * How soon a mistake is worth fixing, as MISTAKES.md ranks them: urgent (1, 2
 * and 4), worth doing (3, 6 and 10), and the rest.
 */
export const PRIORITIES = ['urgent', 'worth-doing', 'other'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** One of the ten LLM cost mistakes, in the project's own words. */
export type Mistake = {
  readonly number: MistakeNumber;
  readonly title: string;
  readonly priority: Priority;
  /** Why it costs money, in one sentence. */
  readonly costs: string;
  /** What the bill shows when it happens, in one sentence. */
  readonly billShows: string;
  /** What to do about it, in order. */
  readonly remediation: readonly string[];
  /** AWS documentation that shows how; the first is the default for tips. */
  readonly links: readonly [Link, ...Link[]];
};

const docs = (path: string) => `https://docs.aws.amazon.com/${path}`;

const LINKS = {
  promptRouting: {
    title: 'Intelligent prompt routing in Amazon Bedrock',
    url: docs('bedrock/latest/userguide/prompt-routing.html'),
  },
  evaluation: {
    title: 'Evaluate the performance of Amazon Bedrock resources',
    url: docs('bedrock/latest/userguide/evaluation.html'),
  },
  inferenceProfiles: {
    title: 'Application inference profiles: tag model calls to track their cost',
    url: docs('bedrock/latest/userguide/inference-profiles.html'),
  },
  costAllocationTags: {
    title: 'Organizing and tracking costs using AWS cost allocation tags',
    url: docs('awsaccountbilling/latest/aboutv2/cost-alloc-tags.html'),
  },
  promptCaching: {
    title: 'Prompt caching for faster model inference',
    url: docs('bedrock/latest/userguide/prompt-caching.html'),
  },
  customModels: {
    title: 'Customize a model to improve its performance for your use case',
    url: docs('bedrock/latest/userguide/custom-models.html'),
  },
  invocationLogging: {
    title: 'Monitor model invocation using CloudWatch Logs and Amazon S3',
    url: docs('bedrock/latest/userguide/model-invocation-logging.html'),
  },
  retryBehavior: {
    title: 'Retry behavior in the AWS SDKs',
    url: docs('sdkref/latest/guide/feature-retry-behavior.html'),
  },
  crossRegion: {
    title: 'Increase throughput with cross-Region inference',
    url: docs('bedrock/latest/userguide/cross-region-inference.html'),
  },
  globalCrossRegion: {
    title: 'Global cross-Region inference',
    url: docs('bedrock/latest/userguide/global-cross-region-inference.html'),
  },
  batchInference: {
    title: 'Process multiple prompts with batch inference',
    url: docs('bedrock/latest/userguide/batch-inference.html'),
  },
  anomalyDetection: {
    title: 'Detecting unusual spend with AWS Cost Anomaly Detection',
    url: docs('cost-management/latest/userguide/manage-ad.html'),
  },
  budgets: {
    title: 'Managing your costs with AWS Budgets',
    url: docs('cost-management/latest/userguide/budgets-managing-costs.html'),
  },
  provisionedThroughput: {
    title: 'Provisioned Throughput in Amazon Bedrock',
    url: docs('bedrock/latest/userguide/prov-throughput.html'),
  },
  endpointAutoScaling: {
    title: 'Automatic scaling of Amazon SageMaker AI models',
    url: docs('sagemaker/latest/dg/endpoint-auto-scaling.html'),
  },
  serverlessCapacity: {
    title: 'Managing capacity limits for Amazon OpenSearch Serverless',
    url: docs('opensearch-service/latest/developerguide/serverless-scaling.html'),
  },
  openSearchReserved: {
    title: 'Reserved Instances in Amazon OpenSearch Service',
    url: docs('opensearch-service/latest/developerguide/ri.html'),
  },
  ultraWarm: {
    title: 'UltraWarm storage for Amazon OpenSearch Service',
    url: docs('opensearch-service/latest/developerguide/ultrawarm.html'),
  },
  indexStateManagement: {
    title: 'Index State Management in Amazon OpenSearch Service',
    url: docs('opensearch-service/latest/developerguide/ism.html'),
  },
  kendraIndexTypes: {
    title: 'Index types in Amazon Kendra',
    url: docs('kendra/latest/dg/hiw-index-types.html'),
  },
  knowledgeBases: {
    title: 'Amazon Bedrock Knowledge Bases',
    url: docs('bedrock/latest/userguide/knowledge-base.html'),
  },
} as const satisfies Record<string, Link>;

/** The links the rules may choose from, by name. */
export const DOC_LINKS: Readonly<Record<keyof typeof LINKS, Link>> = LINKS;

/** The ten mistakes, numbered exactly as MISTAKES.md numbers them. */
export const CATALOGUE: Readonly<Record<MistakeNumber, Mistake>> = {
  1: {
    number: 1,
    title: 'Ignoring model complexity',
    priority: 'urgent',
    costs: 'Every call pays the rate of a heavier model than the work needs.',
    billShows:
      'Most token spend on the top tier of a family while a smaller tier exists, or the price ' +
      'per unit rising after a model switch.',
    remediation: [
      'Find which callers use the heavy model and what those calls do.',
      'Evaluate a smaller tier of the same family on a sample of those prompts.',
      'Route the calls that pass to the smaller model, or let intelligent prompt routing choose.',
    ],
    links: [LINKS.promptRouting, LINKS.evaluation],
  },
  2: {
    number: 2,
    title: 'Not tracking usage effectively',
    priority: 'urgent',
    costs: 'Money goes to workloads nobody owns, so nobody notices when it grows.',
    billShows:
      'Spend without a cost-allocation tag, no anomaly monitor or budget, and new meters ' +
      'that nobody announced.',
    remediation: [
      'Give every application an application inference profile with an owner tag.',
      'Activate that tag as a cost-allocation tag so Cost Explorer can split spend by it.',
      'Ask who started each new meter before it becomes a habit.',
    ],
    links: [LINKS.inferenceProfiles, LINKS.costAllocationTags],
  },
  3: {
    number: 3,
    title: 'Skimping on fine-tuning',
    priority: 'worth-doing',
    costs: 'Long instructions and context are paid for again on every single call.',
    billShows:
      'Input-token cost far above output-token cost for the same model, day after day, with ' +
      'no prompt-cache reads.',
    remediation: [
      'Cache the fixed prefix of the prompt (system prompt, documents, tool definitions).',
      'Trim what is repeated on every call.',
      'Where the instructions are long and stable, fine-tune a smaller model to know them.',
    ],
    links: [LINKS.promptCaching, LINKS.customModels],
  },
  4: {
    number: 4,
    title: 'Misconfiguring API usage',
    priority: 'urgent',
    costs: 'Retry storms, runaway loops and unbounded output bill tokens that do no work.',
    billShows:
      'Usage jumping while the price per unit stays flat, with no business change to match.',
    remediation: [
      'Check the invocation logs for repeated or looping requests from one caller.',
      'Bound retries with backoff and a retry limit; cap the output tokens per call.',
      'Set a token or request budget per caller so one bug cannot spend the month.',
    ],
    links: [LINKS.invocationLogging, LINKS.retryBehavior],
  },
  5: {
    number: 5,
    title: 'Not considering regional pricing',
    priority: 'other',
    costs: 'The same work is billed at a higher regional rate than it could be.',
    billShows:
      'One model billed in several regions, or a higher price per unit in one region than ' +
      'another.',
    remediation: [
      'List the regions each model is called in and the price per unit the bill shows there.',
      'Move callers to the cheaper region where data residency allows.',
      'Consider a cross-Region or global inference profile for throughput instead of a new region.',
    ],
    links: [LINKS.crossRegion, LINKS.globalCrossRegion],
  },
  6: {
    number: 6,
    title: 'Underestimating batch processing',
    priority: 'worth-doing',
    costs: 'Work that could wait pays on-demand rates instead of the batch discount.',
    billShows: 'Large, steady on-demand token spend and no batch-inference usage at all.',
    remediation: [
      'Find the jobs whose results nobody waits for (reports, tagging, back-fills, evaluations).',
      'Submit them as batch inference jobs from S3 instead of one call at a time.',
    ],
    links: [LINKS.batchInference],
  },
  7: {
    number: 7,
    title: 'Overlooking cloud cost management tools',
    priority: 'other',
    costs: 'Surprises are found on the invoice instead of the day they start.',
    billShows: 'No Cost Anomaly Detection monitor, or anomalies it raised that nobody acted on.',
    remediation: [
      'Create a Cost Anomaly Detection monitor for AWS services with an alert subscription.',
      'Answer each anomaly it raises (yes, no or planned activity) so it learns.',
      'Add an AWS Budget with a forecasted-spend alert for LLM services.',
    ],
    links: [LINKS.anomalyDetection, LINKS.budgets],
  },
  8: {
    number: 8,
    title: 'Failing to assess SLAs',
    priority: 'other',
    costs: 'Guaranteed capacity is paid for every hour whether anyone uses it or not.',
    billShows:
      'Provisioned throughput or hosted endpoints billed every hour of every day, weekends ' +
      'included, while on-demand use stays flat.',
    remediation: [
      'Check what latency and throughput the workload really needs, and when.',
      'Drop no-commitment provisioned throughput the on-demand quota can carry.',
      'Scale SageMaker endpoints with traffic, down to zero or serverless where allowed.',
    ],
    links: [LINKS.provisionedThroughput, LINKS.endpointAutoScaling],
  },
  9: {
    number: 9,
    title: 'Neglecting data management costs',
    priority: 'other',
    costs: 'Storage and indexing grow with every document and never shrink on their own.',
    billShows:
      'Vector store, knowledge base, custom-model storage or data-transfer charges growing week ' +
      'after week.',
    remediation: [
      'Set a retention rule for indexes, documents and old custom models.',
      'Cap OpenSearch Serverless capacity (OCUs) and remove collections nobody queries.',
      'Re-ingest knowledge bases incrementally instead of in full.',
    ],
    links: [LINKS.serverlessCapacity, LINKS.knowledgeBases],
  },
  10: {
    number: 10,
    title: 'Ignoring model selection by task',
    priority: 'worth-doing',
    costs: 'A flagship model does simple jobs that a small one would do as well.',
    billShows:
      'One premium model carrying most token spend of every workload, embeddings or ' +
      'classification included.',
    remediation: [
      'List the tasks the premium model serves: chat, summaries, extraction, classification.',
      'Evaluate a small model per task and move each task that passes.',
    ],
    links: [LINKS.evaluation, LINKS.promptRouting],
  },
};

/** Sort rank of a priority: urgent first. */
export function priorityRank(priority: Priority): number {
  return PRIORITIES.indexOf(priority);
}

/** The catalogue entry of a mistake. */
export function mistakeOf(mistake: MistakeNumber): Mistake {
  return CATALOGUE[mistake];
}
