import { describe, expect, it } from 'vitest';
import { isLoopbackHost, resolveTarget } from '../../../core/okta/target';
import type { AuthServerChoice, ResolvedTarget } from '../../../core/okta/types';

const DEFAULT: AuthServerChoice = { kind: 'default' };
const ORG: AuthServerChoice = { kind: 'org' };

function resolved(target: string, choice: AuthServerChoice = DEFAULT): ResolvedTarget {
  const result = resolveTarget(target, choice);
  if (!result.ok) throw new Error(`expected ${target} to resolve, got ${result.code}: ${result.message}`);
  return result.value;
}

function refused(target: string, choice: AuthServerChoice = DEFAULT): { code: string; message: string } {
  const result = resolveTarget(target, choice);
  if (result.ok) throw new Error(`expected ${target} to be refused`);
  return result;
}

const codes = (t: ResolvedTarget): string[] => t.notices.map((n) => n.code);

describe('resolveTarget: host forms', () => {
  it.each(['dev-123.okta.com', 'https://dev-123.okta.com/', 'HTTPS://DEV-123.OKTA.COM', '  dev-123.okta.com  ', '\tdev-123.okta.com\n', 'https://dev-123.okta.com///'])(
    '%s → the default custom server on https://dev-123.okta.com',
    (input) => {
      const t = resolved(input);
      expect(t.origin).toBe('https://dev-123.okta.com');
      expect(t.issuer).toBe('https://dev-123.okta.com/oauth2/default');
      expect(t.tokenEndpoint).toBe('https://dev-123.okta.com/oauth2/default/v1/token');
      expect(t.jwksUri).toBe('https://dev-123.okta.com/oauth2/default/v1/keys');
      expect(t.authServer).toEqual(DEFAULT);
      expect(t.insecureLoopback).toBe(false);
      expect(t.notices).toEqual([]);
    },
  );

  it('lists the RFC 8414 metadata URL first, then the legacy forms', () => {
    expect(resolved('dev-123.okta.com').discoveryUrls).toEqual([
      'https://dev-123.okta.com/.well-known/oauth-authorization-server/oauth2/default',
      'https://dev-123.okta.com/oauth2/default/.well-known/oauth-authorization-server',
      'https://dev-123.okta.com/oauth2/default/.well-known/openid-configuration',
    ]);
  });

  it('accepts custom domains, preview and EMEA cells, and host:port', () => {
    expect(resolved('login.example.com').issuer).toBe('https://login.example.com/oauth2/default');
    expect(resolved('acme.oktapreview.com').origin).toBe('https://acme.oktapreview.com');
    expect(resolved('acme.okta-emea.com').origin).toBe('https://acme.okta-emea.com');
    expect(resolved('login.example.com:8443').tokenEndpoint).toBe('https://login.example.com:8443/oauth2/default/v1/token');
    expect(resolved('https://login.example.com:443').origin).toBe('https://login.example.com');
  });

  it('builds the org server endpoints from the choice', () => {
    const t = resolved('dev-123.okta.com', ORG);
    expect(t.issuer).toBe('https://dev-123.okta.com');
    expect(t.tokenEndpoint).toBe('https://dev-123.okta.com/oauth2/v1/token');
    expect(t.jwksUri).toBe('https://dev-123.okta.com/oauth2/v1/keys');
    expect(t.discoveryUrls).toEqual([
      'https://dev-123.okta.com/.well-known/oauth-authorization-server',
      'https://dev-123.okta.com/.well-known/openid-configuration',
    ]);
  });

  it('builds custom server endpoints from the choice, and treats custom "default" as default', () => {
    const t = resolved('dev-123.okta.com', { kind: 'custom', id: 'aus9o8wzkhckw9TLa0h7z' });
    expect(t.issuer).toBe('https://dev-123.okta.com/oauth2/aus9o8wzkhckw9TLa0h7z');
    expect(t.tokenEndpoint).toBe('https://dev-123.okta.com/oauth2/aus9o8wzkhckw9TLa0h7z/v1/token');
    expect(t.discoveryUrls[0]).toBe('https://dev-123.okta.com/.well-known/oauth-authorization-server/oauth2/aus9o8wzkhckw9TLa0h7z');
    expect(resolved('dev-123.okta.com', { kind: 'custom', id: 'default' }).authServer).toEqual(DEFAULT);
  });
});

