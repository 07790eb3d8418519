import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS_TABLE } from '../lambda/settings/defaults';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

describe('README', () => {
  it('starts with the demo and the test command', () => {
    const start = readme.split('\n').slice(0, 30).join('\n');

    expect(start).toContain('npm ci && npm run demo');
    expect(start).toContain('npm test');
  });

  it.each(SETTINGS_TABLE.map((spec) => [spec.parameter, spec.defaultValue]))(
    'documents the %s parameter with its default %s',
    (parameter, defaultValue) => {
      const row = new RegExp(
        `\\| \`${escaped(parameter)}\` +\\| \`${escaped(defaultValue)}\` +\\|`,
      );
      expect(readme).toMatch(row);
    },
  );
});

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
