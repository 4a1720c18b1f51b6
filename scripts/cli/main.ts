import { COMMAND_TABLE, commandNamed, overallUsage } from './command-table';
import { type CliIo, EXIT, type ExitCode, processIo, UsageError } from './io';

/** For scripts/cli/build-cli.mjs: which built chunk each command loads. */
export { COMMAND_TABLE } from './command-table';

/** The version `tallyroom --version` prints (package.json's; a test keeps them equal). */
export const CLI_VERSION = '0.1.0';

const HELP_FLAGS = new Set(['--help', '-h']);

/**
 * `tallyroom <command> [options]`: answers --version and every --help from the command table alone,
 * then loads and runs the one command asked for. Usage errors are one sentence on stderr, exit 2.
 */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(overallUsage());
    return EXIT.badInput;
  }
  if (HELP_FLAGS.has(name)) {
    io.out(overallUsage());
    return EXIT.ok;
  }
  if (name === 'help') return help(rest[0], io);
  if (name === '--version' || name === '-V') {
    io.out(`tallyroom ${CLI_VERSION}`);
    return EXIT.ok;
  }
  const entry = commandNamed(name);
  if (!entry) {
    io.err(`"${name}" is not a tallyroom command; run "tallyroom --help" for the list.`);
    return EXIT.badInput;
  }
  if (asksForHelp(rest)) {
    io.out(entry.usage);
    return EXIT.ok;
  }
  const command = await entry.load();
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return EXIT.badInput;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`${error.message.split('\n')[0]} Run "tallyroom ${name} --help" for its options.`);
      return EXIT.badInput;
    }
    throw error;
  }
}

/** --help or -h anywhere before a "--" (after which everything is a file name). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => HELP_FLAGS.has(arg));
}

/** `tallyroom help [command]`. */
function help(name: string | undefined, io: CliIo): ExitCode {
  if (name === undefined) {
    io.out(overallUsage());
    return EXIT.ok;
  }
  const entry = commandNamed(name);
  if (!entry) {
    io.err(
      `"${name}" is not a tallyroom command; the commands are ${COMMAND_TABLE.map((command) => command.name).join(', ')}.`,
    );
    return EXIT.badInput;
  }
  io.out(entry.usage);
  return EXIT.ok;
}
