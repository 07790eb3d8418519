import type { Template } from 'aws-cdk-lib/assertions';

/** An IAM statement with its intrinsics written out, e.g. `<Watchdog/Logs.Arn>`. */
export type ReadableStatement = {
  readonly policy: string;
  readonly effect: string;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
};

type Resources = Record<
  string,
  { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }
>;

/**
 * Reads a synthesized template the way a reviewer would: references become
 * `<construct path>` or `<construct path.Attribute>`, joins are joined and
 * pseudo parameters stay as `<AWS::Region>`.
 */
export class ReadableTemplate {
  private readonly resources: Resources;

  constructor(template: Template) {
    this.resources = template.toJSON().Resources as Resources;
  }

  /** The construct path of a resource, without the stack and the trailing `/Resource`. */
  pathOf(logicalId: string): string {
    const path = this.resources[logicalId]?.Metadata?.['aws:cdk:path'];
    if (typeof path !== 'string') return logicalId;
    return path
      .split('/')
      .slice(1)
      .join('/')
      .replace(/\/(Resource|Default)$/, '')
      .replace(/\/Resource$/, '');
  }

  text(value: unknown): string {
    if (typeof value === 'string') return value;
    if (typeof value !== 'object' || value === null) return JSON.stringify(value);

    const intrinsic = value as Record<string, unknown>;
    if (typeof intrinsic.Ref === 'string') {
      return intrinsic.Ref.startsWith('AWS::')
        ? `<${intrinsic.Ref}>`
        : `<${this.pathOf(intrinsic.Ref)}>`;
    }
    const getAtt = intrinsic['Fn::GetAtt'];
    if (Array.isArray(getAtt)) return `<${this.pathOf(String(getAtt[0]))}.${String(getAtt[1])}>`;
    const join = intrinsic['Fn::Join'];
    if (Array.isArray(join)) {
      const [separator, parts] = join as [string, unknown[]];
      return parts.map((part) => this.text(part)).join(separator);
    }
    return JSON.stringify(value);
  }

  /** Every statement of every IAM policy in the template, in template order. */
  iamStatements(): ReadableStatement[] {
    return Object.entries(this.resources)
      .filter(([, resource]) => resource.Type === 'AWS::IAM::Policy')
      .flatMap(([logicalId, resource]) => {
        const document = resource.Properties?.PolicyDocument as { Statement: Statement[] };
        return document.Statement.map((statement) => ({
          policy: this.pathOf(logicalId),
          effect: statement.Effect,
          actions: asList(statement.Action).map((action) => this.text(action)),
          resources: asList(statement.Resource).map((resource) => this.text(resource)),
        }));
      });
  }
}

type Statement = { Effect: string; Action: unknown; Resource: unknown };

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}
