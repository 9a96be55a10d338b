import { describe, expect, it } from 'vitest';
import { createClipboardGuard, DEFAULT_CLIPBOARD_CLEAR_MS } from '../../../electron/main/clipboard-guard';
import { createManualTimers, MemoryClipboard } from '../../support/electron/memory-clipboard';

function setup(clearAfterMs = 30_000) {
  const clipboard = new MemoryClipboard();
  const timers = createManualTimers();
  const guard = createClipboardGuard({ clipboard, clearAfterMs, timers });
  return { clipboard, timers, guard };
}

describe('createClipboardGuard', () => {
  it('defaults to 30 seconds', () => {
    expect(DEFAULT_CLIPBOARD_CLEAR_MS).toBe(30_000);
  });

  it('writes the text and reports the delay', async () => {
    const { clipboard, guard } = setup(5000);
    expect(await guard.copy('Basic abc=')).toEqual({ clearAfterMs: 5000 });
    expect(clipboard.text).toBe('Basic abc=');
  });

  it('clears after the delay when the clipboard still holds our copy, not before', async () => {
    const { clipboard, timers, guard } = setup();
    await guard.copy('Basic abc=');
    await timers.advance(29_999);
    expect(clipboard.text).toBe('Basic abc=');
    await timers.advance(1);
    expect(clipboard.text).toBe('');
    expect(clipboard.clears).toBe(1);
  });

  it('leaves the clipboard alone when the user copied something else', async () => {
    const { clipboard, timers, guard } = setup();
    await guard.copy('Basic abc=');
    clipboard.userCopies('the user\'s own text');
    await timers.advance(30_000);
    expect(clipboard.text).toBe('the user\'s own text');
    expect(clipboard.clears).toBe(0);
  });

  it('a same-length different text is not ours', async () => {
    const { clipboard, timers, guard } = setup();
    await guard.copy('Basic abc=');
    clipboard.userCopies('Basic abd=');
    await timers.advance(30_000);
    expect(clipboard.text).toBe('Basic abd=');
  });

  it('a new copy restarts the timer and only the newest copy counts', async () => {
    const { clipboard, timers, guard } = setup();
    await guard.copy('first');
    await timers.advance(20_000);
    await guard.copy('second');
    expect(timers.pending()).toBe(1);
    await timers.advance(20_000);
    expect(clipboard.text).toBe('second');
    await timers.advance(10_000);
    expect(clipboard.text).toBe('');
  });

  it('clearIfOurs (Forget) clears now, cancels the timer, and is false when nothing is ours', async () => {
    const { clipboard, timers, guard } = setup();
    expect(await guard.clearIfOurs()).toBe(false);
    await guard.copy('Basic abc=');
    expect(await guard.clearIfOurs()).toBe(true);
    expect(clipboard.text).toBe('');
    expect(timers.pending()).toBe(0);
    expect(await guard.clearIfOurs()).toBe(false);
  });

  it('clearIfOurs keeps what the user copied since', async () => {
    const { clipboard, guard } = setup();
    await guard.copy('Basic abc=');
    clipboard.userCopies('mine');
    expect(await guard.clearIfOurs()).toBe(false);
    expect(clipboard.text).toBe('mine');
  });

  it('dispose (quit) applies the same rule', async () => {
    const { clipboard, timers, guard } = setup();
    await guard.copy('Basic abc=');
    expect(await guard.dispose()).toBe(true);
    expect(clipboard.text).toBe('');
    expect(timers.pending()).toBe(0);
  });

  it('never throws from the timer when the clipboard cannot be read', async () => {
    const { clipboard, timers, guard } = setup();
    await guard.copy('Basic abc=');
    clipboard.failReads = true;
    await timers.advance(30_000);
    expect(clipboard.clears).toBe(0);
  });

  it('a failed write schedules nothing and remembers nothing', async () => {
    const { clipboard, timers, guard } = setup();
    clipboard.failNextWrite = true;
    await expect(guard.copy('Basic abc=')).rejects.toThrow();
    expect(timers.pending()).toBe(0);
    expect(await guard.clearIfOurs()).toBe(false);
  });
});
