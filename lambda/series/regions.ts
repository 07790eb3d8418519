/**
 * Billing region codes as they prefix usage types (`USE1-...`), from the
 * AWS "Region billing codes" page. A usage type with no prefix is billed in
 * us-east-1.
 */
export const BILLING_REGIONS: Readonly<Record<string, string>> = {
  USE1: 'us-east-1',
  USE2: 'us-east-2',
  USW1: 'us-west-1',
  USW2: 'us-west-2',
  CAN1: 'ca-central-1',
  CAN2: 'ca-west-1',
  EU: 'eu-west-1',
  EUC1: 'eu-central-1',
  EUW2: 'eu-west-2',
  EUW3: 'eu-west-3',
  EUN1: 'eu-north-1',
  APN1: 'ap-northeast-1',
  APN2: 'ap-northeast-2',
  APN3: 'ap-northeast-3',
  APS1: 'ap-southeast-1',
  APS2: 'ap-southeast-2',
  APS3: 'ap-south-1',
  APS4: 'ap-southeast-3',
  APS5: 'ap-south-2',
  APE1: 'ap-east-1',
  SAE1: 'sa-east-1',
  MXC1: 'mx-central-1',
  AFS1: 'af-south-1',
};

/** The region of a usage type that has no billing code prefix. */
export const DEFAULT_REGION = 'us-east-1';

const REGION_BY_CODE = new Map(Object.entries(BILLING_REGIONS));

/** Shaped like a billing code (`ILC1`), for codes newer than the table. */
const CODE_SHAPE = /^[A-Z]{2,4}\d{1,2}$/;

/** A usage type's leading billing code and the region it stands for. */
export type BillingRegion = { readonly code: string; readonly region: string };

/**
 * Reads a billing code. A code missing from the table but shaped like one
 * is kept, with the code itself standing in for the region name, so that
 * meters of a new region still group apart from us-east-1.
 */
export function billingRegion(segment: string): BillingRegion | null {
  const region = REGION_BY_CODE.get(segment);
  if (region !== undefined) return { code: segment, region };
  if (CODE_SHAPE.test(segment)) return { code: segment, region: segment };
  return null;
}
