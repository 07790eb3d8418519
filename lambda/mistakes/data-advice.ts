import type { Meter } from '../series/types';
import { DOC_LINKS } from './catalogue';
import { type SearchAdvice, searchDataAdvice } from './search-advice';

/**
 * What to do about a storage, indexing or transfer meter that grows: the
 * next action and the page that shows how, fitted to what the meter bills
 * (custom-model storage, data transfer, a search or vector store, a
 * knowledge base's storage).
 */
export function dataAdvice(meter: Meter): SearchAdvice {
  const kind = meter.info.chargeKind;
  if (kind === 'custom-model-storage') {
    return {
      action: 'Delete the custom models and copies nobody invokes; each one bills storage monthly.',
      link: DOC_LINKS.customModels,
    };
  }
  if (kind === 'data-transfer') {
    return {
      action:
        'Find what moves the data (cross-region retrieval, full re-ingestion) and keep the store ' +
        'and its callers in one region.',
      link: DOC_LINKS.knowledgeBases,
    };
  }
  const search = searchDataAdvice(meter);
  if (search !== null) return search;
  if (meter.serviceKind !== 'vector-store' && kind === 'storage') {
    return {
      action:
        'Set a retention rule for the documents and embeddings behind this store, and sync ' +
        'knowledge bases incrementally instead of re-ingesting everything.',
      link: DOC_LINKS.knowledgeBases,
    };
  }
  return {
    action:
      'Set a retention rule for old documents and embeddings, and drop indexes and collections ' +
      'nobody queries.',
    link: DOC_LINKS.serverlessCapacity,
  };
}
