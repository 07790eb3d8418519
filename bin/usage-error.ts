/** The command line was wrong: the message says what, the usage says how it should read. */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(
    message: string,
    readonly usage: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
