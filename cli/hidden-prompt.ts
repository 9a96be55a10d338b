/**
 * A prompt on the terminal that does not echo what is typed (like sudo): raw
 * mode, so nothing reaches the screen; Backspace and Ctrl+U edit, Ctrl+C
 * cancels, Ctrl+D ends. The prompt goes to stderr, so stdout stays the
 * command's result.
 *
 * One line (the secret): Enter ends. Whatever else a paste held must not be
 * left for the shell, which would echo it, run it and keep it in its history:
 * a bracketed paste is read whole, and after Enter the prompt keeps reading
 * until the input has been quiet for a moment. A paste of more than one line
 * is refused ('multiple-lines'), never cut to its first.
 *
 * Multi-line (a pasted header, which may be wrapped or PEM-armoured): bracketed
 * paste is switched on, so a paste arrives whole, line breaks included, and
 * Enter after it ends the input; a terminal without bracketed paste delivers
 * the lines as typed Enters, which are kept, and Ctrl+D ends.
 */
import { StringDecoder } from 'node:string_decoder';
import type { ReadStream } from 'node:tty';
import { fail, ok, type Result } from '../core/shared/result';

/** ESC [ … final byte: arrow keys, bracketed-paste markers and the like carry no typed text. */
// eslint-disable-next-line no-control-regex -- matching the terminal's ESC byte is the point.
const ESCAPE_SEQUENCE = /^\u001b(?:\[[0-9;?]*[ -/]*[@-~]|O.|.)?/u;
/** A CSI sequence cut off at the end of a chunk: wait for the rest. */
// eslint-disable-next-line no-control-regex -- as above.
const PARTIAL_ESCAPE = /^\u001b(?:\[[0-9;?]*[ -/]*|O)?$/u;
const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';
const BRACKETED_PASTE_ON = '\u001b[?2004h';
const BRACKETED_PASTE_OFF = '\u001b[?2004l';

/** The terminal side promptHidden needs: a tty.ReadStream, or a stand-in with the same calls. */
export type PromptInput = Pick<ReadStream, 'isRaw' | 'setRawMode' | 'resume' | 'pause' | 'on' | 'off'>;

/** After Enter on a one-line prompt: input this quiet ends the read (a paste's lines come in a burst)… */
const DRAIN_QUIET_MS = 60;
/** …and the read ends after this much in any case (a key held down). */
const DRAIN_MAX_MS = 1000;

export type PromptError = 'cancelled' | 'multiple-lines';

export interface PromptOptions {
  /** Read a whole paste, line breaks included (see above); default: one line. */
  readonly multiline?: boolean;
}

export async function promptHidden(
  input: PromptInput,
  writePrompt: (text: string) => void,
  question: string,
  options: PromptOptions = {},
): Promise<Result<string, PromptError>> {
  const multiline = options.multiline === true;
  const decoder = new StringDecoder('utf8');
  let typed: string[] = [];
  let pending = '';
  let inPaste = false;
  let pasted = false;
  /** One-line: a line break inside the current paste, and text after one (a paste of several lines). */
  let pasteBreak = false;
  let pasteLines = false;
  const wasRaw = input.isRaw;
  // Echo goes off before the prompt appears, so nothing typed early can reach the screen.
  input.setRawMode(true);
  input.resume();
  writePrompt(`${BRACKETED_PASTE_ON}${question}`);
  try {
    return await new Promise<Result<string, PromptError>>((resolve) => {
      let drainTimer: ReturnType<typeof setTimeout> | undefined;
      const finish = (result: Result<string, PromptError>): void => {
        clearTimeout(drainTimer);
        input.off('data', onData);
        input.off('end', onEnd);
        resolve(result);
      };
      const tooMany = (): Result<string, PromptError> => fail('multiple-lines', 'more than one line was pasted.');
      // One-line: the answer once the input has gone quiet; anything but line breaks arriving meanwhile makes it a refusal.
      let answer: Result<string, PromptError> | null = null;
      let drainStarted = 0;
      const quietThen = (): void => {
        clearTimeout(drainTimer);
        const left = DRAIN_MAX_MS - (Date.now() - drainStarted);
        drainTimer = setTimeout(() => finish(answer ?? tooMany()), Math.max(0, Math.min(DRAIN_QUIET_MS, left)));
      };
      // The rest of a paste after its first line: read so that it never reaches the shell, and never kept.
      const drain = (text: string): void => {
        if (text.includes('\u0003')) return finish(fail('cancelled', 'cancelled.'));
        // eslint-disable-next-line no-control-regex -- the paste markers are ESC sequences.
        if (/[^\r\n]/.test(text.replace(/\u001b\[20[01]~/g, ''))) answer = tooMany();
        quietThen();
      };
      /** Ends the read; a one-line prompt first drains `rest` (what followed in the same chunk) and what comes next. */
      const end = (result: Result<string, PromptError>, rest: string): void => {
        if (multiline || (!result.ok && result.code === 'cancelled')) return finish(result);
        answer = result;
        drainStarted = Date.now();
        drain(rest);
      };
      const onEnd = (): void => (answer !== null ? finish(answer) : finish(ok(typed.join(''))));
      const onData = (chunk: Buffer | string): void => {
        let text = pending + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
        pending = '';
        if (answer !== null) return drain(text);
        while (text.length > 0) {
          // Whole code points, so Backspace removes an emoji or a non-BMP letter at once.
          const ch = String.fromCodePoint(text.codePointAt(0) ?? 0);
          if (ch === '\u001b') {
            if (PARTIAL_ESCAPE.test(text)) {
              pending = text;
              return;
            }
            const seq = ESCAPE_SEQUENCE.exec(text)?.[0] ?? ch;
            text = text.slice(seq.length);
            if (seq === PASTE_START) inPaste = true;
            if (seq === PASTE_END) {
              inPaste = false;
              pasted = true;
              if (!multiline && pasteLines) return end(tooMany(), text);
              // A paste ending in its line break is the secret and its Enter.
              if (!multiline && pasteBreak) return end(ok(typed.join('')), text);
            }
            continue;
          }
          text = text.slice(ch.length);
          if (!multiline && inPaste) {
            if (ch === '\r' || ch === '\n') pasteBreak = true;
            else if (pasteBreak) pasteLines = true;
            else if (ch >= ' ') typed.push(ch);
            continue;
          }
          if (multiline && inPaste) {
            // Terminals send a pasted line break as CR; the paste is kept whole, its line breaks as LF.
            if (ch === '\r' || ch === '\n') typed.push('\n');
            else typed.push(ch);
            continue;
          }
          if (ch === '\u0004') return end(ok(typed.join('')), text);
          if (ch === '\r' || ch === '\n') {
            if (!multiline) return end(ok(typed.join('')), text);
            if (pasted) return finish(ok(typed.join('')));
            typed.push('\n');
            continue;
          }
          if (ch === '\u0003') return finish(fail('cancelled', 'cancelled.'));
          if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
          else if (ch === '\u0015') typed = [];
          else if (ch >= ' ') typed.push(ch);
          // Other control characters (Tab and the like) are not typed text; ignore them.
        }
      };
      input.on('data', onData);
      input.on('end', onEnd);
    });
  } finally {
    input.setRawMode(wasRaw);
    input.pause();
    writePrompt(`${BRACKETED_PASTE_OFF}\n`);
  }
}
