// The `meetings` command: dispatch, help, and the exit-code contract (0 clean, 1 findings, 2 usage or I/O).
import { runActions } from './actions-command';
import { UsageError } from './args';
import { localeFlagOf, localeFor, type Io } from './context';
import { helpText } from './help';
import { runLint } from './lint-command';
import { runNew } from './new-command';
import { runReport } from './report-command';
import { runSeries } from './series-command';
import { VERSION } from './version';
import { ConfigLoader } from '../node/config-loader';
import { reasonText } from '../node/file-reason';
import { PathError } from '../node/walk';

const COMMANDS: Record<string, (argv: readonly string[], io: Io) => number | Promise<number>> = { lint: runLint, actions: runActions, new: runNew, report: runReport, series: runSeries };

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const topic = rest[0] !== undefined && !rest[0].startsWith('-') ? rest[0] : null;
    if (topic !== null && !Object.hasOwn(COMMANDS, topic)) {
      io.stderr(`meetings: unknown command "${topic}" (try: meetings --help)\n`);
      return 2;
    }
    io.stdout(helpText(topic, io.env, rest));
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const handler = COMMANDS[command];
  if (!handler) {
    io.stderr(`meetings: unknown command "${command}" (try: meetings --help)\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(helpText(command, io.env, rest));
    return 0;
  }
  try {
    return await handler(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`meetings ${command}: ${error.message} (see: meetings ${command} --help)\n`);
      return 2;
    }
    if (error instanceof PathError) {
      const locale = localeFor(localeFlagOf(rest), new ConfigLoader().configFor(io.cwd), io.env);
      io.stderr(`meetings: ${error.given}: ${reasonText(error.reason, locale)}\n`);
      return 2;
    }
    throw error;
  }
}

/** Entry point of the bin script. */
export async function main(argv: readonly string[]): Promise<number> {
  const io: Io = {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    env: process.env,
    now: () => new Date(),
  };
  try {
    return await run(argv, io);
  } catch (error) {
    io.stderr(`meetings: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}
