/** --timeout: what is accepted is what is used (a tiny timeout must not silently become the 15 s default). */
import { describe, expect, it } from 'vitest';
import { parseTimeoutMs } from '../../../cli/commands/test';
import { normaliseTimeout } from '../../../core/okta/token-request';

describe('parseTimeoutMs', () => {
  it.each(['0', '-1', '1e309', 'NaN', '1e3', '601', ''])('refuses %j', (text) => {
    expect(parseTimeoutMs(text).ok).toBe(false);
  });

  it.each([
    ['0.0001', 1],
    ['0.4', 400],
    ['15', 15_000],
    ['600', 600_000],
  ])('%s seconds is used as %d ms, unchanged by core', (text, ms) => {
    const parsed = parseTimeoutMs(text);
    expect(parsed).toEqual({ ok: true, value: ms });
    expect(normaliseTimeout(ms)).toBe(ms);
  });
});
