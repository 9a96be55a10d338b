import { beforeEach, describe, expect, it, vi } from 'vitest';

// The real module needs an Electron binary; this fake records what the glue asks of it.
const calls = vi.hoisted(() => ({ write: [] as unknown[][], writeText: [] as string[], clear: 0, writeFails: false, text: '', selection: '', selectionClears: 0 }));

vi.mock('electron', () => {
  class ClipboardItem {
    readonly items: Record<string, unknown>;
    constructor(items: Record<string, unknown>) {
      this.items = items;
    }
  }
  return {
    ClipboardItem,
    clipboard: {
      write: async (items: unknown[]) => {
        calls.write.push(items);
        if (calls.writeFails) throw new Error('raw format not supported');
      },
      writeText: async (text: string) => {
        calls.writeText.push(text);
        calls.text = text;
      },
      readText: async () => calls.text,
      clear: () => {
        calls.clear += 1;
        calls.text = '';
      },
      // Electron 45 on Linux: the same API over the PRIMARY selection.
      selection: {
        readText: async () => calls.selection,
        clear: () => {
          calls.selectionClears += 1;
          calls.selection = '';
        },
      },
    },
  };
});

const { createElectronClipboard, createElectronSelection } = await import('../../../electron/main/electron-clipboard');

describe('createElectronClipboard', () => {
  beforeEach(() => {
    calls.write = [];
    calls.writeText = [];
    calls.clear = 0;
    calls.writeFails = false;
  });

  it('writes text and markers in ONE clipboard.write call with one item', async () => {
    await createElectronClipboard('win32').writeSecretText('Basic abc=');
    expect(calls.write).toHaveLength(1);
    const items = calls.write[0] as { items: Record<string, unknown> }[];
    expect(items).toHaveLength(1);
    expect(items[0]?.items['text/plain']).toBe('Basic abc=');
    expect(Object.keys(items[0]?.items ?? {})).toContain('electron application/osclipboard;format="CanIncludeInClipboardHistory"');
    expect(calls.writeText).toEqual([]);
  });

  it('falls back to plain writeText when the raw formats are refused', async () => {
    calls.writeFails = true;
    await createElectronClipboard('linux').writeSecretText('Basic abc=');
    expect(calls.writeText).toEqual(['Basic abc=']);
  });

  it('reads and clears through the async clipboard', async () => {
    const port = createElectronClipboard('darwin');
    calls.text = 'held';
    expect(await port.readText()).toBe('held');
    await port.clear();
    expect(calls.clear).toBe(1);
  });

  it('reads and clears Linux\'s PRIMARY through clipboard.selection, never the main clipboard', async () => {
    const port = createElectronSelection();
    calls.selection = 'selected';
    calls.text = 'copied';
    expect(await port.readSelection()).toBe('selected');
    await port.clearSelection();
    expect(calls.selectionClears).toBe(1);
    expect(calls.selection).toBe('');
    expect(calls.text).toBe('copied');
    expect(calls.clear).toBe(0);
  });
});