describe('resolveTarget: pasted paths choose the server', () => {
  it('an issuer for a custom server overrides the choice, with an info notice', () => {
    const t = resolved('https://x.okta.com/oauth2/aus9o8wzkhckw9TLa0h7z', DEFAULT);
    expect(t.authServer).toEqual({ kind: 'custom', id: 'aus9o8wzkhckw9TLa0h7z' });
    expect(t.issuer).toBe('https://x.okta.com/oauth2/aus9o8wzkhckw9TLa0h7z');
    const n = t.notices.find((x) => x.code === 'auth-server-from-path');
    expect(n?.severity).toBe('info');
  });

  it('an issuer for ANOTHER custom server than the one chosen also overrides it, with the notice (mutation review, 2026-12-02)', () => {
    const t = resolved('https://x.okta.com/oauth2/aus2otherserver0h7', { kind: 'custom', id: 'aus1mineserver00h7' });
    expect(t.authServer).toEqual({ kind: 'custom', id: 'aus2otherserver0h7' });
    expect(codes(t)).toEqual(['auth-server-from-path']);
    // Positive control: the same server as chosen is no notice.
    expect(codes(resolved('https://x.okta.com/oauth2/aus1mineserver00h7', { kind: 'custom', id: 'aus1mineserver00h7' }))).toEqual([]);
  });

  it('an issuer that agrees with the choice adds no notice', () => {
    expect(codes(resolved('https://x.okta.com/oauth2/default', DEFAULT))).toEqual([]);
  });

  it('the default issuer overrides an org choice', () => {
    const t = resolved('https://x.okta.com/oauth2/default/', ORG);
    expect(t.authServer).toEqual(DEFAULT);
    expect(codes(t)).toEqual(['auth-server-from-path']);
  });

  it('a full token URL of a custom server', () => {
    const t = resolved('https://x.okta.com/oauth2/default/v1/token');
    expect(t.tokenEndpoint).toBe('https://x.okta.com/oauth2/default/v1/token');
  });

  it('a full token URL of the org server selects org', () => {
    const t = resolved('https://x.okta.com/oauth2/v1/token', DEFAULT);
    expect(t.authServer).toEqual(ORG);
    expect(t.tokenEndpoint).toBe('https://x.okta.com/oauth2/v1/token');
    expect(codes(t)).toEqual(['auth-server-from-path']);
  });

  it.each([
    ['https://x.okta.com/.well-known/oauth-authorization-server/oauth2/aus123ABC', { kind: 'custom', id: 'aus123ABC' }],
    ['https://x.okta.com/.well-known/oauth-authorization-server/oauth2/default', { kind: 'default' }],
    ['https://x.okta.com/oauth2/aus123ABC/.well-known/openid-configuration', { kind: 'custom', id: 'aus123ABC' }],
    ['https://x.okta.com/oauth2/default/.well-known/oauth-authorization-server', { kind: 'default' }],
    ['https://x.okta.com/.well-known/openid-configuration', { kind: 'org' }],
    ['https://x.okta.com/.well-known/oauth-authorization-server', { kind: 'org' }],
  ] as const)('well-known URL %s → %o, tried first', (input, choice) => {
    const t = resolved(input, choice.kind === 'org' ? ORG : DEFAULT);
    expect(t.authServer).toEqual(choice);
    expect(t.discoveryUrls[0]).toBe(input);
    expect(new Set(t.discoveryUrls).size).toBe(t.discoveryUrls.length);
  });

  it('ignores a path that is not an OAuth path, with a warning', () => {
    const t = resolved('https://x.okta.com/app/UserHome', DEFAULT);
    expect(t.authServer).toEqual(DEFAULT);
    expect(t.issuer).toBe('https://x.okta.com/oauth2/default');
    expect(codes(t)).toEqual(['path-ignored']);
  });

  it('treats a bare /oauth2 as no server (the choice stands)', () => {
    const t = resolved('https://x.okta.com/oauth2', { kind: 'custom', id: 'aus1' });
    expect(t.authServer).toEqual({ kind: 'custom', id: 'aus1' });
    expect(codes(t)).toEqual(['path-ignored']);
  });

  it('ignores a harmless query or fragment, with a notice', () => {
    const t = resolved('https://x.okta.com/oauth2/default/.well-known/oauth-authorization-server?client_id=0oa1');
    expect(t.discoveryUrls[0]).toBe('https://x.okta.com/oauth2/default/.well-known/oauth-authorization-server');
    expect(codes(t)).toContain('query-ignored');
  });

  it('repairs a doubled scheme', () => {
    const t = resolved('https://https://x.okta.com/oauth2/default');
    expect(t.origin).toBe('https://x.okta.com');
    expect(codes(t)).toContain('doubled-scheme');
  });
});

