import type { CliIo } from '../../bin/cli-io';

/** A CliIo that keeps what commands write, for in-process CLI tests. */
export function bufferIo(options: { tty?: boolean; env?: Record<string, string> } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (text: string) => out.push(text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => err.push(text) },
    env: options.env ?? {},
    now: () => new Date('2026-03-20T07:00:00Z'),
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
