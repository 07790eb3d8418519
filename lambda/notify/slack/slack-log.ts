import type { Logger } from '@aws-lambda-powertools/logger';
import { LogLevel, type Logger as SlackLogger } from '@slack/web-api';

/**
 * The Slack client's log, as JSON lines of the function's own logger.
 * Only warnings and errors pass: the client's debug lines echo requests.
 */
export function slackLogger(logger: Logger): SlackLogger {
  const line =
    (level: 'warn' | 'error') =>
    (...parts: unknown[]) =>
      logger[level]('slack client', { detail: parts.map(String).join(' ') });
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: line('warn'),
    error: line('error'),
    setLevel: () => undefined,
    getLevel: () => LogLevel.WARN,
    setName: () => undefined,
  };
}
