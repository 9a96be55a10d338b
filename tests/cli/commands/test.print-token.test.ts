/**
 * --print-token prints the server's access token verbatim, so a hostile server
 * answering with the Basic value (or a JWT whose claims carry the secret) as
 * the "token" would have it piped on. The suite's CLI fails any run whose
 * stdout or stderr shows the secret or Basic value: that is the positive control.
 */
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { behaviours, startFaultServer, type RecordedRequest } from '../../support/fault-servers';
import { useCliSuite } from '../../support/cli/cli-suite';

const CLIENT_ID = '0oa1printtoken0000h7';
const SECRET = 'cli-print-token-secret-0123456789_abcdefghijklmnopqrstuvwxyzAB';
const BASIC = Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64');
const suite = useCliSuite('print-token', CLIENT_ID, SECRET);

const jwtWith = (claims: object): string =>
  `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

describe('--print-token never prints a token that holds the secret', () => {
  it.each([
    ['the Basic value as the token', BASIC],
    ['a JWT whose claim is the secret', jwtWith({ sub: 'x', echo: SECRET })],
    // Attack review, 2026-12-02: invisible characters the folded view once kept, so the token went out.
    ['the secret with variation selectors between its characters', [...SECRET].join('\uFE0F')],
    ['the secret with tag characters (astral) between its characters', [...SECRET].join('\u{E0020}')],
    // The second review: a claim carrying the secret as hex or percent-escapes (only the decoded claims show it).
    ['a JWT whose claim is the secret as hex', jwtWith({ sub: 'x', echo: Buffer.from(SECRET, 'utf8').toString('hex') })],
    ['a JWT whose claim is the secret percent-escaped', jwtWith({ sub: 'x', echo: [...SECRET].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('') })],
  ])('%s: exit 3, nothing on stdout', async (_name, token) => {
    const server = await suite.track(startFaultServer({ ca: suite.ca, fallback: behaviours.json(200, { access_token: token, token_type: 'Bearer', expires_in: 3600 }) }));
    const run = await suite.cli.run(
      ['test', '--client-id', CLIENT_ID, '--issuer', `${server.origin}/oauth2/default`, '--ca-file', suite.caPath, '--scope', 'api:read', '--print-token'],
      { input: SECRET },
    );
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/holds a credential this test sent/);
  });

  // Third review, 2026-12-02: the server hands back the client assertion or the DPoP proof it was sent as the "token".
  it.each([
    ['the client assertion (client_secret_jwt)', ['--auth-method', 'client_secret_jwt'], (r: RecordedRequest) => new URLSearchParams(r.body).get('client_assertion')],
    ['the DPoP proof', ['--dpop'], (r: RecordedRequest) => (typeof r.headers.dpop === 'string' ? r.headers.dpop : null)],
  ] as const)('%s as the token: exit 3, nothing on stdout, not its signature anywhere', async (_name, flags, sent) => {
    const echoed: string[] = [];
    const server = await suite.track(startFaultServer({
      ca: suite.ca,
      fallback: (request) => {
        const jwt = sent(request);
        if (jwt === null) return behaviours.json(404, { error: 'not_found' });
        echoed.push(jwt);
        return behaviours.json(200, { access_token: jwt, token_type: 'Bearer', expires_in: 3600 });
      },
    }));
    const run = await suite.cli.run(
      ['test', '--client-id', CLIENT_ID, '--issuer', `${server.origin}/oauth2/default`, '--ca-file', suite.caPath, '--scope', 'api:read', ...flags, '--print-token'],
      { input: SECRET },
    );
    // Positive control: the server did send a signed JWT back.
    expect(echoed).toHaveLength(1);
    const signature = echoed[0]?.split('.')[2] ?? '';
    expect(signature.length).toBeGreaterThan(40);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/holds a credential this test sent/);
    expect(run.stderr).not.toContain(signature.slice(0, 16));
  });

  it('an ordinary opaque token is still printed', async () => {
    const server = await suite.track(startFaultServer({ ca: suite.ca, fallback: behaviours.json(200, { access_token: 'opaque-token-value', token_type: 'Bearer' }) }));
    const run = await suite.cli.run(
      ['test', '--client-id', CLIENT_ID, '--issuer', `${server.origin}/oauth2/default`, '--ca-file', suite.caPath, '--scope', 'api:read', '--print-token'],
      { input: SECRET },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('opaque-token-value\n');
  });
});
