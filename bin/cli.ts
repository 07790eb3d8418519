import { type CliIo, type Command, EXIT, processIo } from './cli-io';
import { UsageError } from './usage-error';

export type { CliIo, Command, Writer } from './cli-io';

const PROGRAM = 'llm-cost-watchdog';

type CommandEntry = {
  readonly summary: string;
  /** Loaded on use, so a command's dependencies cost nothing to the others. */
  readonly load: () => Promise<Command>;
};

/** Every command of the CLI. Adding one is a line here and a file in bin/commands/. */
const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  scan: {
    summary: 'Print the report of a recorded capture (--input FILE) or of Cost Explorer now.',
    load: () => loadCommand('./commands/scan'),
  },
  record: {
    summary: "Record the account's Cost Explorer data as a capture that scan replays.",
    load: () => loadCommand('./commands/record'),
  },
  backtest: {
    summary: 'Replay a capture day by day: what would have been posted, with these settings.',
    load: () => import('./commands/backtest'),
  },
  config: {
    summary: "Show or check the watchdog's settings in SSM Parameter Store.",
    load: () => loadCommand('./commands/config'),
  },
};

/**
 * Loads a command module on use. `require`, not `import()`: when the CLI runs
 * through bin/llm-cost-watchdog.js, tsx compiles TypeScript for `require` only.
 */
function loadCommand(path: string): Promise<Command> {
  return Promise.resolve(require(path) as Command);
}

/** The CLI's own usage: its commands and how to get help on one. */
export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(
    ([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`,
  );
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Commands:',
    ...lines,
    '',
    `Run "${PROGRAM} <command> --help" for the options of a command.`,
  ].join('\n');
}

/**
 * Runs one command line (without the node and script arguments) and
 * returns its exit code: 0 done, 1 failed, 2 the command line was wrong.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(`${usage()}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }

  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (entry === undefined) {
    io.stderr.write(`Unknown command "${name}".\n\n${usage()}\n`);
    return EXIT.usage;
  }

  try {
    const command = await entry.load();
    return await command.run(rest, io);
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.stderr.write(`${error.message}\n\n${error.usage}\n`);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`Error: ${message}\n`);
  return EXIT.failed;
}

/** The entry point of `npm run watchdog` and of bin/llm-cost-watchdog.js. */
export async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2), processIo());
}

if (require.main === module) void main();
