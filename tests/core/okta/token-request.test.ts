import { describe, expect, it } from 'vitest';
import { buildBasicCredentials } from '../../../core/encoding';
import { buildMaskedPreview, MASK, normaliseScopes, normaliseTimeout, orgServerMethodNotice, prepareTokenTest } from '../../../core/okta/token-request';
import { CLIENT_AUTH_METHODS, type ClientSigningKey, type TokenTestInput } from '../../../core/okta/types';
import { basicTestInput } from '../../support/token-inputs';

const SECRET = 'Zx9-secret_value+with/odd=chars0123456789abcdefghij';
const INPUT: TokenTestInput = basicTestInput({ target: 'dev-123.okta.com', clientId: '0oa1testclient0000h7', clientSecret: SECRET, timeoutMs: 15_000 });

function prepared(input: Partial<TokenTestInput> = {}) {
  const result = prepareTokenTest({ ...INPUT, ...input });
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

describe('the request sent', () => {
  it('client_secret_basic: the Basic header only, no credentials in the body', () => {
    const req = prepared().build('https://dev-123.okta.com/oauth2/default/v1/token');
    const expected = buildBasicCredentials({ clientId: INPUT.clientId, clientSecret: SECRET, formEncode: false }).value;
    expect(req.headers).toEqual({
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
      Authorization: `Basic ${expected}`,
    });
    expect(req.body).toBe('grant_type=client_credentials&scope=api%3Aread');
    expect(Object.keys(req.headers).map((h) => h.toLowerCase())).not.toContain('origin');
  });

  it('client_secret_basic with RFC 6749 form-encoding encodes before Base64', () => {
    const req = prepared({ formEncode: true }).build('https://x/t');
    const encoded = buildBasicCredentials({ clientId: INPUT.clientId, clientSecret: SECRET, formEncode: true }).value;
    const raw = buildBasicCredentials({ clientId: INPUT.clientId, clientSecret: SECRET, formEncode: false }).value;
    expect(encoded).not.toBe(raw);
    expect(req.headers.Authorization).toBe(`Basic ${encoded}`);
  });

  it('client_secret_post: credentials in the body only, no Authorization header', () => {
    const req = prepared({ authMethod: 'client_secret_post' }).build('https://x/t');
    expect(req.headers.Authorization).toBeUndefined();
    const form = new URLSearchParams(req.body);
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('scope')).toBe('api:read');
    expect(form.get('client_id')).toBe(INPUT.clientId);
    expect(form.get('client_secret')).toBe(SECRET);
  });

  it('joins several scopes with one space, whatever the separators typed', () => {
    const req = prepared({ scopes: ['api:read  api:write', 'api:read,custom.scope'] }).build('https://x/t');
    expect(new URLSearchParams(req.body).get('scope')).toBe('api:read api:write custom.scope');
    expect(normaliseScopes([' a ', '', 'b\tc', 'a'])).toEqual(['a', 'b', 'c']);
  });

  it('omits scope when none is given, with an info notice', () => {
    const p = prepared({ scopes: [] });
    expect(p.build('https://x/t').body).toBe('grant_type=client_credentials');
    expect(p.notices.map((n) => n.code)).toContain('no-scope');
  });

  it('uses the cleaned credentials (hygiene from the encoder) and passes its notices on', () => {
    const p = prepared({ clientSecret: `${SECRET}\n`, clientId: ` ${INPUT.clientId}` });
    expect(p.clientId).toBe(INPUT.clientId);
    const expected = buildBasicCredentials({ clientId: INPUT.clientId, clientSecret: SECRET, formEncode: false }).value;
    expect(p.build('https://x/t').headers.Authorization).toBe(`Basic ${expected}`);
    expect(p.notices.map((n) => n.code)).toEqual(expect.arrayContaining(['trimmed-whitespace', 'removed-line-break']));
  });

  it('warns about OpenID scopes and custom scopes on the org server', () => {
    expect(prepared({ scopes: ['openid', 'api:read'] }).notices.map((n) => n.code)).toContain('oidc-scope');
    expect(prepared({ authServer: { kind: 'org' }, scopes: ['api:read'] }).notices.map((n) => n.code)).toContain('custom-scope-org-server');
    expect(prepared({ authServer: { kind: 'org' }, scopes: ['okta.users.read'] }).notices.map((n) => n.code)).not.toContain('custom-scope-org-server');
  });

  it('bounds the timeout', () => {
    expect(normaliseTimeout(0)).toBe(15_000);
    expect(normaliseTimeout(Number.NaN)).toBe(15_000);
    expect(normaliseTimeout(-5)).toBe(15_000);
    expect(normaliseTimeout(2500)).toBe(2500);
    expect(normaliseTimeout(10 ** 9)).toBe(600_000);
  });
});

