/**
 * A one-line prompt on the terminal that does not echo what is typed (like
 * sudo): raw mode, so nothing reaches the screen; Enter ends, Backspace and
 * Ctrl+U edit, Ctrl+C cancels, Ctrl+D ends. The prompt goes to stderr, so
 * stdout stays the command's result.
 */
import { StringDecoder } from 'node:string_decoder';
import type { ReadStream } from 'node:tty';
import { fail, ok, type Result } from '../core/shared/result';

/** ESC [ … final byte: arrow keys, bracketed-paste markers and the like carry no typed text. */
// eslint-disable-next-line no-control-regex -- matching the terminal's ESC byte is the point.
const ESCAPE_SEQUENCE = /^\u001b(?:\[[0-9;?]*[ -/]*[@-~]|O.|.)?/u;

export async function promptHidden(input: ReadStream, writePrompt: (text: string) => void, question: string): Promise<Result<string, 'cancelled'>> {
  const decoder = new StringDecoder('utf8');
  let typed: string[] = [];
  const wasRaw = input.isRaw;
  // Echo goes off before the prompt appears, so nothing typed early can reach the screen.
  input.setRawMode(true);
  input.resume();
  writePrompt(question);
  try {
    return await new Promise<Result<string, 'cancelled'>>((resolve) => {
      const finish = (result: Result<string, 'cancelled'>): void => {
        input.off('data', onData);
        input.off('end', onEnd);
        resolve(result);
      };
      const onEnd = (): void => finish(ok(typed.join('')));
      const onData = (chunk: Buffer | string): void => {
        let text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
        while (text.length > 0) {
          // Whole code points, so Backspace removes an emoji or a non-BMP letter at once.
          const ch = String.fromCodePoint(text.codePointAt(0) ?? 0);
          if (ch === '\u001b') {
            const seq = ESCAPE_SEQUENCE.exec(text)?.[0] ?? ch;
            text = text.slice(seq.length);
            continue;
          }
          text = text.slice(ch.length);
          if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish(ok(typed.join('')));
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
    writePrompt('\n');
  }
}
