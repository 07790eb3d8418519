import { CollectError } from '../../lambda/collect/errors';
import { SettingsError } from '../../lambda/settings/errors';
import { type CliIo, EXIT } from '../cli-io';

/**
 * Runs the AWS part of a command. An error already explained (Cost Explorer
 * or SSM, with its fix) is printed as it is and fails the command with 1;
 * anything else goes on to the CLI's own handling.
 */
export async function explainingAwsErrors(io: CliIo, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof CollectError || error instanceof SettingsError)) throw error;
    io.stderr.write(`Error: ${error.message}\n`);
    return EXIT.failed;
  }
}
