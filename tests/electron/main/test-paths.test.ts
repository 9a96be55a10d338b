import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REDIRECTED_PATHS, TEST_CA_ENV, TEST_ROOT_ENV, testCaPem, testPathOverrides } from '../../../electron/main/test-paths';

const root = path.resolve('/tmp/bh-test-root');

describe('testPathOverrides', () => {
  it('unpackaged with the switch: every writable Electron path goes inside the root', () => {
    const overrides = testPathOverrides({ [TEST_ROOT_ENV]: root }, false);
    expect(overrides.map(([name]) => name)).toEqual(['appData', 'userData', 'sessionData', 'temp', 'logs', 'crashDumps']);
    for (const [, dir] of overrides) {
      expect(dir.startsWith(root + path.sep)).toBe(true);
    }
    expect(new Set(overrides.map(([, dir]) => dir)).size).toBe(REDIRECTED_PATHS.length);
  });

  it('a packaged build ignores the switch', () => {
    expect(testPathOverrides({ [TEST_ROOT_ENV]: root }, true)).toEqual([]);
  });

  it('no switch, an empty or a relative root: nothing changes', () => {
    expect(testPathOverrides({}, false)).toEqual([]);
    expect(testPathOverrides({ [TEST_ROOT_ENV]: '' }, false)).toEqual([]);
    expect(testPathOverrides({ [TEST_ROOT_ENV]: 'relative/dir' }, false)).toEqual([]);
  });
});

describe('testCaPem', () => {
  const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

  it('returns the PEM only when unpackaged', () => {
    expect(testCaPem({ [TEST_CA_ENV]: pem }, false)).toBe(pem);
    expect(testCaPem({ [TEST_CA_ENV]: pem }, true)).toBeNull();
  });

  it('ignores anything that is not a PEM certificate', () => {
    expect(testCaPem({ [TEST_CA_ENV]: '/path/to/ca.pem' }, false)).toBeNull();
    expect(testCaPem({}, false)).toBeNull();
  });
});
