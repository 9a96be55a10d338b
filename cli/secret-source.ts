/**
 * Where the client secret comes from, in the contract's order (issue 5):
 *   1. standard input when it is not a terminal, minus one trailing line ending;
 *   2. OKTA_OAUTH2_CLIENT_SECRET;
 *   3. a no-echo prompt on the terminal.
 * Never argv. Other hygiene is core's (cleanField), reported as warnings by the command.
 */
import type { ReadStream } from 'node:tty';
import { fail, ok, type Result } from '../core/shared/result';
import { promptHidden, type PromptError } from './hidden-prompt';
import type { Output } from './output';
import { dropOneLineEnding, readStdinText } from './stdin-text';

export const SECRET_ENV = 'OKTA_OAUTH2_CLIENT_SECRET';
/** The second secret of a rotation (`test --rotation`); SECRET_ENV holds the current one. */
export const SECRET_NEXT_ENV = 'OKTA_OAUTH2_CLIENT_SECRET_NEXT';

export type SecretSource = 'stdin' | 'environment' | 'prompt';

/**
 * Node reads the environment as UTF-8 and turns bytes that are not into U+FFFD: such a secret would
 * be sent changed (and two different ones could read the same). Refused by name, as stdin's are.
 */
function notUtf8(name: string, value: string | undefined): string | null {
  return value?.includes('\uFFFD') === true
    ? `${name} holds bytes that are not UTF-8 text, so the secret in it cannot be sent as set. Set it again from the original value.`
    : null;
}

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

/** A prompt that ended without a value: Ctrl+C, or a paste of several lines (whose rest the prompt kept from the shell). */
function promptFailure(code: PromptError): Result<never, InputError> {
  return code === 'cancelled'
    ? fail('cancelled', 'cancelled.')
    : fail('usage', 'more than one line was pasted at the prompt, so nothing was sent. Paste the secret alone (for --rotation, one secret at each prompt).');
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
    const refusal = notUtf8(SECRET_ENV, fromEnv);
    if (refusal !== null) {
      io.output.protect(fromEnv);
      return fail('usage', refusal);
    }
    return ok({ value: fromEnv, source: 'environment' });
  }
  if (io.stdin.isTTY === true) {
    const typed = await promptHidden(io.stdin as ReadStream, (t) => io.output.errRaw(t), 'Client secret (input hidden): ');
    if (!typed.ok) return promptFailure(typed.code);
    return ok({ value: typed.value, source: 'prompt' });
  }
  const emptyEnv = fromEnv === '' ? ` (${SECRET_ENV} is set but empty)` : '';
  return fail(
    'usage',
    `no client secret${emptyEnv}: pipe it on standard input (printf '%s' "$SECRET" | basic-header …) or set ${SECRET_ENV}. It is never read from the command line.`,
  );
}

export interface SecretPair {
  readonly current: string;
  readonly next: string;
  readonly source: SecretSource;
}

const PAIR_SOURCES = `pipe them on standard input, one per line, the current first (printf '%s\\n%s\\n' "$CURRENT" "$NEW" | basic-header …), or set ${SECRET_ENV} and ${SECRET_NEXT_ENV}. They are never read from the command line.`;

/**
 * The two secrets of a rotation, from the first source that has any: standard input (one per
 * line, current first), else SECRET_ENV + SECRET_NEXT_ENV, else two no-echo prompts. Fewer than
 * two is bad input. Both are protected in io.output before this returns.
 */
export async function readSecretPair(io: InputIo): Promise<Result<SecretPair, InputError>> {
  const read = await readPairFromSources(io);
  if (read.ok) io.output.protect(read.value.current, read.value.next);
  return read;
}

async function readPairFromSources(io: InputIo): Promise<Result<SecretPair, InputError>> {
  if (io.stdin.isTTY !== true) {
    const text = await readStdinText(io.stdin, () =>
      io.output.note('waiting for the two client secrets on standard input, one per line (end with Ctrl+D).'),
    );
    if (!text.ok) return fail('usage', text.message);
    if (text.value !== '') {
      // Each line's own ending is the shell's; protect the whole text first, in case a line is refused below.
      io.output.protect(text.value);
      const lines = dropOneLineEnding(text.value).split(/\r?\n/);
      for (const line of lines) io.output.protect(line);
      if (lines.length < 2) return fail('usage', `--rotation needs two secrets and standard input holds one line: ${PAIR_SOURCES}`);
      if (lines.length > 2) return fail('usage', `--rotation reads exactly two lines from standard input (the current secret, then the new one); it holds ${lines.length}.`);
      return ok({ current: lines[0] ?? '', next: lines[1] ?? '', source: 'stdin' });
    }
  }
  const current = io.env[SECRET_ENV];
  const next = io.env[SECRET_NEXT_ENV];
  const has = (v: string | undefined): v is string => v !== undefined && v !== '';
  if (has(current) && has(next)) {
    const refusal = notUtf8(SECRET_ENV, current) ?? notUtf8(SECRET_NEXT_ENV, next);
    if (refusal !== null) {
      io.output.protect(current, next);
      return fail('usage', refusal);
    }
    return ok({ current, next, source: 'environment' });
  }
  if (has(current) || has(next)) {
    io.output.protect(...[current, next].filter(has));
    return fail('usage', `--rotation needs two secrets: ${has(current) ? SECRET_NEXT_ENV : SECRET_ENV} is not set (${SECRET_ENV} holds the current secret, ${SECRET_NEXT_ENV} the new one).`);
  }
  if (io.stdin.isTTY === true) {
    const write = (t: string): void => io.output.errRaw(t);
    const first = await promptHidden(io.stdin as ReadStream, write, 'Current client secret (input hidden): ');
    if (!first.ok) return promptFailure(first.code);
    io.output.protect(first.value);
    const second = await promptHidden(io.stdin as ReadStream, write, 'New client secret (input hidden): ');
    if (!second.ok) return promptFailure(second.code);
    return ok({ current: first.value, next: second.value, source: 'prompt' });
  }
  return fail('usage', `--rotation needs two client secrets: ${PAIR_SOURCES}`);
}

export const DECODE_PROMPT = 'Paste the Basic header or value, all of it (input hidden), then press Enter; if your terminal reads a paste line by line, end with Ctrl+D: ';

/** The pasted header or value for `decode`: standard input, or a no-echo prompt on a terminal. */
export async function readPastedValue(io: InputIo): Promise<Result<string, InputError>> {
  if (io.stdin.isTTY === true) {
    // The whole paste, not its first line: a wrapped or PEM-armoured value is what decode is for.
    const typed = await promptHidden(io.stdin as ReadStream, (t) => io.output.errRaw(t), DECODE_PROMPT, { multiline: true });
    return typed.ok ? ok(dropOneLineEnding(typed.value)) : promptFailure(typed.code);
  }
  const text = await readStdinText(io.stdin, () =>
    io.output.note('waiting for the header or value on standard input (end it with Ctrl+D).'),
  );
  if (!text.ok) return fail('usage', text.message);
  return ok(dropOneLineEnding(text.value));
}
