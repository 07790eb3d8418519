import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SHIM = join(ROOT, 'bin', 'llm-cost-watchdog.js');

function runShim(args: string[]) {
  return spawnSync(process.execPath, [SHIM, ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('bin/llm-cost-watchdog.js', () => {
  it('runs a command, loaded on use, as its own process', () => {
    const result = runShim(['scan', '--input', 'samples/demo-capture.json', '--format', 'json']);

    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).asOf).toBe('2026-03-20');
  });

  it('exits 2 on an unknown flag, with the message on stderr', () => {
    const result = runShim(['scan', '--frmat', 'json']);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown option --frmat for scan.');
    expect(result.stdout).toBe('');
  });

  it('is a script the shell can run', () => {
    expect(readFileSync(SHIM, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(SHIM).mode & 0o111).not.toBe(0);
  });
});
