/**
 * The hidden prompt's key handling, driven by a terminal stand-in (the real
 * pseudo-terminal runs are in commands/decode.terminal.test.ts): a multi-line
 * prompt keeps a whole paste (bracketed or line by line), one line ends at Enter.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { promptHidden, type PromptInput } from '../../cli/hidden-prompt';

class FakeTerminal extends EventEmitter {
  isRaw = false;
  readonly modes: boolean[] = [];
  setRawMode(mode: boolean): this {
    this.isRaw = mode;
    this.modes.push(mode);
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
}

/** Each chunk as the terminal delivers it; a number waits that many ms first (a paste's tail arriving late). */
async function prompt(chunks: readonly (string | number)[], multiline: boolean): Promise<{ value: string | null; code: string | null; written: string; terminal: FakeTerminal }> {
  const terminal = new FakeTerminal();
  let written = '';
  const result = promptHidden(terminal as unknown as PromptInput, (t) => (written += t), 'Q: ', { multiline });
  for (const chunk of chunks) {
    if (typeof chunk === 'number') await new Promise((resolve) => setTimeout(resolve, chunk));
    else terminal.emit('data', Buffer.from(chunk, 'utf8'));
  }
  const r = await result;
  return { value: r.ok ? r.value : null, code: r.ok ? null : r.code, written, terminal };
}

describe('multi-line hidden prompt (decode)', () => {
  it('a bracketed paste is read whole, line breaks included; Enter after it ends the input', async () => {
    const { value, written, terminal } = await prompt(['\u001b[200~line one\rline two\r', 'line three\u001b[201~', '\r'], true);
    expect(value).toBe('line one\nline two\nline three');
    expect(written).toContain('\u001b[?2004h');
    expect(written).toContain('\u001b[?2004l');
    expect(terminal.modes).toEqual([true, false]);
  });

  it('paste markers split across chunks still count', async () => {
    const { value } = await prompt(['\u001b[20', '0~abc\rdef\u001b', '[201~', '\r'], true);
    expect(value).toBe('abc\ndef');
  });

  it('without bracketed paste, lines are kept and Ctrl+D ends', async () => {
    const { value } = await prompt(['abc\rdef\r', 'ghi\r\u0004'], true);
    expect(value).toBe('abc\ndef\nghi\n');
  });

  it('Ctrl+C cancels, even mid-way through lines', async () => {
    expect((await prompt(['abc\rde\u0003'], true)).value).toBeNull();
  });
});

describe('one-line hidden prompt (the secret)', () => {
  it('Enter ends the line; a CRLF is one Enter; bracketed paste is switched on and off again, and the terminal restored', async () => {
    const { value, written, terminal } = await prompt(['secret\r\n'], false);
    expect(value).toBe('secret');
    expect(written).toBe('\u001b[?2004hQ: \u001b[?2004l\n');
    expect(terminal.modes).toEqual([true, false]);
  });

  // Attack review (2026-12-02): the prompt used to stop at the first line and give the terminal back, so the
  // rest of a paste reached the shell, which echoed it, ran it as a command and kept it in its history.
  it('the rest of a multi-line paste is read, never left for the shell, and the input is refused', async () => {
    expect(await prompt(['secret\rother-secret\r'], false)).toMatchObject({ value: null, code: 'multiple-lines' });
    // The tail arriving in a later read (a paste split by the terminal) is caught too.
    expect(await prompt(['secret\r', 20, 'rest-of-paste\r'], false)).toMatchObject({ value: null, code: 'multiple-lines' });
  });

  it('a bracketed paste of one line with its line break is the secret; of several lines it is refused', async () => {
    expect((await prompt(['\u001b[200~secret\r\u001b[201~'], false)).value).toBe('secret');
    expect((await prompt(['\u001b[200~secret\u001b[201~', '\r'], false)).value).toBe('secret');
    expect(await prompt(['\u001b[200~secret\rother\r\u001b[201~'], false)).toMatchObject({ value: null, code: 'multiple-lines' });
  });

  it('Enter pressed twice is still one secret; Ctrl+C while the tail is read cancels', async () => {
    expect((await prompt(['secret\r', 10, '\r'], false)).value).toBe('secret');
    expect(await prompt(['secret\r', 10, '\u0003'], false)).toMatchObject({ value: null, code: 'cancelled' });
  });
});
