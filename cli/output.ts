/**
 * Everything the CLI prints goes through here, so three rules hold in one place:
 * stdout carries the command's result and stderr everything else; colour only
 * on a terminal and never when NO_COLOR is set; and every value registered with
 * `protect` (the secret, the Basic value) is scrubbed from all text except the
 * one result the user asked for. A fourth follows from writing it all here:
 * every control character in a line (a server's, a header's, a decoded
 * value's, a file's) is shown as an escape, so only our own colours reach the
 * terminal and each line written is one line.
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

const identity = (text: string): string => text;
const PLAIN: Palette = { bold: identity, dim: identity, red: identity, green: identity, yellow: identity };

/**
 * Our colour codes cannot travel through a line as escape sequences: by the time
 * it is written, ours and a server's look alike. They travel as markers instead
 * (private-use characters around a random key and the SGR number) that only this
 * process can write, and become escape sequences once every control in the line
 * has been shown as an escape.
 */
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';

interface ColourMarks {
  readonly palette: Palette;
  /** Finds the markers; the SGR number is group 1. */
  readonly pattern: RegExp;
}

function colourMarks(): ColourMarks {
  // 128 random bits: a server would have to guess them to write a marker of ours.
  const key = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  const sgr = (code: number): string => `${MARK_OPEN}${key}${code}${MARK_CLOSE}`;
  const pair = (open: number, close: number) => (text: string): string => `${sgr(open)}${text}${sgr(close)}`;
  return {
    palette: { bold: pair(1, 22), dim: pair(2, 22), red: pair(31, 39), green: pair(32, 39), yellow: pair(33, 39) },
    pattern: new RegExp(`${MARK_OPEN}${key}(\\d{1,2})${MARK_CLOSE}`, 'g'),
  };
}

/** https://no-color.org: NO_COLOR set and non-empty wins; FORCE_COLOR forces colour on pipes; else only a terminal. */
export function colourEnabled(stream: OutStream, env: Readonly<Record<string, string | undefined>>, noColorFlag = false): boolean {
  if (noColorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export const REDACTED = '[redacted]';

/**
 * Characters that could rewrite the terminal or the report: all of C0 (ESC,
 * carriage return, line feed and tab included: a line break would let a server
 * start a report line of its own), DEL, C1, the Unicode line and paragraph
 * separators, and the bidi overrides and isolates that reorder what is shown.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point.
const TERMINAL_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every terminal control shown as a visible \uXXXX escape (also a valid JSON escape of the same character). */
export function neutraliseControls(text: string): string {
  return text.replace(TERMINAL_CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

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
  /** Null when neither stream has colour: then no line carries a marker. */
  readonly #marks: ColourMarks | null;
  readonly #colour: { readonly out: boolean; readonly err: boolean };
  readonly #protected: SensitiveValue[] = [];
  #redactor: Redactor = createRedactor([], REDACTED);
  #wroteStdout = false;

  constructor(options: OutputOptions) {
    this.#stdout = options.stdout;
    this.#stderr = options.stderr;
    this.debugEnabled = options.debug === true;
    this.#colour = {
      out: colourEnabled(options.stdout, options.env, options.noColor),
      err: colourEnabled(options.stderr, options.env, options.noColor),
    };
    this.#marks = this.#colour.out || this.#colour.err ? colourMarks() : null;
    const colours = this.#marks?.palette ?? PLAIN;
    this.out = this.#colour.out ? colours : PLAIN;
    this.err = this.#colour.err ? colours : PLAIN;
  }

  /** Whether anything was written to stdout (a failed flush of nothing is no lost output). */
  get wroteStdout(): boolean {
    return this.#wroteStdout;
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

  /** Masked, and with no control character that could rewrite the terminal (a hostile server's answer is printed here). */
  scrub(text: string): string {
    return neutraliseControls(this.#redactor.maskText(text));
  }

  /** Whether `text` holds a form of a protected value (controls aside). */
  masks(text: string): boolean {
    return this.#redactor.maskText(text) !== text;
  }

  /** The one result the user asked for (the Base64 value, the header, the token), verbatim on stdout. */
  result(text: string): void {
    this.#out(`${text}\n`);
  }

  /** One line of report on stdout: whatever `text` holds, it is written as one line. */
  line(text = ''): void {
    this.#out(`${this.#paint(this.scrub(text), this.#colour.out)}\n`);
  }

  /**
   * One JSON object as one line on stdout. Masked value by value (strings and
   * long numbers; the keys of a server's claims core has masked already), never
   * as text: a mask written over the line could cut into its keys and literals
   * (a short secret such as `null` or `error`) and leave invalid JSON.
   */
  jsonLine(value: unknown): void {
    this.#out(`${neutraliseControls(JSON.stringify(this.#redactor.redactValues(value)))}\n`);
  }

  /** One line of report on stderr (used when stdout is reserved, e.g. for --print-token, or for a failure report). */
  errLine(text = ''): void {
    this.#stderr.write(`${this.#paint(this.scrub(text), this.#colour.err)}\n`);
  }

  /** Our own text of several lines (the help) on stdout, each line as by line(). */
  block(text: string): void {
    for (const row of text.split('\n')) this.line(row);
  }

  /** Our own text of several lines on stderr, each line as by errLine(). */
  errBlock(text: string): void {
    for (const row of text.split('\n')) this.errLine(row);
  }

  /** Raw text on stderr without a newline (a prompt). */
  errRaw(text: string): void {
    // Our own prompt, which switches bracketed paste on and off: masked, but its controls kept.
    this.#stderr.write(this.#redactor.maskText(text));
  }

  /** The one-line error for a failure (a line break in the message is shown as an escape, like any control). */
  error(message: string): void {
    this.errLine(`${this.err.red('basic-header:')} ${message.trim()}`);
  }

  warn(message: string): void {
    this.errLine(`${this.err.yellow('warning:')} ${message.trim()}`);
  }

  note(message: string): void {
    this.errLine(`${this.err.dim('note:')} ${message.trim()}`);
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

  #out(text: string): void {
    this.#wroteStdout = true;
    this.#stdout.write(text);
  }

  /** In scrubbed text, our colour markers become escape sequences on a stream with colour, and are dropped on any other. */
  #paint(scrubbed: string, colour: boolean): string {
    if (this.#marks === null) return scrubbed;
    return scrubbed.replace(this.#marks.pattern, (_marker, code: string) => (colour ? `\u001b[${code}m` : ''));
  }
}
