import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createTrustedWebContents } from '../../../electron/main/trusted-web-contents';

describe('createTrustedWebContents', () => {
  it('trusts only registered ids, and forgets them when the webContents is destroyed', () => {
    const set = createTrustedWebContents();
    const contents = Object.assign(new EventEmitter(), { id: 5 });
    expect(set.has(5)).toBe(false);
    set.trust(contents);
    expect(set.has(5)).toBe(true);
    expect(set.has(6)).toBe(false);
    contents.emit('destroyed');
    expect(set.has(5)).toBe(false);
  });
});
