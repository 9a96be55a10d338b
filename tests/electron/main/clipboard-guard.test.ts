import { describe, expect, it } from 'vitest';
import { createClipboardGuard, createSelectionGuard, DEFAULT_CLIPBOARD_CLEAR_MS, hasSelectionBuffer } from '../../../electron/main/clipboard-guard';
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

describe('a copy still being written (issue 11 item 13)', () => {
  it('Forget waits for the pending write, clears it, says so, and leaves no timer behind', async () => {
    const { clipboard, timers, guard } = setup();
    const release = clipboard.holdWrites();
    const copying = guard.copy('Authorization: Basic abc=');
    const forgetting = guard.clearIfOurs();
    release();
    await copying;
    expect(await forgetting).toBe(true);
    expect(clipboard.text).toBe('');
    expect(timers.pending()).toBe(0);
  });

  it('a write that fails while Forget waits: nothing to clear, and Forget says so', async () => {
    const { clipboard, timers, guard } = setup();
    clipboard.failNextWrite = true;
    const release = clipboard.holdWrites();
    const copying = guard.copy('Authorization: Basic abc=');
    const forgetting = guard.clearIfOurs();
    release();
    await expect(copying).rejects.toThrow();
    expect(await forgetting).toBe(false);
    expect(timers.pending()).toBe(0);
  });

  it('a copy made while a clear is still reading the clipboard stays tracked: Forget clears it (mutation review, 2026-12-02)', async () => {
    const { clipboard, guard } = setup();
    await guard.copy('first secret header');
    const release = clipboard.holdReads();
    // The first copy's clear (its timer, or a Forget) waits on the OS clipboard…
    const clearing = guard.clearIfOurs();
    // …while the user copies a second secret, which the late read then sees.
    await guard.copy('second secret header');
    release();
    // Not the first copy any more: that clear leaves the clipboard alone…
    expect(await clearing).toBe(false);
    expect(clipboard.text).toBe('second secret header');
    // …and the second copy is still ours, so Forget clears it.
    expect(await guard.clearIfOurs()).toBe(true);
    expect(clipboard.text).toBe('');
  });

  it('two overlapping copies: only the newest is tracked and cleared', async () => {
    const { clipboard, timers, guard } = setup();
    const release = clipboard.holdWrites();
    const first = guard.copy('first');
    const second = guard.copy('second');
    release();
    await Promise.all([first, second]);
    expect(clipboard.text).toBe('second');
    expect(timers.pending()).toBe(1);
    await timers.advance(30_000);
    expect(clipboard.text).toBe('');
  });
});

describe('createSelectionGuard (Linux PRIMARY, issue 11 item 12)', () => {
  const guarded = () => {
    const clipboard = new MemoryClipboard();
    return { clipboard, selection: createSelectionGuard(clipboard) };
  };

  it('text selected while the window had focus is cleared when it loses focus', async () => {
    const { clipboard, selection } = guarded();
    clipboard.selection = 'another app selected this earlier';
    await selection.noteFocus();
    clipboard.selection = 'Authorization: Basic MG9hMTpzZWNyZXQ=';
    expect(await selection.clearIfOurs()).toBe(true);
    expect(clipboard.selection).toBe('');
  });

  it('a selection another app made before the window gained focus is left alone', async () => {
    const { clipboard, selection } = guarded();
    clipboard.selection = 'the user’s terminal selection';
    await selection.noteFocus();
    expect(await selection.clearIfOurs()).toBe(false);
    expect(clipboard.selection).toBe('the user’s terminal selection');
  });

  it('clears even without a focus seen first (conservative), and never throws', async () => {
    const { clipboard, selection } = guarded();
    clipboard.selection = 'secret-0123456789';
    expect(await selection.clearIfOurs()).toBe(true);
    expect(await selection.clearIfOurs()).toBe(false);
    clipboard.failSelectionReads = true;
    await selection.noteFocus();
    expect(await selection.clearIfOurs()).toBe(false);
  });

  it('exists only where there is a PRIMARY selection', () => {
    expect(['linux', 'freebsd', 'openbsd'].every(hasSelectionBuffer)).toBe(true);
    expect(['darwin', 'win32'].some(hasSelectionBuffer)).toBe(false);
  });
});
