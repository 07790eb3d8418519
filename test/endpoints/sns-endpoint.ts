import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { parse } from 'node:querystring';
import { closeServer, listenLocally, localUrl, readBody } from './local-server';

/** A message attribute as SNS keeps it. */
export type ReceivedAttribute = { readonly dataType: string; readonly value: string };

/** One Publish call SNS accepted. */
export type PublishedMessage = {
  readonly topicArn: string;
  readonly subject: string | null;
  readonly message: string;
  readonly structure: string | null;
  readonly attributes: Readonly<Record<string, ReceivedAttribute>>;
  readonly messageId: string;
  /** Bytes SNS counts against its limit: the message and its attributes. */
  readonly bytes: number;
};

/** An error in the AWS Query protocol's shape. */
export type AwsQueryError = {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly type?: 'Sender' | 'Receiver';
};

/** SNS's limit on a message with its attributes (AWS-FACTS.md, SNS Publish). */
export const SNS_MAX_BYTES = 262_144;

const XMLNS = 'http://sns.amazonaws.com/doc/2010-03-31/';

/**
 * A small stand-in for SNS speaking the AWS Query protocol (form-encoded
 * requests, XML responses) on 127.0.0.1, for the real `@aws-sdk/client-sns`.
 * It validates Publish as SNS does (subject, size, JSON structure), keeps
 * what it accepted, and can be told to fail the next calls of an action.
 */
export class LocalSnsEndpoint {
  readonly published: PublishedMessage[] = [];
  /** Every action received, failed ones included. */
  readonly calls: string[] = [];
  private readonly faults = new Map<string, AwsQueryError[]>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<LocalSnsEndpoint> {
    let endpoint: LocalSnsEndpoint | undefined;
    const server = await listenLocally((request, response) => endpoint?.handle(request, response));
    endpoint = new LocalSnsEndpoint(server);
    return endpoint;
  }

  get url(): string {
    return localUrl(this.server);
  }

  /** Makes the next calls of `action` fail with `errors`, one each, in order. */
  failNext(action: string, ...errors: AwsQueryError[]): void {
    this.faults.set(action, [...(this.faults.get(action) ?? []), ...errors]);
  }

  async close(): Promise<void> {
    await closeServer(this.server);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = parse(await readBody(request)) as Record<string, string | undefined>;
    const action = form.Action ?? '';
    this.calls.push(action);

    const fault = this.faults.get(action)?.shift();
    if (fault) return sendError(response, fault);
    if (action !== 'Publish') {
      return sendError(response, { status: 400, code: 'InvalidAction', message: action });
    }
    const published = this.publish(form);
    if ('code' in published) return sendError(response, published);

    this.published.push(published);
    send(
      response,
      200,
      `<PublishResponse xmlns="${XMLNS}"><PublishResult><MessageId>${published.messageId}` +
        `</MessageId></PublishResult>${metadata()}</PublishResponse>`,
    );
  }

  private publish(form: Record<string, string | undefined>): PublishedMessage | AwsQueryError {
    const message = form.Message ?? '';
    const subject = form.Subject ?? null;
    const structure = form.MessageStructure ?? null;
    const attributes = readAttributes(form);
    const bytes = Buffer.byteLength(message) + attributeBytes(attributes);

    const problem =
      subjectProblem(subject) ??
      (bytes > SNS_MAX_BYTES ? 'Message too long' : null) ??
      (structure === 'json' ? structureProblem(message) : null) ??
      attributeProblem(attributes);
    if (problem) return invalidParameter(problem);

    const serial = String(this.published.length + 1).padStart(12, '0');
    const messageId = `00000000-0000-4000-8000-${serial}`;
    const topicArn = form.TopicArn ?? '';
    return { topicArn, subject, message, structure, attributes, messageId, bytes };
  }
}

function subjectProblem(subject: string | null): string | null {
  if (subject === null) return null;
  // SNS: ASCII, no line breaks or control characters, under 100 characters.
  if (subject.length === 0 || subject.length >= 100) return 'Subject: must be under 100 characters';
  if (/[^\x20-\x7e]/.test(subject)) return 'Subject: must be ASCII text without control characters';
  return null;
}

function structureProblem(message: string): string | null {
  try {
    const parsed = JSON.parse(message) as Record<string, unknown>;
    if (typeof parsed.default !== 'string')
      return 'Message Structure - No default entry in JSON message body';
    const notText = Object.values(parsed).some((value) => typeof value !== 'string');
    return notText ? 'Message Structure - JSON message body values must be strings' : null;
  } catch {
    return 'Message Structure - JSON message body failed to parse';
  }
}

function attributeProblem(attributes: Readonly<Record<string, ReceivedAttribute>>): string | null {
  for (const [name, { dataType, value }] of Object.entries(attributes)) {
    if (dataType === 'Number' && !Number.isFinite(Number(value)))
      return `The message attribute '${name}' has an invalid numeric value: '${value}'.`;
    if (dataType === 'String.Array') {
      try {
        if (!Array.isArray(JSON.parse(value))) throw new Error('not an array');
      } catch {
        return `The message attribute '${name}' has an invalid message attribute value`;
      }
    }
  }
  return null;
}

// The Query protocol flattens attributes: MessageAttributes.entry.N.Name, .Value.DataType...
function readAttributes(
  form: Record<string, string | undefined>,
): Record<string, ReceivedAttribute> {
  const attributes: Record<string, ReceivedAttribute> = {};
  for (let index = 1; form[`MessageAttributes.entry.${index}.Name`]; index += 1) {
    const prefix = `MessageAttributes.entry.${index}`;
    attributes[form[`${prefix}.Name`] ?? ''] = {
      dataType: form[`${prefix}.Value.DataType`] ?? '',
      value: form[`${prefix}.Value.StringValue`] ?? '',
    };
  }
  return attributes;
}

function attributeBytes(attributes: Readonly<Record<string, ReceivedAttribute>>): number {
  return Object.entries(attributes).reduce(
    (sum, [name, { dataType, value }]) =>
      sum + Buffer.byteLength(name) + Buffer.byteLength(dataType) + Buffer.byteLength(value),
    0,
  );
}

function invalidParameter(message: string): AwsQueryError {
  return { status: 400, code: 'InvalidParameter', message: `Invalid parameter: ${message}` };
}

/** A throttling error as SNS sends it. */
export const throttled: AwsQueryError = {
  status: 400,
  code: 'Throttled',
  message: 'Rate exceeded',
};

/** A server-side failure, which the SDK retries. */
export const internalError: AwsQueryError = {
  status: 500,
  code: 'InternalError',
  message: 'An internal service error occurred.',
  type: 'Receiver',
};

/** An authorization error, as SNS sends it. */
export const authorizationError: AwsQueryError = {
  status: 403,
  code: 'AuthorizationError',
  message:
    'User: arn:aws:sts::123456789012:assumed-role/watchdog is not authorized to perform: ' +
    'SNS:Publish',
};

function sendError(response: ServerResponse, error: AwsQueryError): void {
  send(
    response,
    error.status,
    `<ErrorResponse xmlns="${XMLNS}"><Error><Type>${error.type ?? 'Sender'}</Type>` +
      `<Code>${error.code}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
      `<RequestId>req-${Date.now()}</RequestId></ErrorResponse>`,
  );
}

function metadata(): string {
  return `<ResponseMetadata><RequestId>req-${Date.now()}</RequestId></ResponseMetadata>`;
}

function send(response: ServerResponse, status: number, xml: string): void {
  response.writeHead(status, {
    'content-type': 'text/xml',
    'x-amzn-requestid': `req-${Date.now()}`,
  });
  response.end(xml);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
