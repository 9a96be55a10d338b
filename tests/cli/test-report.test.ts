/**
 * One exit code for a bug in basic-header itself (issue 11, item 6): a report
 * of an internal error exits 70 whatever the mode; a server answering
 * `{"error":"internal"}` is an ordinary rejection.
 */
import { describe, expect, it } from 'vitest';
import type { TokenTestReport } from '../../core/okta/types';
import { EXIT } from '../../cli/exit-codes';
import { exitCodeFor, reportJson, reportLines } from '../../cli/test-report';
import type { Palette } from '../../cli/output';

/** A report with nothing in it but what a test sets. */
function report(patch: Partial<TokenTestReport>): TokenTestReport {
  return {
    ok: false, outcome: 'no-answer', authMethod: 'client_secret_basic', status: null, error: null, serverErrorCode: null,
    errorDescription: null, explanation: null, rateLimit: null, request: null, discovery: null, token: null,
    attempts: [], dpop: null, clock: null, notices: [], elapsedMs: 1, ...patch,
  };
}

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

describe('--json error and failure (issue 5: error is "the OAuth or Okta error code, or null")', () => {
  it.each([
    ['a rejection', { outcome: 'rejected', status: 401, error: 'invalid_client', serverErrorCode: 'invalid_client' }, 'invalid_client', null],
    ['a 429 without a code', { outcome: 'rejected', status: 429 }, null, null],
    ["a 503 with the server's code", { status: 503, error: 'server-error', serverErrorCode: 'temporarily_unavailable' }, 'temporarily_unavailable', 'server-error'],
    ['a 503 HTML page', { status: 503, error: 'server-error' }, null, 'server-error'],
    ['a timeout', { error: 'timeout' }, null, 'timeout'],
    ['input refused before sending', { outcome: 'invalid-input', error: 'bad-domain' }, null, 'bad-domain'],
    ['cancelled', { outcome: 'cancelled', error: 'cancelled' }, null, 'cancelled'],
    ['a bug in basic-header: the documented exception', { error: 'internal' }, 'internal', 'internal'],
    ['success', { ok: true, outcome: 'success', status: 200 }, null, null],
  ] as const)('%s', (_name, patch, error, failure) => {
    expect(reportJson(report(patch))).toMatchObject({ error, failure });
  });
});

describe('the --json keys are documented', () => {
  it('README and --help name every key of the object', async () => {
    const { readFileSync } = await import('node:fs');
    const { commandHelp } = await import('../../cli/help');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const keys = Object.keys(reportJson(report({})));
    const readmeRow = readme.split('\n').find((l) => l.startsWith('| `test [')) ?? '';
    for (const key of keys) {
      expect(readmeRow).toMatch(new RegExp(`[{ ]${key}[,}]`));
      expect(commandHelp('test')).toContain(`"${key}"`);
    }
  });
});

describe('the exit codes are documented', () => {
  it('README, the package README and --help list every code, 70 and 74 included', async () => {
    const { readFileSync } = await import('node:fs');
    const { generalHelp } = await import('../../cli/help');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    // What npm shows for @basic-header/cli (the reviewer of 2026-12-02 found 70 and 74 missing there).
    const packageReadme = readFileSync(new URL('../../packaging/cli/README.md', import.meta.url), 'utf8');
    for (const code of Object.values(EXIT)) {
      expect(readme).toContain(`\`${code}\``);
      expect(packageReadme).toContain(`\`${code}\``);
      expect(generalHelp()).toMatch(new RegExp(`^  ${code}  `, 'm'));
    }
  });
});

describe('reportLines: the token line', () => {
  const same = (text: string): string => text;
  const PLAIN: Palette = { bold: same, dim: same, red: same, green: same, yellow: same };
  const token = (expiresIn: number | null): TokenTestReport['token'] => ({
    tokenType: 'Bearer', expiresIn, receivedAtMs: 0, scope: null, format: 'opaque', header: null, claims: null,
    signature: 'unchecked', signatureDetail: 'Opaque.', accessToken: 'x',
  });
  it('an expires_in of 0 or less is "already expired", never "expires in -5 s" (contract audit, 2026-12-02)', () => {
    const lines = (expiresIn: number): string => reportLines(report({ ok: true, outcome: 'success', status: 200, token: token(expiresIn) }), PLAIN, 0).join('\n');
    expect(lines(-5)).toContain('already expired (expires_in -5)');
    expect(lines(0)).toContain('already expired (expires_in 0)');
    expect(lines(3600)).toContain('expires in 60 min');
    expect(lines(-5)).not.toContain('expires in -');
  });
});