describe('resolveTarget: warnings', () => {
  it('strips -admin from an Okta Admin Console host and names the fixed host', () => {
    const t = resolved('https://acme-admin.okta.com/admin/dashboard');
    expect(t.origin).toBe('https://acme.okta.com');
    const admin = t.notices.find((n) => n.code === 'admin-host');
    expect(admin?.severity).toBe('warning');
    expect(admin?.message).toContain('acme-admin.okta.com');
    expect(admin?.message).toContain('acme.okta.com');
  });

  it('on a non-Okta domain only suggests the fixed host', () => {
    const t = resolved('sso-admin.example.com');
    expect(t.origin).toBe('https://sso-admin.example.com');
    // A domain that merely ends like Okta's is not Okta's: never rewritten (mutation review, 2026-12-02).
    expect(resolved('acme-admin.notokta.com').origin).toBe('https://acme-admin.notokta.com');
    expect(t.notices.find((n) => n.code === 'admin-host')?.message).toContain('sso.example.com');
  });

  it('the org server alone is no warning: the target does not know the method (prepareTokenTest warns, for secret methods only)', () => {
    expect(resolved('dev-123.okta.com', ORG).notices).toEqual([]);
    expect(resolved('https://dev-123.okta.com/oauth2/v1/token', ORG).notices).toEqual([]);
  });
});

