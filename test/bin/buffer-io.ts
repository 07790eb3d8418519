import type { CliIo } from '../../bin/cli-io';

export type BufferIoOptions = {
  /** Whether stdout is a terminal. @default false */
  readonly tty?: boolean;
  /** The environment the command sees. @default {} */
  readonly env?: Record<string, string | undefined>;
  /** The command's clock. @default 2026-03-20T07:00:00Z */
  readonly now?: Date;
};

/** A CliIo that keeps what commands write, for in-process CLI tests. */
export function bufferIo(options: BufferIoOptions = {}) {
  const now = options.now ?? new Date('2026-03-20T07:00:00Z');
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (text: string) => out.push(text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => err.push(text) },
    env: options.env ?? {},
    now: () => now,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
