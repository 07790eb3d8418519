/**
 * Settings could not be read at all (as opposed to a bad value, which only
 * becomes a warning). The message names what failed and the fix.
 */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