describe('resolveTarget: HTTP only for loopback', () => {
  it.each(['http://127.0.0.1:8080', 'http://localhost:3000/oauth2/default', 'http://[::1]:9000', 'http://127.5.6.7'])('%s is allowed with a warning', (input) => {
    const t = resolved(input);
    expect(t.insecureLoopback).toBe(true);
    expect(t.tokenEndpoint.startsWith('http://')).toBe(true);
    expect(t.notices.find((n) => n.code === 'insecure-loopback')?.severity).toBe('warning');
  });

  // Any other IPv6 literal is another machine (mutation review, 2026-12-02).
  it.each(['http://dev-123.okta.com', 'http://10.0.0.1', 'http://localhost.example.com', 'http://128.0.0.1', 'http://[2001:db8::1]:8080', 'http://[::2]'])('%s is refused', (input) => {
    const r = refused(input);
    expect(r.code).toBe('insecure-http');
    expect(r.message).toMatch(/https:\/\//);
  });

  it('isLoopbackHost knows the loopback names', () => {
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.nip.io')).toBe(false);
    expect(isLoopbackHost('::ffff:1.2.3.4')).toBe(false);
  });
});

describe('resolveTarget: refused before any traffic', () => {
  it.each([
    ['', 'empty-target'],
    ['   ', 'empty-target'],
    ['dev 123.okta.com', 'bad-domain'],
    ['dev-123.okta.com\nevil.com', 'bad-domain'],
    ['dev_123.okta.com', 'bad-domain'],
    ['-dev.okta.com', 'bad-domain'],
    ['dev..okta.com', 'bad-domain'],
    ['https://', 'bad-domain'],
    ['https://dev-123.okta.com:99999', 'bad-domain'],
    ['ftp://dev-123.okta.com', 'unsupported-scheme'],
    ['javascript://alert(1)', 'unsupported-scheme'],
  ])('%j → %s', (input, code) => {
    expect(refused(input).code).toBe(code);
  });

  it('refuses userinfo without echoing it', () => {
    for (const input of ['https://0oa1:s3cr3t-value@dev-123.okta.com', 'user@dev-123.okta.com', 'https://:pw-value@x.okta.com/oauth2/default']) {
      const r = refused(input);
      expect(r.code).toBe('credentials-in-url');
      expect(r.message).not.toContain('s3cr3t-value');
      expect(r.message).not.toContain('pw-value');
    }
  });

  it('refuses credentials in the query or fragment without echoing them', () => {
    for (const input of [
      'https://x.okta.com/oauth2/default/v1/token?client_secret=s3cr3t-value',
      'https://x.okta.com/?password=s3cr3t-value',
      'https://x.okta.com/#access_token=s3cr3t-value',
      // A signed client assertion is a credential too (mutation review, 2026-12-02).
      'https://x.okta.com/oauth2/default/v1/token?client_assertion=eyJhbGciOiJSUzI1NiJ9.s3cr3t-value',
    ]) {
      const r = refused(input);
      expect(r.code).toBe('credentials-in-url');
      expect(r.message).not.toContain('s3cr3t-value');
    }
  });

  it.each([
    [{ kind: 'custom', id: '' }],
    [{ kind: 'custom', id: 'https://x.okta.com/oauth2/aus1' }],
    [{ kind: 'custom', id: 'aus 1' }],
    [{ kind: 'custom', id: '../admin' }],
  ] as const)('refuses the custom server ID %o', (choice) => {
    expect(refused('dev-123.okta.com', choice).code).toBe('bad-auth-server-id');
  });

  it('refuses an invalid server ID in a pasted path', () => {
    expect(refused('https://x.okta.com/oauth2/aus-1!/v1/token').code).toBe('bad-auth-server-id');
  });

  it('a pasted path makes an invalid chosen ID irrelevant', () => {
    expect(resolved('https://x.okta.com/oauth2/default', { kind: 'custom', id: '' }).authServer).toEqual(DEFAULT);
  });
});

describe('resolveTarget: typos that used to send requests to a host named "https" (issue 11, item 9)', () => {
  it.each([
    ['https//dev-123.okta.com/oauth2/default', 'https://dev-123.okta.com/oauth2/default'],
    ['https:/dev-123.okta.com/oauth2/default', 'https://dev-123.okta.com/oauth2/default'],
    ['https:\\\\dev-123.okta.com\\oauth2\\default', 'https://dev-123.okta.com/oauth2/default'],
    ['https:\\dev-123.okta.com', 'https://dev-123.okta.com'],
    ['HTTPS//dev-123.okta.com', 'https://dev-123.okta.com'],
    ['http//localhost:8080/oauth2/default', 'http://localhost:8080/oauth2/default'],
    ['https:dev-123.okta.com/oauth2/default', 'https://dev-123.okta.com/oauth2/default'],
  ])('%s is refused, offering %s', (typed, meant) => {
    const r = refused(typed);
    expect(r.code).toBe('scheme-typo');
    expect(r.message).toContain(`Did you mean ${meant}?`);
    // The offer is a real address: it resolves.
    expect(resolved(meant).origin).toMatch(/^https?:\/\/(dev-123\.okta\.com|localhost:8080)$/);
  });

  it('a typo that also carries a credential is refused for the credential, never echoed', () => {
    const r = refused('https//0oa1:Sup3rSecretValue@dev-123.okta.com');
    expect(r.code).toBe('credentials-in-url');
    expect(r.message).not.toContain('Sup3rSecretValue');
  });

  it.each(['https://https/oauth2/default', 'https://http:443/oauth2/default', 'https', 'HTTPS.'])('a host named http/https (%s) is refused', (typed) => {
    expect(refused(typed).code).toBe('bad-domain');
  });

  it('port 0 is refused', () => {
    expect(refused('https://dev-123.okta.com:0/oauth2/default').message).toContain('Port 0');
  });

  it('a single-label host is warned about; localhost and IP addresses are not', () => {
    expect(codes(resolved('https://okta/oauth2/default'))).toContain('single-label-host');
    expect(codes(resolved('http://localhost:8080'))).not.toContain('single-label-host');
    expect(codes(resolved('https://10.0.0.5'))).not.toContain('single-label-host');
    expect(codes(resolved('https://[::1]:8443'))).not.toContain('single-label-host');
    expect(codes(resolved('dev-123.okta.com'))).not.toContain('single-label-host');
  });

  it('a look-alike (Cyrillic о) host is flagged, with its Unicode form shown', () => {
    const t = resolved('https://dev-123.\u043ekta.com/oauth2/default');
    expect(t.origin).toBe('https://dev-123.xn--kta-red.com');
    const warning = t.notices.find((n) => n.code === 'punycode-host');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain('dev-123.\u043ekta.com');
    expect(codes(resolved('https://xn--bcher-kva.example'))).toContain('punycode-host');
    expect(t.notices.find((n) => n.code === 'punycode-host')?.message).toContain('xn--kta-red');
  });
});

describe('hostToUnicode (RFC 3492)', () => {
  it('agrees with Node\'s domainToUnicode', async () => {
    const { domainToASCII, domainToUnicode } = await import('node:url');
    const { hostToUnicode } = await import('../../../core/okta/punycode');
    for (const name of ['dev-123.\u043ekta.com', 'bücher.example', 'münchen-straße.de', '日本語.jp', 'παράδειγμα.δοκιμή', 'a.b-c.xn--', 'plain.example']) {
      const ascii = domainToASCII(name) || name;
      expect(hostToUnicode(ascii)).toBe(domainToUnicode(ascii) || ascii);
    }
  });
});
