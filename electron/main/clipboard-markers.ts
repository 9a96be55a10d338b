/**
 * The clipboard entries that tell clipboard history, cloud sync and clipboard
 * managers to leave a copy alone. Electron 45's clipboard.write() commits every
 * entry of one ClipboardItem atomically, and accepts raw OS formats as
 * `electron application/osclipboard;format="<name>"`, so the text and its
 * markers land together (before 45, each raw write replaced the clipboard).
 *
 * Sources: Microsoft "Clipboard Formats" (Cloud Clipboard and Clipboard History
 * Formats); nspasteboard.org; KDE Klipper's x-kde-passwordManagerHint.
 */

export interface ClipboardMarker {
  /** The OS clipboard format name. */
  readonly format: string;
  readonly bytes: Uint8Array;
}

/** The raw-format key Electron 45 uses for an OS clipboard format. */
export function rawFormat(name: string): string {
  return `electron application/osclipboard;format="${name}"`;
}

/** A DWORD 0 as the Windows formats expect (little-endian, 4 bytes). */
const DWORD_ZERO = new Uint8Array([0, 0, 0, 0]);

export function clipboardMarkers(platform: string): readonly ClipboardMarker[] {
  switch (platform) {
    case 'win32':
      return [
        // Presence alone asks history, cloud clipboard and monitors to skip this copy.
        { format: 'ExcludeClipboardContentFromMonitorProcessing', bytes: DWORD_ZERO },
        { format: 'CanIncludeInClipboardHistory', bytes: DWORD_ZERO },
        { format: 'CanUploadToCloudClipboard', bytes: DWORD_ZERO },
      ];
    case 'darwin':
      return [
        // Presence alone: clipboard managers (Maccy, Paste, Alfred…) skip or hide it.
        { format: 'org.nspasteboard.ConcealedType', bytes: new Uint8Array(0) },
        { format: 'org.nspasteboard.TransientType', bytes: new Uint8Array(0) },
      ];
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return [{ format: 'x-kde-passwordManagerHint', bytes: new TextEncoder().encode('secret') }];
    default:
      return [];
  }
}

/** The one ClipboardItem's entries: the text plus this platform's markers. */
export function secretClipboardEntries(text: string, platform: string): Record<string, string | Blob> {
  const entries: Record<string, string | Blob> = { 'text/plain': text };
  for (const marker of clipboardMarkers(platform)) {
    entries[rawFormat(marker.format)] = new Blob([marker.bytes as Uint8Array<ArrayBuffer>]);
  }
  return entries;
}
