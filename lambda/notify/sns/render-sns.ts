import type { MessageAttributeValue } from '@aws-sdk/client-sns';
import { formatUsdWhole as usdWhole } from '../../report/format';
import type { Alert } from '../alert';
import { countsLine, totalImpact, worstSeverity } from '../describe';
import { renderAlertJson } from './alert-json';
import { emailHeadline, renderEmail } from './render-email';

/** What `Publish` takes for one alert, less the topic. */
export type SnsMessage = {
  readonly subject: string;
  /** A JSON object of strings per protocol (`MessageStructure: json`). */
  readonly message: string;
  readonly attributes: Record<string, MessageAttributeValue>;
  /** Bytes SNS counts against its limit: message and attributes. */
  readonly bytes: number;
  /** Findings left out of the text or the JSON to fit the limit. */
  readonly trimmed: boolean;
};

/** SNS's limit on one message with its attributes: 256 KB. */
export const SNS_MAX_BYTES = 262_144;
// Room for what SNS may count that is not measured here.
const SAFETY_BYTES = 2_048;
const SUBJECT_LIMIT = 99;

/**
 * The alert as one SNS message: an ASCII subject under 100 characters, the
 * plain text for `default` and `email`, the JSON for `sqs`, `lambda` and
 * `https`, and attributes to filter on. Past 256 KB it trims whichever of
 * the text and the JSON weighs more, a fifth of its findings at a time,
 * until the message fits, and says so in both. Pure.
 */
export function renderSnsMessage(alert: Alert, limitBytes = SNS_MAX_BYTES): SnsMessage {
  const budget = limitBytes - SAFETY_BYTES;
  const attributes = attributesOf(alert);
  const total = alert.fresh.length + alert.grown.length;
  let textFindings = total;
  let jsonFindings = total;
  let ended = alert.ended.length;

  for (;;) {
    const text = renderEmail(alert, {
      findings: textFindings,
      ended,
      trimmedNote: trimmedNote(total, textFindings, alert.ended.length, ended),
    });
    const json = JSON.stringify(renderAlertJson(alert, jsonFindings));
    const message = perProtocol(text, json);
    const bytes = Buffer.byteLength(message) + attributeBytes(attributes);
    const trimmed = textFindings < total || jsonFindings < total || ended < alert.ended.length;
    if (bytes <= budget) return { subject: subjectOf(alert), message, attributes, bytes, trimmed };
    if (textFindings === 0 && jsonFindings === 0 && ended === 0)
      return bareMessage(alert, attributes);

    // The JSON goes out three times and the text twice: cut whichever weighs more.
    const jsonWeight = 3 * Buffer.byteLength(json);
    const textWeight = 2 * Buffer.byteLength(text);
    if (jsonWeight >= textWeight && jsonFindings > 0) jsonFindings = shrink(jsonFindings);
    else if (textFindings > 0) textFindings = shrink(textFindings);
    else ended = shrink(ended);
  }
}

/** The subject line: ASCII, one line, under 100 characters. */
export function subjectOf(alert: Alert): string {
  const worst = worstSeverity(alert);
  const subject =
    worst === null
      ? `LLM cost watchdog: ${countsLine(alert)} as of ${alert.report.asOf}`
      : `LLM cost ${worst.toUpperCase()}: ${usdWhole(totalImpact(alert))}/month at stake, ` +
        countsLine(alert);
  return asciiLine(subject, SUBJECT_LIMIT);
}

// Notes alone past the limit: say what the alert was about and where to read the rest.
function bareMessage(alert: Alert, attributes: Record<string, MessageAttributeValue>): SnsMessage {
  const text =
    `LLM cost watchdog: ${emailHeadline(alert)}\n\nThis alert was too large for SNS even ` +
    'without its findings; `npm run watchdog -- scan` shows them.\n';
  const json = JSON.stringify({
    source: 'llm-cost-watchdog',
    version: 1,
    asOf: alert.report.asOf,
    severity: worstSeverity(alert),
    impactUsd: Math.round(totalImpact(alert) * 100) / 100,
    truncated: { findingsOmitted: alert.fresh.length + alert.grown.length, reason: 'size' },
  });
  const message = perProtocol(text, json);
  const bytes = Buffer.byteLength(message) + attributeBytes(attributes);
  return { subject: subjectOf(alert), message, attributes, bytes, trimmed: true };
}

function attributesOf(alert: Alert): Record<string, MessageAttributeValue> {
  const posted = [...alert.fresh, ...alert.grown.map((item) => item.finding)];
  const kinds = [...new Set(posted.map((finding) => finding.kind))];
  const mistakes = [
    ...new Set(posted.flatMap((finding) => finding.mistakes.map((match) => match.mistake))),
  ].sort((a, b) => a - b);
  return {
    severity: { DataType: 'String', StringValue: worstSeverity(alert) ?? 'none' },
    kinds: { DataType: 'String.Array', StringValue: JSON.stringify(kinds) },
    mistakes: { DataType: 'String.Array', StringValue: JSON.stringify(mistakes) },
    impactUsd: {
      DataType: 'Number',
      StringValue: (Math.round(totalImpact(alert) * 100) / 100).toFixed(2),
    },
  };
}

function attributeBytes(attributes: Record<string, MessageAttributeValue>): number {
  return Object.entries(attributes).reduce(
    (sum, [name, value]) =>
      sum +
      Buffer.byteLength(name) +
      Buffer.byteLength(value.DataType ?? '') +
      Buffer.byteLength(value.StringValue ?? ''),
    0,
  );
}

function trimmedNote(
  total: number,
  shown: number,
  ended: number,
  endedShown: number,
): string | null {
  if (shown >= total && endedShown >= ended) return null;
  return (
    `This message was shortened to fit SNS's 256 KB limit: it lists ${shown} of ${total} ` +
    `findings and ${endedShown} of ${ended} ended ones in full. Slack has the top findings; ` +
    '`npm run watchdog -- scan` shows them all.'
  );
}

/** Keeps printable ASCII on one line, as SNS requires of a subject. */
function asciiLine(text: string, limit: number): string {
  const ascii = text
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '')
    .trim();
  return ascii.length <= limit ? ascii : `${ascii.slice(0, limit - 3)}...`;
}

// A fifth fewer each time: close to the most that fits, in a dozen renders or so.
function shrink(count: number): number {
  return Math.floor(count * 0.8);
}

/**
 * The `MessageStructure: json` body: the e-mail text for people, the report
 * JSON for queues, functions and HTTPS endpoints.
 */
export function perProtocol(text: string, json: string): string {
  return JSON.stringify({ default: text, email: text, sqs: json, lambda: json, https: json });
}
