/**
 * Everything the CLI prints goes through here, so three rules hold in one place:
 * stdout carries the command's result and stderr everything else; colour only
 * on a terminal and never when NO_COLOR is set; and every value registered with
 * `protect` (the secret, the Basic value) is scrubbed from all text except the
 * one result the user asked for.
 */
import { createRedactor, type Redactor, type SensitiveValue } from '../core/okta/redact';
import type { Notice } from '../core/shared/notice';

export interface OutStream {
  readonly isTTY?: boolean;
  write(text: string): boolean;
}

export interface Palette {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
}

const ansi = (open: number, close: number) => (text: string): string => `\u001b[${open}m${text}\u001b[${close}m`;
const COLOUR: Palette = { bold: ansi(1, 22), dim: ansi(2, 22), red: ansi(31, 39), green: ansi(32, 39), yellow: ansi(33, 39) };
const identity = (text: string): string => text;
const PLAIN: Palette = { bold: identity, dim: identity, red: identity, green: identity, yellow: identity };

/** https://no-color.org: NO_COLOR set and non-empty wins; FORCE_COLOR forces colour on pipes; else only a terminal. */
export function colourEnabled(stream: OutStream, env: Readonly<Record<string, string | undefined>>, noColorFlag = false): boolean {
  if (noColorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export const REDACTED = '[redacted]';

export interface OutputOptions {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly debug?: boolean;
  readonly noColor?: boolean;
}

export class Output {
  readonly out: Palette;
  readonly err: Palette;
  readonly debugEnabled: boolean;
  readonly #stdout: OutStream;
  readonly #stderr: OutStream;
  readonly #protected: SensitiveValue[] = [];
  #redactor: Redactor = createRedactor([], REDACTED);

  constructor(options: OutputOptions) {
    this.#stdout = options.stdout;
    this.#stderr = options.stderr;
    this.debugEnabled = options.debug === true;
    this.out = colourEnabled(options.stdout, options.env, options.noColor) ? COLOUR : PLAIN;
    this.err = colourEnabled(options.stderr, options.env, options.noColor) ? COLOUR : PLAIN;
  }

  /** Whether stdout is a terminal (so a result holding a private key would land on screen and in scrollback). */
  get stdoutIsTerminal(): boolean {
    return this.#stdout.isTTY === true;
  }

  /** Register values none of whose forms may ever be printed (core's redactor: encoded, split, any 16-character piece). */
  protect(...values: readonly SensitiveValue[]): void {
    this.#protected.push(...values);
    this.#redactor = createRedactor(this.#protected, REDACTED);
  }

  scrub(text: string): string {
    return this.#redactor.maskText(text);
  }

  /** The one result the user asked for (the Base64 value, the header, the token), verbatim on stdout. */
  result(text: string): void {
    this.#stdout.write(`${text}\n`);
  }

  /** Report text on stdout. */
  line(text = ''): void {
    this.#stdout.write(`${this.scrub(text)}\n`);
  }

  /** Report text on stderr (used when stdout is reserved, e.g. for --print-token, or for a failure report). */
  errLine(text = ''): void {
    this.#stderr.write(`${this.scrub(text)}\n`);
  }

  /** Raw text on stderr without a newline (a prompt). */
  errRaw(text: string): void {
    this.#stderr.write(this.scrub(text));
  }

  /** The one-line error for a failure. */
  error(message: string): void {
    this.errLine(`${this.err.red('basic-header:')} ${oneLine(message)}`);
  }

  warn(message: string): void {
    this.errLine(`${this.err.yellow('warning:')} ${oneLine(message)}`);
  }

  note(message: string): void {
    this.errLine(`${this.err.dim('note:')} ${oneLine(message)}`);
  }

  /** A core notice on stderr, prefixed by its severity and its stable code. */
  notice(n: Notice): void {
    const text = `${n.message} [${n.code}]`;
    if (n.severity === 'error') this.error(text);
    else if (n.severity === 'warning') this.warn(text);
    else this.note(text);
  }

  debug(message: string): void {
    if (this.debugEnabled) this.errLine(`${this.err.dim('debug:')} ${message}`);
  }
}

/** Errors are one line: collapse any line breaks a message may carry. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
