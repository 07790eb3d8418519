/** Somewhere text goes: `process.stdout`, or a buffer in tests. */
export type Writer = {
  readonly write: (text: string) => unknown;
  /** True when it is a terminal, which allows colours. */
  readonly isTTY?: boolean;
};

/**
 * What a command may touch of the outside world, so that tests run commands
 * in-process with buffers, a chosen environment and a frozen clock.
 */
export type CliIo = {
  readonly stdout: Writer;
  readonly stderr: Writer;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now?: () => Date;
};

/** A command of the CLI: takes its own arguments, returns the exit code. */
export type Command = {
  readonly run: (argv: string[], io: CliIo) => Promise<number>;
};

/** Exit codes every command keeps to. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** The real process's streams and environment. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    now: () => new Date(),
  };
}

/** Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function wantsColor(io: CliIo): boolean {
  return io.stdout.isTTY === true && (io.env.NO_COLOR ?? '') === '';
}
