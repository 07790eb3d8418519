import type { Link } from '../report/report';
import type { Meter } from '../series/types';
import { DOC_LINKS } from './catalogue';

/**
 * What a search or vector-store meter bills, as far as its tip goes:
 * OpenSearch Serverless capacity (OCUs), the instances of a managed
 * OpenSearch domain, a domain's EBS storage, or an Amazon Kendra index.
 * Null for any other meter.
 */
export type SearchCharge =
  | 'serverless-ocu'
  | 'domain-instances'
  | 'domain-storage'
  | 'kendra-index';

/** A next action and the page that shows how. */
export type SearchAdvice = { readonly action: string; readonly link: Link };

const OCU = /ocu/i;
const DOMAIN_INSTANCE = /esinstance|\.search$/i;
const KENDRA = /kendra/i;
const SERVERLESS = /serverless/i;

/** Which search charge a meter bills, or null when it is not one of them. */
export function searchChargeOf(meter: Meter): SearchCharge | null {
  if (meter.serviceKind !== 'vector-store') return null;
  if (KENDRA.test(meter.service)) return 'kendra-index';
  if (OCU.test(meter.usageType)) return 'serverless-ocu';
  const serverless = SERVERLESS.test(meter.service) || SERVERLESS.test(meter.usageType);
  if (serverless) return null;
  // Outside Serverless, search capacity is a managed domain's instance hours.
  if (DOMAIN_INSTANCE.test(meter.usageType) || meter.info.chargeKind === 'search-capacity') {
    return 'domain-instances';
  }
  return meter.info.chargeKind === 'storage' ? 'domain-storage' : null;
}

const CAPACITY_ADVICE: Readonly<Record<SearchCharge, SearchAdvice>> = {
  'serverless-ocu': {
    action:
      'Set a maximum OCU capacity for OpenSearch Serverless, turn off standby replicas for ' +
      'development collections, and drop collections nobody queries.',
    link: DOC_LINKS.serverlessCapacity,
  },
  'domain-instances': {
    action:
      'Right-size the domain’s data nodes to their CPU and memory pressure, move indexes ' +
      'queried rarely to UltraWarm, and reserve the instances that stay.',
    link: DOC_LINKS.openSearchReserved,
  },
  'domain-storage': {
    action:
      'Set an Index State Management policy that deletes old indexes or moves them to ' +
      'UltraWarm, and keep only the replicas the domain needs.',
    link: DOC_LINKS.indexStateManagement,
  },
  'kendra-index': {
    action:
      'Check the index’s edition against its query volume: a GenAI Enterprise Edition index or ' +
      'a smaller edition may serve the same queries for less; delete indexes nobody queries.',
    link: DOC_LINKS.kendraIndexTypes,
  },
};

const DATA_ADVICE: Readonly<Record<SearchCharge, SearchAdvice>> = {
  'serverless-ocu': {
    action:
      'Cap the OpenSearch Serverless capacity (OCUs), drop indexes and collections nobody ' +
      'queries, and set a retention rule for old documents.',
    link: DOC_LINKS.serverlessCapacity,
  },
  'domain-instances': {
    action:
      'Move indexes queried rarely to UltraWarm or cold storage, and delete the ones nobody ' +
      'queries, before adding data nodes.',
    link: DOC_LINKS.ultraWarm,
  },
  'domain-storage': {
    action:
      'Set a retention rule for the indexed documents and an Index State Management policy ' +
      'that rolls over, moves to UltraWarm or deletes old indexes.',
    link: DOC_LINKS.indexStateManagement,
  },
  'kendra-index': {
    action:
      'Remove the data sources and documents nobody searches, and check whether a GenAI ' +
      'Enterprise Edition index or a smaller edition fits the index’s size and queries.',
    link: DOC_LINKS.kendraIndexTypes,
  },
};

/** What to do about a search meter billed around the clock, or null for another meter. */
export function searchCapacityAdvice(meter: Meter): SearchAdvice | null {
  const charge = searchChargeOf(meter);
  return charge === null ? null : CAPACITY_ADVICE[charge];
}

/** What to do about a search meter whose data grows, or null for another meter. */
export function searchDataAdvice(meter: Meter): SearchAdvice | null {
  const charge = searchChargeOf(meter);
  return charge === null ? null : DATA_ADVICE[charge];
}
