const FIXES: Readonly<Record<string, string>> = {
  AuthorizationErrorException:
    "the function's role may not publish to the topic (or use its KMS key): redeploy the stack, " +
    'which grants sns:Publish on the topic and kms:GenerateDataKey and kms:Decrypt on its key',
  NotFoundException:
    'the topic does not exist: check TOPIC_ARN, or deploy the stack that creates it',
  KMSAccessDeniedException:
    "grant the function's role kms:GenerateDataKey and kms:Decrypt on the topic's key",
  KMSDisabledException: "enable the topic's KMS key",
  InvalidParameterException: 'the message was refused as built; the error above says which part',
};

/** A Publish to the SNS topic that failed after the SDK's retries; keeps the cause. */
export class SnsDeliveryError extends Error {
  override readonly name = 'SnsDeliveryError';

  constructor(topicArn: string, cause: unknown) {
    super(`Publishing to SNS topic ${topicArn} failed: ${describe(cause)}`, { cause });
  }
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const fix = FIXES[cause.name];
  return `${cause.name}: ${cause.message}${fix ? `. Fix: ${fix}.` : ''}`;
}