describe('JWT client authentication and DPoP in the request', () => {
  const URL_ = 'https://dev-123.okta.com/oauth2/default/v1/token';
  const FORM_TYPE = 'client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer';

  it('client_secret_jwt: the assertion and its type in the body, no secret and no Authorization header; masked twin', () => {
    const req = prepared({ authMethod: 'client_secret_jwt' }).build(URL_, { assertion: 'a.b.c' });
    expect(req.headers.Authorization).toBeUndefined();
    expect(req.body).toBe(`grant_type=client_credentials&scope=api%3Aread&${FORM_TYPE}&client_assertion=a.b.c`);
    expect(req.body).not.toContain('client_secret');
    expect(req.masked.body).toBe(`grant_type=client_credentials&scope=api%3Aread&${FORM_TYPE}&client_assertion=${MASK}`);
  });

  it('DPoP: the proof in a DPoP header, masked in the twin', () => {
    const req = prepared({ dpop: true }).build(URL_, { dpopProof: 'p.q.r' });
    expect(req.headers.DPoP).toBe('p.q.r');
    expect(req.masked.headers.DPoP).toBe(MASK);
    expect(prepared().build(URL_).headers.DPoP).toBeUndefined();
  });

  it('warns: secrets on the org server, .self scopes, short HMAC secrets', () => {
    const codes = (input: Partial<TokenTestInput>) => prepared(input).notices.map((n) => n.code);
    expect(codes({ authServer: { kind: 'org' }, target: 'dev-123.okta.com', scopes: ['okta.users.read'] })).toContain('org-server-needs-private-key-jwt');
    expect(codes({ scopes: ['okta.users.read.self'] })).toContain('self-scope');
    expect(codes({ authMethod: 'client_secret_jwt', clientSecret: 'x'.repeat(31) })).toContain('secret-too-short-for-hmac');
    expect(codes({ authMethod: 'client_secret_jwt', clientSecret: 'x'.repeat(32) })).not.toContain('secret-too-short-for-hmac');
  });

  it('refuses a key or an assertion algorithm with a secret method, and an unknown HMAC algorithm', () => {
    expect(prepareTokenTest({ ...INPUT, assertionAlg: 'HS256' })).toMatchObject({ ok: false, code: 'bad-assertion-alg' });
    expect(prepareTokenTest({ ...INPUT, authMethod: 'client_secret_jwt', assertionAlg: 'HS1' })).toMatchObject({ ok: false, code: 'bad-assertion-alg' });
  });
});

describe('the org authorization server and the client authentication method', () => {
  /** The key is never used to sign here (only build() without a signed assertion): alg and kid are what is checked. */
  const KEY: ClientSigningKey = { key: Object.freeze({}) as ClientSigningKey['key'], alg: 'RS256', kid: 'k1' };
  const ORG_INPUT: Partial<TokenTestInput> = { authServer: { kind: 'org' }, scopes: ['okta.users.read'] };
  const withMethod = (method: TokenTestInput['authMethod']): Partial<TokenTestInput> =>
    method === 'private_key_jwt' ? { ...ORG_INPUT, authMethod: method, clientKey: KEY, clientSecret: '' } : { ...ORG_INPUT, authMethod: method };
  /** Every notice about the org server, whatever its code: target notices included. */
  const orgNotices = (input: Partial<TokenTestInput>) => prepared(input).notices.filter((n) => /org/i.test(n.code) && n.code !== 'custom-scope-org-server');

  it('private_key_jwt (README\'s recommended setup): no warning at all about the server or the method', () => {
    expect(orgNotices(withMethod('private_key_jwt'))).toEqual([]);
    expect(prepared(withMethod('private_key_jwt')).notices.filter((n) => n.severity === 'warning' && /authorization server/.test(n.message))).toEqual([]);
  });

  it.each(CLIENT_AUTH_METHODS.filter((m) => m !== 'private_key_jwt'))('%s: exactly one warning, naming the method and both ways out', (method) => {
    const notices = orgNotices(withMethod(method));
    expect(notices.map((n) => [n.code, n.severity])).toEqual([['org-server-needs-private-key-jwt', 'warning']]);
    expect(notices[0]?.message).toContain(`so ${method} will be refused`);
    expect(notices[0]?.message).toContain('Use private_key_jwt');
    expect(notices[0]?.message).toContain('the default or a custom authorization server');
  });

  it('an org server named by the pasted path counts as the org server', () => {
    const codes = prepared({ target: 'https://dev-123.okta.com/oauth2/v1/token', scopes: ['okta.users.read'] }).notices.map((n) => n.code);
    expect(codes).toEqual(expect.arrayContaining(['auth-server-from-path', 'org-server-needs-private-key-jwt']));
  });

  it('is there before the secret is: a preview still missing it carries the warning', () => {
    const result = prepareTokenTest({ ...INPUT, ...ORG_INPUT, clientSecret: '' });
    expect(result).toMatchObject({ ok: false, code: 'empty-client-secret' });
    expect(result.notices?.map((n) => n.code)).toContain('org-server-needs-private-key-jwt');
  });

  it('orgServerMethodNotice: only the org server with a method other than private_key_jwt', () => {
    expect(orgServerMethodNotice({ kind: 'org' }, 'private_key_jwt')).toBeNull();
    expect(orgServerMethodNotice({ kind: 'default' }, 'client_secret_basic')).toBeNull();
    expect(orgServerMethodNotice({ kind: 'custom', id: 'aus1' }, 'client_secret_post')).toBeNull();
    expect(orgServerMethodNotice({ kind: 'org' }, 'client_secret_jwt')?.code).toBe('org-server-needs-private-key-jwt');
  });
});

