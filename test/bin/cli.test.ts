import { runCli } from '../../bin/cli';
import { bufferIo } from './buffer-io';

describe('runCli', () => {
  it('prints the usage and exits 2 when no command is given', async () => {
    const { io, stderr } = bufferIo();

    const code = await runCli([], io);

    expect(code).toBe(2);
    expect(stderr()).toContain('Usage: llm-cost-watchdog <command> [options]');
    expect(stderr()).toContain('scan');
  });

  it.each([['--help'], ['-h'], ['help']])('prints the usage on stdout for %s', async (flag) => {
    const { io, stdout } = bufferIo();

    const code = await runCli([flag], io);

    expect(code).toBe(0);
    expect(stdout()).toContain('Commands:');
  });

  it('names an unknown command, shows the usage and exits 2', async () => {
    const { io, stderr, stdout } = bufferIo();

    const code = await runCli(['scna'], io);

    expect(code).toBe(2);
    expect(stderr()).toContain('Unknown command "scna".');
    expect(stderr()).toContain('Usage: llm-cost-watchdog <command> [options]');
    expect(stdout()).toBe('');
  });

  it('does not take an inherited property name for a command', async () => {
    const { io, stderr } = bufferIo();

    const code = await runCli(['toString'], io);

    expect(code).toBe(2);
    expect(stderr()).toContain('Unknown command "toString".');
  });
});
