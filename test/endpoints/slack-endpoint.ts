import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { parse } from 'node:querystring';
import { closeServer, listenLocally, localUrl, readBody } from './local-server';

/** A message the stand-in accepted, as Slack would keep it. */
export type PostedMessage = {
  readonly channel: string;
  readonly ts: string;
  readonly text: string;
  readonly blocks: readonly Record<string, unknown>[];
  readonly threadTs: string | null;
  readonly replyBroadcast: boolean;
};

/** What one call of a method should do instead of succeeding. */
export type SlackFault =
  | { readonly error: string; readonly needed?: string }
  | { readonly status: 429; readonly retryAfter: number }
  | { readonly status: 500 | 502 | 503 }
  /** No answer: the request is dropped after `hangMs`, and nothing is posted. */
  | { readonly hangMs: number };

export type SlackEndpointOptions = {
  /** The one bot token it accepts. */
  readonly token: string;
  /** Channel IDs the app is a member of. */
  readonly channels: readonly string[];
};

// Limits Slack applies to chat.postMessage (AWS-FACTS.md, Slack section).
const MAX_BLOCKS = 50;
const MAX_SECTION_TEXT = 3_000;
const MAX_HEADER_TEXT = 150;
const MAX_CONTEXT_ELEMENTS = 10;
// Slack refuses long messages with msg_blocks_too_long well before the documented caps.
const MAX_TOTAL_TEXT = 13_000;

/**
 * A small stand-in for the Slack Web API on 127.0.0.1, for the real
 * `@slack/web-api` client (`slackApiUrl`). It checks the token, the channel
 * and the Block Kit limits as Slack does, keeps what was posted, and can be
 * told to fail the next calls of a method.
 */
export class LocalSlackEndpoint {
  readonly posted: PostedMessage[] = [];
  /** Every call received, method and time, failed ones included. */
  readonly calls: { readonly method: string; readonly at: number }[] = [];
  private readonly faults = new Map<string, SlackFault[]>();
  private clock = 1_773_500_000;

  private constructor(
    private readonly server: Server,
    private readonly options: SlackEndpointOptions,
  ) {}

  static async start(options: SlackEndpointOptions): Promise<LocalSlackEndpoint> {
    let endpoint: LocalSlackEndpoint | undefined;
    const server = await listenLocally((request, response) => endpoint?.handle(request, response));
    endpoint = new LocalSlackEndpoint(server, options);
    return endpoint;
  }

  /** The `slackApiUrl` to give the client. */
  get url(): string {
    return localUrl(this.server, '/api/');
  }

  /** Makes the next calls of `method` fail, one fault each, in order. */
  failNext(method: string, ...faults: SlackFault[]): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...faults]);
  }

  callsOf(method: string): number {
    return this.calls.filter((call) => call.method === method).length;
  }

  /** Top-level messages of a channel (not thread replies). */
  alertsIn(channel: string): PostedMessage[] {
    return this.posted.filter((message) => message.channel === channel && !message.threadTs);
  }

  repliesTo(ts: string): PostedMessage[] {
    return this.posted.filter((message) => message.threadTs === ts);
  }

  async close(): Promise<void> {
    await closeServer(this.server);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = (request.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
    const body = parse(await readBody(request)) as Record<string, string | undefined>;
    this.calls.push({ method, at: Date.now() });

    const fault = this.faults.get(method)?.shift();
    if (fault && 'hangMs' in fault) return hang(response, fault.hangMs);
    if (fault && 'status' in fault) return this.sendStatus(response, fault);
    if (fault) return send(response, { ok: false, error: fault.error, needed: fault.needed });

    const token = String(request.headers.authorization ?? '').replace(/^Bearer /, '');
    if (token !== this.options.token) return send(response, { ok: false, error: 'invalid_auth' });
    if (method === 'auth.test') return send(response, { ok: true, user: 'watchdog' });
    if (method !== 'chat.postMessage')
      return send(response, { ok: false, error: 'unknown_method' });
    send(response, this.postMessage(body));
  }

  private postMessage(body: Record<string, string | undefined>): Record<string, unknown> {
    const channel = body.channel ?? '';
    if (!this.options.channels.includes(channel)) return { ok: false, error: 'channel_not_found' };

    const blocks = body.blocks ? (JSON.parse(body.blocks) as Record<string, unknown>[]) : [];
    const text = body.text ?? '';
    if (text === '' && blocks.length === 0) return { ok: false, error: 'no_text' };
    const invalid = blockProblem(blocks);
    if (invalid) return { ok: false, error: invalid };

    this.clock += 1;
    const message: PostedMessage = {
      channel,
      ts: `${this.clock}.000100`,
      text,
      blocks,
      threadTs: body.thread_ts ?? null,
      replyBroadcast: body.reply_broadcast === 'true',
    };
    this.posted.push(message);
    return { ok: true, channel, ts: message.ts, message: { text, ts: message.ts } };
  }

  private sendStatus(response: ServerResponse, fault: SlackFault & { status: number }): void {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if ('retryAfter' in fault) headers['retry-after'] = String(fault.retryAfter);
    response.writeHead(fault.status, headers);
    response.end(
      JSON.stringify({ ok: false, error: fault.status === 429 ? 'ratelimited' : 'fatal_error' }),
    );
  }
}

/** Slack's own error for a message that breaks a Block Kit limit, or null. */
function blockProblem(blocks: readonly Record<string, unknown>[]): string | null {
  if (blocks.length > MAX_BLOCKS) return 'invalid_blocks';
  let total = 0;
  for (const block of blocks) {
    const text = (block.text as { text?: string } | undefined)?.text ?? '';
    total += text.length;
    if (block.type === 'header' && text.length > MAX_HEADER_TEXT) return 'invalid_blocks';
    if (block.type === 'section' && text.length > MAX_SECTION_TEXT) return 'invalid_blocks';
    if (block.type === 'context') {
      const elements = (block.elements as { text?: string }[] | undefined) ?? [];
      if (elements.length > MAX_CONTEXT_ELEMENTS) return 'invalid_blocks';
      total += elements.reduce((sum, element) => sum + (element.text ?? '').length, 0);
    }
  }
  return total > MAX_TOTAL_TEXT ? 'msg_blocks_too_long' : null;
}

function hang(response: ServerResponse, hangMs: number): void {
  setTimeout(() => response.destroy(), hangMs).unref();
}

function send(response: ServerResponse, body: Record<string, unknown>): void {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}
