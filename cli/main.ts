/**
 * `basic-header`: the command-line shell over core/ (issue 5). This file only
 * routes: refuse secrets on argv, parse options, print help or the version,
 * then load the one command asked for. `test` (undici, jose, core/okta) is
 * imported lazily so `encode` and `decode` start as fast as Node itself.
 */
import { parseArgs } from './args';
import { COMMAND_OPTIONS, COMMANDS, COMMON_OPTIONS, KNOWN_OPTION_NAMES, isCommand, type CommandName } from './command-specs';
import type { CommandContext } from './command-context';
import { EXIT, type ExitCode } from './exit-codes';
import { commandHelp, generalHelp } from './help';
import { Output } from './output';
import { findKeyMaterialArgument, findSecretOption, keyMaterialMessage, refusedInRotation, secretOptionMessage } from './secret-flag-guard';
import { VERSION } from './version';

/** Options accepted before the command as well as after it. */
const LEADING_GLOBALS = new Set(['--debug', '--no-color']);

async function runCommand(command: CommandName, ctx: CommandContext): Promise<ExitCode> {
  switch (command) {
    case 'encode':
      return (await import('./commands/encode')).runEncode(ctx);
    case 'decode':
      return (await import('./commands/decode')).runDecode(ctx);
    case 'test':
      return (await import('./commands/test')).runTest(ctx);
    case 'keygen':
      return (await import('./commands/keygen')).runKeygen(ctx);
  }
}

async function main(argv: readonly string[], output: Output): Promise<ExitCode> {
  // First of all: a secret on argv is refused before it can be used for anything.
  // Key material first: PEM text starts with dashes, so it would otherwise pass for an option name.
  const keyArgument = findKeyMaterialArgument(argv);
  if (keyArgument !== null) {
    output.error(keyMaterialMessage(keyArgument));
    return EXIT.usage;
  }
  const secretOption = findSecretOption(argv, KNOWN_OPTION_NAMES);
  if (secretOption !== null) {
    output.error(secretOptionMessage(secretOption, refusedInRotation(argv, secretOption)));
    return EXIT.usage;
  }
  let start = 0;
  while (start < argv.length && LEADING_GLOBALS.has(argv[start] ?? '')) start += 1;
  const leading = argv.slice(0, start);
  const [first, ...rest] = argv.slice(start);
  if (first === undefined) {
    output.errBlock(generalHelp());
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = rest[0];
    output.block(topic !== undefined && isCommand(topic) ? commandHelp(topic) : generalHelp());
    return EXIT.ok;
  }
  if (first === '--version' || first === '-V') {
    output.result(VERSION);
    return EXIT.ok;
  }
  if (!isCommand(first)) {
    // Echo only what looks like a word: a stray argument may be a credential.
    const shown = /^-{0,2}[a-z][a-z-]{0,30}$/i.test(first) ? `"${first}"` : '(not shown)';
    output.error(`unknown command ${shown}. Commands: ${COMMANDS.join(', ')}. See basic-header --help.`);
    return EXIT.usage;
  }
  const parsed = parseArgs([...leading, ...rest], [...COMMAND_OPTIONS[first], ...COMMON_OPTIONS]);
  if (!parsed.ok) {
    output.error(`${parsed.message} See basic-header ${first} --help.`);
    return EXIT.usage;
  }
  const args = parsed.value;
  if (args.has('help')) {
    output.block(commandHelp(first));
    return EXIT.ok;
  }
  if (args.has('version')) {
    output.result(VERSION);
    return EXIT.ok;
  }
  if (args.positionals.length > 0) {
    output.error(
      `${first} takes options only; an extra argument was given (not shown: it may be a credential). ` +
        'Values go in options, the secret on standard input. See basic-header ' + first + ' --help.',
    );
    return EXIT.usage;
  }
  return runCommand(first, { args, stdin: process.stdin, env: process.env, output });
}

function exitAfterFlush(code: number): void {
  process.exitCode = code;
  // Leave only after both streams have flushed, so a piped result is never cut short; a write that failed on the
  // way (a full disk: the file's writes report to their callbacks first) is not a success.
  const leave = (): void => {
    process.stderr.write('', () => process.exit(code));
  };
  // Nothing written, nothing lost: an empty write to a full device fails too, and would turn a usage error into 74.
  if (!output.wroteStdout) {
    leave();
    return;
  }
  process.stdout.write('', (error) => {
    const failed = error ?? (process.stdout.errored as NodeJS.ErrnoException | null);
    if (failed) stdoutFailed(failed);
    else leave();
  });
}

let stdoutFailure = false;

/**
 * Standard output could not be written. A closed pipe (`… | head -c 10`) is the reader's choice, not an error
 * worth a word; anything else (a full disk, a broken device) loses the result: said once, and exit EX_IOERR.
 */
function stdoutFailed(error: NodeJS.ErrnoException): void {
  if (stdoutFailure) return;
  stdoutFailure = true;
  if (error.code === 'EPIPE') {
    process.exit(process.exitCode ?? 0);
    return;
  }
  output.error(`could not write to standard output (${error.code ?? 'write error'}), so the output is lost or incomplete.`);
  process.stderr.write('', () => process.exit(EXIT.ioError));
}

const argv = process.argv.slice(2);
const output = new Output({
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  debug: argv.includes('--debug'),
  noColor: argv.includes('--no-color'),
});
process.stdout.on('error', stdoutFailed);
main(argv, output).then(exitAfterFlush, (error: unknown) => {
  output.error('internal error: this is a bug in basic-header. Run again with --debug for details (they never include the secret).');
  // A stack is several lines: each its own debug line (a line break within one would be shown as an escape).
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  for (const row of detail.split('\n')) output.debug(row);
  exitAfterFlush(EXIT.internal);
});
