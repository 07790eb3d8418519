import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildSync } from 'esbuild';
import { WatchdogFunction } from '../../lib/watchdog-function';

// The bundle esbuild wrote for the function, found through the template.
let assetDir: string;
let outdir: string;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'watchdog-bundle-'));
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Bundle');
  new WatchdogFunction(stack, 'Watchdog', {
    environment: {
      parameterPrefix: '/llm-cost-watchdog/',
      topicArn: 'arn:aws:sns:us-east-1:123456789012:alerts',
      slackTokenSecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:token-AbCdEf',
      stateTableName: 'state',
    },
  });

  app.synth();
  const [fn] = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'));
  const zip = String(fn?.Properties.Code.S3Key);
  assetDir = join(outdir, `asset.${zip.replace(/\.zip$/, '')}`);
}, 120_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/**
 * Module specifiers the bundle still imports or requires, as esbuild's own
 * parser sees them (so text inside strings does not count).
 */
function importedSpecifiers(file: string): string[] {
  const { metafile } = buildSync({
    entryPoints: [file],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  // `<runtime>` is code of the esbuild run here, not an import of the bundle.
  const imports = Object.values(metafile.inputs)
    .flatMap((input) => input.imports)
    .filter((entry) => entry.path !== '<runtime>');
  return [...new Set(imports.map((entry) => entry.original ?? entry.path))].sort();
}

describe('the function bundle', () => {
  it('is one ESM file with its source map', () => {
    expect(existsSync(join(assetDir, 'index.mjs'))).toBe(true);
    expect(existsSync(join(assetDir, 'index.mjs.map'))).toBe(true);
    expect(readFileSync(join(assetDir, 'index.mjs'), 'utf8')).toMatch(
      /\/\/# sourceMappingURL=index\.mjs\.map\s*$/,
    );
  });

  it('imports only Node.js built-ins: everything else is bundled, the AWS SDK too', () => {
    const code = readFileSync(join(assetDir, 'index.mjs'), 'utf8');
    const specifiers = importedSpecifiers(join(assetDir, 'index.mjs'));

    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((specifier) => !isBuiltin(specifier))).toEqual([]);
    expect(code).toContain('GetCostAndUsage');
  });

  it('loads in a fresh Node.js process, away from node_modules, and exports handler', () => {
    const isolated = mkdtempSync(join(tmpdir(), 'watchdog-load-'));
    try {
      copyFileSync(join(assetDir, 'index.mjs'), join(isolated, 'index.mjs'));
      copyFileSync(join(assetDir, 'index.mjs.map'), join(isolated, 'index.mjs.map'));
      const url = pathToFileURL(join(isolated, 'index.mjs')).href;
      const script = [
        `const bundle = await import(${JSON.stringify(url)});`,
        'console.log(JSON.stringify({ handler: typeof bundle.handler }));',
      ].join('\n');

      const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: isolated,
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          HOME: isolated,
          NODE_OPTIONS: '--enable-source-maps',
          AWS_REGION: 'us-east-1',
          PARAMETER_PREFIX: '/llm-cost-watchdog/',
          TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:alerts',
          SLACK_TOKEN_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:t-AbCdEf',
          STATE_TABLE_NAME: 'state',
          POWERTOOLS_SERVICE_NAME: 'llm-cost-watchdog',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });

      expect(JSON.parse(output.trim().split('\n').at(-1) ?? '{}')).toEqual({ handler: 'function' });
    } finally {
      rmSync(isolated, { recursive: true, force: true });
    }
  });
});
