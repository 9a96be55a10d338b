/**
 * Reads all of standard input as UTF-8 text, with a size cap (a credential or a
 * header is small; a runaway pipe must not fill memory) and a one-time hint on
 * stderr if nothing arrives, so an open-but-silent pipe does not look like a hang.
 */
import { fail, ok, type Result } from '../core/shared/result';

export const MAX_STDIN_BYTES = 64 * 1024;
const SLOW_HINT_MS = 3000;

export type StdinError = 'too-large' | 'not-utf8' | 'read-error';

export async function readStdinText(
  stream: NodeJS.ReadableStream,
  onSlow: () => void,
  maxBytes = MAX_STDIN_BYTES,
): Promise<Result<string, StdinError>> {
  const chunks: Buffer[] = [];
  let total = 0;
  const timer = setTimeout(onSlow, SLOW_HINT_MS);
  try {
    for await (const chunk of stream) {
      clearTimeout(timer);
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      total += buffer.length;
      if (total > maxBytes) {
        return fail('too-large', `standard input is larger than ${maxBytes / 1024} KiB; a client secret or a Basic header is far smaller. Pipe only the value.`);
      }
      chunks.push(buffer);
    }
  } catch {
    return fail('read-error', 'could not read standard input.');
  } finally {
    clearTimeout(timer);
  }
  try {
    // ignoreBOM keeps a byte-order mark in the text, so hygiene can remove it and say so.
    return ok(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Buffer.concat(chunks)));
  } catch {
    return fail('not-utf8', 'standard input is not UTF-8 text. Re-save or re-pipe the value as UTF-8 (PowerShell 5: set $OutputEncoding = [Text.UTF8Encoding]::new($false)).');
  }
}

/** The shell's line ending, not the value's: drop exactly one trailing \n or \r\n. */
export function dropOneLineEnding(text: string): string {
  if (text.endsWith('\r\n')) return text.slice(0, -2);
  if (text.endsWith('\n')) return text.slice(0, -1);
  return text;
}
