/**
 * Where the client secret comes from, in the contract's order (issue 5):
 *   1. standard input when it is not a terminal, minus one trailing line ending;
 *   2. OKTA_OAUTH2_CLIENT_SECRET;
 *   3. a no-echo prompt on the terminal.
 * Never argv. Other hygiene is core's (cleanField), reported as warnings by the command.
 */
import type { ReadStream } from 'node:tty';
import { fail, ok, type Result } from '../core/shared/result';
import { promptHidden } from './hidden-prompt';
import type { Output } from './output';
import { dropOneLineEnding, readStdinText } from './stdin-text';

export const SECRET_ENV = 'OKTA_OAUTH2_CLIENT_SECRET';

export type SecretSource = 'stdin' | 'environment' | 'prompt';

export interface SecretRead {
  readonly value: string;
  readonly source: SecretSource;
}

export interface InputIo {
  /** process.stdin: a tty.ReadStream on a terminal, otherwise a plain readable. */
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly output: Output;
}

export type InputError = 'usage' | 'cancelled';

/** Human name of a source, for messages such as "the secret from standard input is empty". */
export function describeSource(source: SecretSource): string {
  return source === 'stdin' ? 'standard input' : source === 'environment' ? SECRET_ENV : 'the prompt';
}

/**
 * The client secret from the first source that has one. Whatever is returned is
 * already protected in io.output, so no later line can print it.
 */
export async function readClientSecret(io: InputIo): Promise<Result<SecretRead, InputError>> {
  const read = await readFromSources(io);
  if (read.ok) io.output.protect(read.value.value);
  return read;
}

async function readFromSources(io: InputIo): Promise<Result<SecretRead, InputError>> {
  if (io.stdin.isTTY !== true) {
    const text = await readStdinText(io.stdin, () =>
      io.output.note(`waiting for the client secret on standard input (end it with Ctrl+D). To use ${SECRET_ENV} instead, run with </dev/null.`),
    );
    if (!text.ok) return fail('usage', text.message);
    // Nothing at all on stdin (e.g. </dev/null in CI) is "no input", so the next source is tried.
    if (text.value !== '') return ok({ value: dropOneLineEnding(text.value), source: 'stdin' });
  }
  const fromEnv = io.env[SECRET_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    return ok({ value: fromEnv, source: 'environment' });
  }
  if (io.stdin.isTTY === true) {
    const typed = await promptHidden(io.stdin as ReadStream, (t) => io.output.errRaw(t), 'Client secret (input hidden): ');
    if (!typed.ok) return fail('cancelled', 'cancelled.');
    return ok({ value: typed.value, source: 'prompt' });
  }
  const emptyEnv = fromEnv === '' ? ` (${SECRET_ENV} is set but empty)` : '';
  return fail(
    'usage',
    `no client secret${emptyEnv}: pipe it on standard input (printf '%s' "$SECRET" | basic-header …) or set ${SECRET_ENV}. It is never read from the command line.`,
  );
}

export const DECODE_PROMPT = 'Paste the Basic header or value, all of it (input hidden), then press Enter; if your terminal reads a paste line by line, end with Ctrl+D: ';

/** The pasted header or value for `decode`: standard input, or a no-echo prompt on a terminal. */
export async function readPastedValue(io: InputIo): Promise<Result<string, InputError>> {
  if (io.stdin.isTTY === true) {
    // The whole paste, not its first line: a wrapped or PEM-armoured value is what decode is for.
    const typed = await promptHidden(io.stdin as ReadStream, (t) => io.output.errRaw(t), DECODE_PROMPT, { multiline: true });
    return typed.ok ? ok(dropOneLineEnding(typed.value)) : fail('cancelled', 'cancelled.');
  }
  const text = await readStdinText(io.stdin, () =>
    io.output.note('waiting for the header or value on standard input (end it with Ctrl+D).'),
  );
  if (!text.ok) return fail('usage', text.message);
  return ok(dropOneLineEnding(text.value));
}
