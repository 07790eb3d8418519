import { amountOf } from './amount';
import { dayNumber } from './days';
import { CaptureError, shown } from './errors';

/** A JSON object as parsed, before it is checked. */
export type JsonRecord = Readonly<Record<string, unknown>>;

/** Where fields are read from, and how to fix what is wrong with them. */
export type FieldContext = {
  readonly source: string;
  readonly operation: string;
  /** 0-based page, or null for an operation with a single response. */
  readonly page: number | null;
  readonly fix: string;
};

/** True for a JSON object (not null, not an array). */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Throws the `CaptureError` for one field. */
export function failAt(ctx: FieldContext, field: string, problem: string): never {
  const page = ctx.page === null ? null : ctx.page + 1;
  throw new CaptureError({ ...ctx, page, field, problem });
}

/** The value as a JSON object, or a `CaptureError` naming the field. */
export function recordAt(value: unknown, ctx: FieldContext, field: string): JsonRecord {
  if (!isRecord(value)) failAt(ctx, field, `is ${shown(value)}, not an object`);
  return value;
}

/** The value as a list, or a `CaptureError` naming the field. */
export function listAt(value: unknown, ctx: FieldContext, field: string): readonly unknown[] {
  if (!Array.isArray(value)) failAt(ctx, field, `is ${shown(value)}, not a list`);
  return value;
}

/** The value as a non-empty string, or a `CaptureError` naming the field. */
export function stringAt(value: unknown, ctx: FieldContext, field: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    failAt(ctx, field, `is ${shown(value)}, not a non-empty string`);
  }
  return value;
}

/** The value as a string, null when absent, or a `CaptureError` naming the field. */
export function optionalStringAt(value: unknown, ctx: FieldContext, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') failAt(ctx, field, `is ${shown(value)}, not a string`);
  return value;
}

/** The value (a number or a numeric string) as a number, or a `CaptureError`. */
export function numberAt(value: unknown, ctx: FieldContext, field: string): number {
  const amount = amountOf(value);
  if (Number.isNaN(amount)) failAt(ctx, field, `is ${shown(value)}, not a number`);
  return amount;
}

/** Like `numberAt`, but null when the value is absent. */
export function optionalNumberAt(value: unknown, ctx: FieldContext, field: string): number | null {
  if (value === undefined || value === null) return null;
  return numberAt(value, ctx, field);
}

const DAY_PREFIX = /^\d{4}-\d{2}-\d{2}(?:$|T)/;

/** A date as `YYYY-MM-DD`, from a day or a timestamp that starts with one; null when absent. */
export function optionalDayAt(value: unknown, ctx: FieldContext, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !DAY_PREFIX.test(value)) {
    failAt(ctx, field, `is ${shown(value)}, not a date (YYYY-MM-DD)`);
  }
  return value.slice(0, 10);
}

/** A required `YYYY-MM-DD` day. */
export function dayAt(value: unknown, ctx: FieldContext, field: string): string {
  if (dayNumber(value) === null) failAt(ctx, field, `is ${shown(value)}, not a day (YYYY-MM-DD)`);
  return value as string;
}

/** Operation responses as a list of pages; a single response counts as one page. */
export function pagesAt(value: unknown, ctx: FieldContext): readonly unknown[] {
  if (Array.isArray(value)) return value;
  if (isRecord(value)) return [value];
  throw new CaptureError({
    ...ctx,
    page: null,
    problem: `is ${shown(value)}, not a list of pages`,
  });
}
