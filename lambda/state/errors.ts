const FIXES: Readonly<Record<string, string>> = {
  ResourceNotFoundException:
    'the table does not exist: check STATE_TABLE_NAME, or deploy the stack that creates it',
  AccessDeniedException:
    "the function's role may not use the table: redeploy the stack, which grants it " +
    'GetItem, PutItem, UpdateItem, DeleteItem, Query and BatchWriteItem on the table',
  ValidationException: 'the table must have partition key pk (S) and sort key sk (S)',
};

/** A read or write of the state table that failed; keeps the SDK error as `cause`. */
export class StateError extends Error {
  override readonly name = 'StateError';

  constructor(action: string, tableName: string, cause: unknown) {
    super(`Could not ${action} in state table ${tableName}: ${describe(cause)}`, { cause });
  }
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const fix = FIXES[cause.name];
  return fix ? `${cause.name}: ${cause.message}; ${fix}.` : `${cause.name}: ${cause.message}`;
}

/** Another invocation of the same run date is delivering this message right now. */
export class DeliveryInProgressError extends Error {
  override readonly name = 'DeliveryInProgressError';

  constructor(channel: string, part: string, runDate: string, leaseUntil: string) {
    super(
      `Another invocation is delivering the ${channel} message ${part} of ${runDate} ` +
        `(its claim lasts until ${leaseUntil}); this attempt fails so that Lambda retries ` +
        'it after that claim has either been delivered or lapsed.',
    );
  }
}
