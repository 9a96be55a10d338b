import { describe, expect, it } from 'vitest';
import { clipboardMarkers, rawFormat, secretClipboardEntries } from '../../../electron/main/clipboard-markers';

const formats = (platform: string): string[] => clipboardMarkers(platform).map((m) => m.format);

describe('clipboardMarkers', () => {
  it('Windows: excluded from monitors, Win+V history and cloud clipboard (DWORD 0)', () => {
    expect(formats('win32')).toEqual(['ExcludeClipboardContentFromMonitorProcessing', 'CanIncludeInClipboardHistory', 'CanUploadToCloudClipboard']);
    for (const marker of clipboardMarkers('win32')) expect([...marker.bytes]).toEqual([0, 0, 0, 0]);
  });

  it('macOS: concealed and transient (nspasteboard.org)', () => {
    expect(formats('darwin')).toEqual(['org.nspasteboard.ConcealedType', 'org.nspasteboard.TransientType']);
  });

  it('Linux: the KDE password-manager hint with value "secret"', () => {
    const [hint] = clipboardMarkers('linux');
    expect(hint?.format).toBe('x-kde-passwordManagerHint');
    expect(new TextDecoder().decode(hint?.bytes)).toBe('secret');
  });

  it('an unknown platform gets no markers (plain text only)', () => {
    expect(clipboardMarkers('aix')).toEqual([]);
  });
});

describe('secretClipboardEntries', () => {
  it('puts the text and every marker in one item, as Electron 45 raw formats', async () => {
    const entries = secretClipboardEntries('Basic abc=', 'win32');
    expect(entries['text/plain']).toBe('Basic abc=');
    expect(Object.keys(entries)).toEqual([
      'text/plain',
      'electron application/osclipboard;format="ExcludeClipboardContentFromMonitorProcessing"',
      'electron application/osclipboard;format="CanIncludeInClipboardHistory"',
      'electron application/osclipboard;format="CanUploadToCloudClipboard"',
    ]);
    const history = entries[rawFormat('CanIncludeInClipboardHistory')];
    expect(history).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await (history as Blob).arrayBuffer())]).toEqual([0, 0, 0, 0]);
  });

  it('Linux entry carries "secret"', async () => {
    const hint = secretClipboardEntries('x', 'linux')[rawFormat('x-kde-passwordManagerHint')];
    expect(await (hint as Blob).text()).toBe('secret');
  });
});
