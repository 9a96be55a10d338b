import { describe, expect, it } from 'vitest';
import { senderInfoFrom } from '../../../electron/main/sender-info';

describe('senderInfoFrom', () => {
  it('top frame: URL and isMainFrame', () => {
    expect(senderInfoFrom({ sender: { id: 4 }, senderFrame: { url: 'app://basic-header/index.html', parent: null } })).toEqual({
      webContentsId: 4,
      frameUrl: 'app://basic-header/index.html',
      isMainFrame: true,
    });
  });

  it('sub-frame: not the main frame', () => {
    expect(senderInfoFrom({ sender: { id: 4 }, senderFrame: { url: 'app://basic-header/x.html', parent: {} } }).isMainFrame).toBe(false);
  });

  it('null frame → no URL', () => {
    expect(senderInfoFrom({ sender: { id: 4 }, senderFrame: null })).toEqual({ webContentsId: 4, frameUrl: null, isMainFrame: false });
  });

  it('a destroyed frame that throws on access → no URL, no exception', () => {
    const event = {
      sender: { id: 4 },
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    };
    expect(senderInfoFrom(event)).toEqual({ webContentsId: 4, frameUrl: null, isMainFrame: false });
  });
});
