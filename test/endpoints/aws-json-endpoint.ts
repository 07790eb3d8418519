import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { closeServer, listenLocally, localUrl, readBody } from './local-server';

/** One request received, as the service would see it. */
export type ReceivedCall = {
  readonly operation: string;
  readonly body: Record<string, unknown>;
  readonly headers: IncomingMessage['headers'];
};

/** An error in the AWS JSON protocol's shape: HTTP status and `__type`. */
export type AwsJsonError = {
  readonly status: number;
  readonly type: string;
  readonly message: string;
};

export type Reply = { readonly body: unknown } | { readonly error: AwsJsonError };

/** Answers one operation; it may look at the request and at how many came before. */
export type Responder = (body: Record<string, unknown>, call: number) => Reply | Promise<Reply>;

/**
 * A small stand-in for an AWS service speaking the JSON 1.0/1.1 protocol
 * (Cost Explorer, SSM, Secrets Manager) on 127.0.0.1. It keeps every call it
 * receives and can be told to fail the next calls of an operation.
 */
export class LocalAwsJsonEndpoint {
  readonly calls: ReceivedCall[] = [];
  private readonly faults = new Map<string, AwsJsonError[]>();
  private readonly matchedFaults: MatchedFault[] = [];

  private constructor(
    private readonly server: Server,
    private readonly responders: Record<string, Responder>,
  ) {}

  /** Starts listening on a free port of 127.0.0.1. */
  static async start(responders: Record<string, Responder>): Promise<LocalAwsJsonEndpoint> {
    let endpoint: LocalAwsJsonEndpoint | undefined;
    const server = await listenLocally((request, response) => endpoint?.handle(request, response));
    endpoint = new LocalAwsJsonEndpoint(server, responders);
    return endpoint;
  }

  /** The address to give an SDK client as `endpoint`. */
  get url(): string {
    return localUrl(this.server);
  }

  /** Makes the next calls of `operation` fail with `errors`, one each, in order. */
  failNext(operation: string, ...errors: AwsJsonError[]): void {
    this.faults.set(operation, [...(this.faults.get(operation) ?? []), ...errors]);
  }

  /**
   * Makes the next calls of `operation` whose request `matches` fail with
   * `errors`, one each, in order: a later page of a paged query, say.
   */
  failNextWhere(
    operation: string,
    matches: (body: Record<string, unknown>) => boolean,
    ...errors: AwsJsonError[]
  ): void {
    for (const error of errors) this.matchedFaults.push({ operation, matches, error });
  }

  callsOf(operation: string): ReceivedCall[] {
    return this.calls.filter((call) => call.operation === operation);
  }

  async close(): Promise<void> {
    await closeServer(this.server);
  }

  private takeMatchedFault(
    operation: string,
    body: Record<string, unknown>,
  ): AwsJsonError | undefined {
    const index = this.matchedFaults.findIndex(
      (fault) => fault.operation === operation && fault.matches(body),
    );
    if (index < 0) return undefined;
    return this.matchedFaults.splice(index, 1)[0]?.error;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readBody(request);
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = target.slice(target.lastIndexOf('.') + 1);
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const call = this.callsOf(operation).length;
    this.calls.push({ operation, body, headers: request.headers });

    const fault = this.takeMatchedFault(operation, body) ?? this.faults.get(operation)?.shift();
    const responder = this.responders[operation];
    const reply: Reply = fault
      ? { error: fault }
      : responder
        ? await responder(body, call)
        : { error: { status: 400, type: 'UnknownOperationException', message: operation } };

    const contentType = String(request.headers['content-type'] ?? 'application/x-amz-json-1.1');
    if ('error' in reply) {
      const { status, type, message } = reply.error;
      send(response, status, contentType, { __type: type, message }, type);
    } else {
      send(response, 200, contentType, reply.body);
    }
  }
}

type MatchedFault = {
  readonly operation: string;
  readonly matches: (body: Record<string, unknown>) => boolean;
  readonly error: AwsJsonError;
};

/** A throttling error as Cost Explorer sends it. */
export const limitExceeded: AwsJsonError = {
  status: 400,
  type: 'LimitExceededException',
  message: 'You have made too many calls in a short period of time.',
};

/** An access-denied error, as any service sends it. */
export const accessDenied = (action: string): AwsJsonError => ({
  status: 400,
  type: 'AccessDeniedException',
  message: `User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ${action}`,
});

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: unknown,
  errorType?: string,
): void {
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-amzn-requestid': `req-${Date.now()}`,
  };
  if (errorType) headers['x-amzn-errortype'] = errorType;
  response.writeHead(status, headers);
  response.end(JSON.stringify(body));
}
