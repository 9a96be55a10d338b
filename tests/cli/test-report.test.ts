/**
 * One exit code for a bug in basic-header itself (issue 11, item 6): a report
 * of an internal error exits 70 whatever the mode; a server answering
 * `{"error":"internal"}` is an ordinary rejection.
 */
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../cli/exit-codes';
import { exitCodeFor } from '../../cli/test-report';

describe('exitCodeFor', () => {
  it('an internal error is 70, not 3 (which pipelines are told to tolerate)', () => {
    expect(exitCodeFor({ outcome: 'no-answer', error: 'internal' })).toBe(EXIT.internal);
    expect(EXIT.internal).toBe(70);
  });

  it('other outcomes keep their contract codes, including a server that says "internal"', () => {
    expect(exitCodeFor({ outcome: 'rejected', error: 'internal' })).toBe(1);
    expect(exitCodeFor({ outcome: 'no-answer', error: 'timeout' })).toBe(3);
    expect(exitCodeFor({ outcome: 'success', error: null })).toBe(0);
    expect(exitCodeFor({ outcome: 'invalid-input', error: 'bad-domain' })).toBe(2);
    expect(exitCodeFor({ outcome: 'cancelled', error: 'cancelled' })).toBe(130);
  });
});

describe('the exit codes are documented', () => {
  it('README and --help list every code, 70 included', async () => {
    const { readFileSync } = await import('node:fs');
    const { generalHelp } = await import('../../cli/help');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const code of Object.values(EXIT)) {
      expect(readme).toContain(`\`${code}\``);
      expect(generalHelp()).toMatch(new RegExp(`^  ${code}  `, 'm'));
    }
  });
});
