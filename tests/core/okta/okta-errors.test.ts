import { describe, expect, it } from 'vitest';
import { explainOktaError, OKTA_ERROR_ROWS, parseOktaErrorBody, readRateLimit } from '../../../core/okta/okta-errors';
import { OKTA_ERROR_FIXTURES, RATE_LIMIT_FIXTURE, RATE_LIMIT_RESET_EPOCH_S, UNKNOWN_ERROR_FIXTURE } from '../../support/okta-fixtures';

function explainFixture(body: unknown, status: number): string {
  const parsed = parseOktaErrorBody(body);
  return explainOktaError(status, parsed?.code ?? null, parsed?.description ?? null).id;
}

describe('explanation table', () => {
  it.each(OKTA_ERROR_FIXTURES.map((f) => [f.name, f] as const))('%s → its row', (_name, fixture) => {
    expect(explainFixture(fixture.body, fixture.status)).toBe(fixture.explanationId);
  });

  it('covers every A4 situation named in the issue', () => {
    const ids = new Set(OKTA_ERROR_FIXTURES.map((f) => f.explanationId));
    for (const id of [
      'wrong-secret', 'client-auth-failed', 'unknown-client', 'no-credentials', 'malformed-basic', 'grant-type-not-enabled',
      'no-default-scopes', 'unknown-scope', 'openid-scope', 'custom-scope-to-org-server', 'no-matching-policy', 'scopes-rejected',
      'org-server-requires-private-key-jwt', 'multiple-credentials', 'dpop-required', 'browser-request',
    ]) {
      expect(ids.has(id), id).toBe(true);
      expect(OKTA_ERROR_ROWS.some((r) => r.id === id), id).toBe(true);
    }
  });

  it('rows have distinct ids and a cause and fix each', () => {
    expect(new Set(OKTA_ERROR_ROWS.map((r) => r.id)).size).toBe(OKTA_ERROR_ROWS.length);
    for (const row of OKTA_ERROR_ROWS) {
      expect(row.cause.length, row.id).toBeGreaterThan(20);
      expect(row.fix.length, row.id).toBeGreaterThan(20);
    }
  });

  it('the rate limit row matches the E0000047 body and a bare 429', () => {
    expect(explainFixture(RATE_LIMIT_FIXTURE.body, 429)).toBe('rate-limited');
    expect(explainOktaError(429, null, null).id).toBe('rate-limited');
  });

  it('matches on the code AND the text: the same text under another code is not that row', () => {
    expect(explainOktaError(401, 'invalid_client', 'The client secret supplied for a confidential client is invalid.').id).toBe('wrong-secret');
    expect(explainOktaError(400, 'invalid_scope', 'The client secret supplied for a confidential client is invalid.').id).toBe('unknown');
  });

  it('is tolerant of case, spacing and typographic quotes', () => {
    expect(explainOktaError(400, 'INVALID_SCOPE', 'Cannot  request \u2018openid\u2019 scopes using client credentials.').id).toBe('openid-scope');
  });

  it('an Okta E0000007 body (a custom server ID that does not exist) → resource-not-found', () => {
    expect(explainFixture({ errorCode: 'E0000007', errorSummary: 'Not found: Resource not found: aus000missing (AuthorizationServer)', errorLink: 'E0000007', errorId: 'oae1', errorCauses: [] }, 404)).toBe('resource-not-found');
  });

  it('an invalid_dpop_proof text no specific row knows still gets the DPoP row, not "unknown"', () => {
    expect(explainFixture({ error: 'invalid_dpop_proof', error_description: 'Something new about the DPoP proof.' }, 400)).toBe('dpop-proof-invalid');
    // The known texts keep their own rows (the catch-all comes last).
    expect(explainFixture({ error: 'invalid_dpop_proof', error_description: "The DPoP proof JWT 'htm' claim is invalid." }, 400)).toBe('dpop-proof-htm');
  });

  it('an unknown error is "unknown", with per-code guidance when the code is a standard one', () => {
    const known = explainFixture(UNKNOWN_ERROR_FIXTURE.body, UNKNOWN_ERROR_FIXTURE.status);
    expect(known).toBe('unknown');
    const generic = explainOktaError(401, 'invalid_client', 'Something new.');
    expect(generic.id).toBe('unknown');
    expect(generic.cause).toMatch(/inactive app|wrong client ID/);
    const unheard = explainOktaError(418, 'teapot', 'I am a teapot');
    expect(unheard.id).toBe('unknown');
    expect(unheard.title).toContain('teapot');
  });
});

describe('parseOktaErrorBody', () => {
  it('reads the OAuth shape', () => {
    expect(parseOktaErrorBody({ error: 'invalid_client', error_description: 'x' })).toEqual({
      shape: 'oauth', code: 'invalid_client', description: 'x', causes: [], errorId: null,
    });
    expect(parseOktaErrorBody({ error: 'invalid_scope' })?.description).toBeNull();
  });

  it('reads the Okta shape, with causes and errorId', () => {
    expect(
      parseOktaErrorBody({
        errorCode: 'E0000001', errorSummary: 'Api validation failed: scope', errorId: 'oae1',
        errorCauses: [{ errorSummary: 'scope: not valid' }, 'junk', null],
      }),
    ).toEqual({ shape: 'okta', code: 'E0000001', description: 'Api validation failed: scope', causes: ['scope: not valid'], errorId: 'oae1' });
  });

  it('returns null for anything else', () => {
    for (const body of [null, 'text', 42, [], {}, { message: 'x' }, { error: 42 }]) expect(parseOktaErrorBody(body)).toBeNull();
  });
});

describe('readRateLimit', () => {
  it('reads the three X-Rate-Limit headers', () => {
    const headers = new Headers(RATE_LIMIT_FIXTURE.headers);
    expect(readRateLimit(headers)).toEqual({ limit: 600, remaining: 0, resetEpochSeconds: RATE_LIMIT_RESET_EPOCH_S });
  });

  it('is null without them, and tolerates garbage', () => {
    expect(readRateLimit(new Headers())).toBeNull();
    expect(readRateLimit(new Headers({ 'x-rate-limit-limit': 'abc', 'x-rate-limit-remaining': '5' }))).toEqual({
      limit: null, remaining: 5, resetEpochSeconds: null,
    });
  });
});
