import { Logger } from '@aws-lambda-powertools/logger';
import { slackLogger } from '../../../lambda/notify/slack/slack-log';

describe('slackLogger', () => {
  it("passes the Slack client's warnings and errors on as JSON lines, and nothing below", () => {
    const lines: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => {
      lines.push(chunk);
      return true;
    }) as typeof process.stderr.write;
    try {
      const logger = slackLogger(new Logger({ serviceName: 'test', logLevel: 'DEBUG' }));
      logger.debug('http request body: {"token":"[[REDACTED]]"}');
      logger.info('API Call failed');
      logger.warn('http request failed', 'socket hang up');
    } finally {
      process.stderr.write = write;
    }

    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toEqual([
      expect.objectContaining({
        level: 'WARN',
        message: 'slack client',
        detail: 'http request failed socket hang up',
      }),
    ]);
  });
});
