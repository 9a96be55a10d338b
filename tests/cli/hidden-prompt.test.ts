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

async function prompt(chunks: readonly string[], multiline: boolean): Promise<{ value: string | null; written: string; terminal: FakeTerminal }> {
  const terminal = new FakeTerminal();
  let written = '';
  const result = promptHidden(terminal as unknown as PromptInput, (t) => (written += t), 'Q: ', { multiline });
  for (const chunk of chunks) terminal.emit('data', Buffer.from(chunk, 'utf8'));
  const r = await result;
  return { value: r.ok ? r.value : null, written, terminal };
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
  it('Enter ends at the first line', async () => {
    expect((await prompt(['secret\rmore'], false)).value).toBe('secret');
  });
});
