/**
 * ClipboardPort over Electron 45's async clipboard (glue: thin on purpose).
 *
 * What is and is not proven:
 * - Unit tests prove that one clipboard.write() call carries the text and this
 *   platform's markers (clipboard-markers.ts), and that we fall back to plain
 *   writeText when the raw formats are refused.
 * - Whether each OS honours the markers (Win+V history, cloud clipboard, macOS
 *   managers, Klipper) can only be checked on that OS with an Electron binary;
 *   see SECURITY.md. Without markers the copy is still cleared after the delay.
 */
import { clipboard, ClipboardItem } from 'electron';
import { secretClipboardEntries } from './clipboard-markers';
import type { ClipboardPort, SelectionPort } from './clipboard-guard';

export function createElectronClipboard(platform: string = process.platform): ClipboardPort {
  return {
    async writeSecretText(text) {
      try {
        await clipboard.write([new ClipboardItem(secretClipboardEntries(text, platform))]);
      } catch {
        // A platform that rejects a raw format must still get the copy the user asked for.
        await clipboard.writeText(text);
      }
    },
    readText: () => clipboard.readText(),
    clear: async () => {
      clipboard.clear();
    },
  };
}

/**
 * Linux's PRIMARY selection: Electron 45's `clipboard.selection`, the same API
 * over the selection buffer (undefined on other platforms; main only asks on Linux).
 */
export function createElectronSelection(): SelectionPort {
  return {
    readSelection: () => clipboard.selection.readText(),
    clearSelection: async () => {
      clipboard.selection.clear();
    },
  };
}