describe('buildMaskedPreview', () => {
  it('masks the Basic value and shows the documented endpoint', () => {
    const preview = buildMaskedPreview(INPUT);
    expect(preview).toEqual({
      ok: true,
      value: {
        method: 'POST',
        url: 'https://dev-123.okta.com/oauth2/default/v1/token',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', Authorization: `Basic ${MASK}` },
        body: 'grant_type=client_credentials&scope=api%3Aread',
      },
    });
  });

  it('masks client_secret in a post body but shows client_id', () => {
    const preview = buildMaskedPreview({ ...INPUT, authMethod: 'client_secret_post' });
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.value.body).toBe(`grant_type=client_credentials&scope=api%3Aread&client_id=${INPUT.clientId}&client_secret=${MASK}`);
    expect(preview.value.headers.Authorization).toBeUndefined();
  });

  it('never contains the secret, its encodings or the Basic value', () => {
    for (const authMethod of ['client_secret_basic', 'client_secret_post'] as const) {
      for (const formEncode of [false, true]) {
        const input = { ...INPUT, authMethod, formEncode };
        const preview = JSON.stringify(buildMaskedPreview(input));
        const needles = prepared(input).secretNeedles;
        expect(needles.length).toBeGreaterThanOrEqual(3);
        for (const needle of needles) expect(preview).not.toContain(needle);
      }
    }
  });

  it('fails like the test would, before any traffic', () => {
    expect(buildMaskedPreview({ ...INPUT, target: 'http://dev-123.okta.com' })).toMatchObject({ ok: false, code: 'insecure-http' });
  });
});

describe('input validation', () => {
  it.each([
    [{ clientSecret: '' }, 'empty-client-secret'],
    [{ clientSecret: '  \n' }, 'empty-client-secret'],
    [{ clientId: '' }, 'empty-client-id'],
    [{ clientId: '0oa1:abc', clientSecret: SECRET }, 'invalid-credentials'],
    [{ clientId: '0oa1:thesecret', clientSecret: '' }, 'id-secret-pasted-together'],
    [{ scopes: ['api"read'] }, 'bad-scope'],
    [{ scopes: ['api\\read'] }, 'bad-scope'],
    [{ scopes: ['scopé'] }, 'bad-scope'],
    [{ authMethod: 'tls_client_auth' as unknown as TokenTestInput['authMethod'] }, 'bad-auth-method'],
    [{ target: '' }, 'empty-target'],
    [{ target: 'http://example.com' }, 'insecure-http'],
  ] as const)('%o → %s', (patch, code) => {
    const result = prepareTokenTest({ ...INPUT, ...patch });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.message).not.toContain(SECRET);
      expect(result.message).not.toContain('thesecret');
    }
  });

  it('a colon in the client ID is named by position, never with the secret', () => {
    const result = prepareTokenTest({ ...INPUT, clientId: '0oa1:abc' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/colon/);
  });
});
