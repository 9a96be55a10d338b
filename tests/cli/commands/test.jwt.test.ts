/**
 * `basic-header test` with private_key_jwt, client_secret_jwt and DPoP, and
 * `basic-header keygen`, as child processes against the real authorization
 * server configured to Okta's rules. Every run is checked for leaks: the key
 * material (PEM bodies, JWK d/p/q/dp/dq/qi), the client secrets, every signed
 * assertion and proof the server received, and any JWT-shaped string at all.
 */
import { calculateJwkThumbprint, type JWK } from 'jose';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthServer, type AuthServer } from '../../support/auth-server';
import { buildCli, createCli, findLeaks, LeakError, runProcess, tempFile, type Cli, type CliRun, type RunOptions } from '../../support/cli/cli-process';
import { EC_KID, makeJwtClients, RSA_KID, type JwtClients } from '../../support/jwt-clients';
import { behaviours, startFaultServer } from '../../support/fault-servers';
import { findFragments } from '../../support/fragment-scanner';
import { keyNeedles, keyText, makeRsaKey, type KeyFileFormat, type TestKey } from '../../support/key-files';
import { createTestCa } from '../../support/test-ca';

const JWT = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;
const JSON_KEYS = ['authMethod', 'claims', 'dpop', 'error', 'errorDescription', 'explanation', 'failure', 'ok', 'rateLimit', 'request', 'signature', 'status', 'tokenType'];

let server: AuthServer;
let cli: Cli;
let clients: JwtClients;
let caFile: { path: string; remove: () => void };
const files: { remove: () => void }[] = [];

beforeAll(async () => {
  const bin = buildCli();
  clients = makeJwtClients();
  server = await startAuthServer({ clients: clients.all });
  caFile = tempFile('ca.pem', server.ca);
  cli = createCli(bin, [...keyNeedles(clients.rsa), ...keyNeedles(clients.ec), ...keyNeedles(clients.stranger), clients.hmacClient.clientSecret, clients.dpopClient.clientSecret]);
});

afterAll(async () => {
  await server?.close();
  caFile?.remove();
  for (const f of files) f.remove();
});

function keyFile(key: TestKey, format: KeyFileFormat, kid?: string): string {
  const file = tempFile(`key.${format}`, keyText(key, format, kid));
  files.push(file);
  return file.path;
}

/** A run, then the checks no run may fail: nothing the server received as a JWT, and no JWT at all, in the output. */
async function run(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  const result = await cli.run(args, options);
  expect(findLeaks(result, server.wireJwts())).toEqual([]);
  expect(result.stdout).not.toMatch(JWT);
  expect(result.stderr).not.toMatch(JWT);
  return result;
}

function testArgs(clientId: string, ...extra: string[]): string[] {
  return ['test', '--client-id', clientId, '--issuer', server.issuer, '--ca-file', caFile.path, '--scope', 'api:read', ...extra];
}

const keyArgs = (path: string, ...extra: string[]): string[] => testArgs(clients.keyClient.clientId, '--auth-method', 'private_key_jwt', '--private-key', path, ...extra);

function json(result: CliRun): Record<string, unknown> {
  const lines = result.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] ?? '') as Record<string, unknown>;
}

describe('private_key_jwt', () => {
  it('the right key: exit 0, the assertion shown decoded, no secret read', async () => {
    const before = server.assertions().length;
    // stdin is closed and no secret variable is set: private_key_jwt must not ask for one.
    const result = await run(keyArgs(keyFile(clients.rsa, 'pkcs8-pem'), '--key-id', RSA_KID));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Success');
    expect(result.stdout).toMatch(/Auth:\s+private_key_jwt/);
    expect(result.stdout).toMatch(new RegExp(`assertion\\s+alg=RS256 kid=${RSA_KID} \\| iss=${clients.keyClient.clientId} sub=${clients.keyClient.clientId} aud=${server.tokenUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} iat=\\d+ exp=\\d+ jti=[0-9a-f-]{36}`));
    expect(result.stderr).not.toContain('secret');
    expect(server.assertions().slice(before).map((a) => a.header.kid)).toEqual([RSA_KID]);
  });

  it('--json: every existing key plus authMethod, tokenType, dpop and failure', async () => {
    const out = json(await run(keyArgs(keyFile(clients.ec, 'jwk', EC_KID), '--json')));
    expect(Object.keys(out).sort()).toEqual(JSON_KEYS);
    expect(out).toMatchObject({ ok: true, status: 200, signature: 'verified', authMethod: 'private_key_jwt', tokenType: 'Bearer', dpop: null });
    const request = out.request as { body: string; headers: Record<string, string> };
    expect(request.body).toContain('client_assertion=••••••');
    expect(request.headers.Authorization).toBeUndefined();
  });

  it('the wrong key: exit 1, explained', async () => {
    const result = await run(keyArgs(keyFile(clients.stranger, 'pkcs8-pem'), '--key-id', RSA_KID));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('invalid_client');
    expect(result.stderr).toMatch(/Why:/);
  });

  it('a key without a kid: a warning and no kid sent; with --key-id the kid is sent', async () => {
    const path = keyFile(clients.ec, 'sec1-pem');
    const bare = await run(keyArgs(path));
    expect(bare.code).toBe(0);
    expect(bare.stderr).toContain('[no-key-id]');
    expect(server.assertions().at(-1)?.header.kid).toBeUndefined();
    const named = await run(keyArgs(path, '--key-id', EC_KID));
    expect(named.code).toBe(0);
    expect(named.stderr).not.toContain('[no-key-id]');
    expect(server.assertions().at(-1)?.header.kid).toBe(EC_KID);
  });

  it('a key with its own kid: --key-id is not used, and the warning says so', async () => {
    const result = await run(keyArgs(keyFile(clients.rsa, 'jwk', RSA_KID), '--key-id', 'some-other-kid'));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('[key-id-ignored]');
    expect(server.assertions().at(-1)?.header.kid).toBe(RSA_KID);
  });

  it.each([
    ['RSA', 'pkcs8-pem'], ['RSA', 'pkcs1-pem'], ['RSA', 'jwk'], ['RSA', 'jwks'], ['RSA', 'keygen-json'],
    ['EC', 'pkcs8-pem'], ['EC', 'sec1-pem'], ['EC', 'jwk'], ['EC', 'jwks'],
  ] as const)('%s key as %s: exit 0', async (type, format) => {
    const key = type === 'RSA' ? clients.rsa : clients.ec;
    const kid = type === 'RSA' ? RSA_KID : EC_KID;
    const pem = format.endsWith('-pem');
    const result = await run(keyArgs(keyFile(key, format, pem ? undefined : kid), ...(pem ? ['--key-id', kid] : []), '--json'));
    expect(result.code).toBe(0);
    expect(server.assertions().at(-1)?.header).toMatchObject({ kid, alg: type === 'RSA' ? 'RS256' : 'ES256' });
  });

  it('--private-key - reads the key from standard input', async () => {
    const result = await run(keyArgs('-', '--key-id', RSA_KID, '--json'), { input: keyText(clients.rsa, 'pkcs1-pem') });
    expect(result.code).toBe(0);
    expect(json(result).authMethod).toBe('private_key_jwt');
  });

  it('--alg RS512 is used; an --alg that does not fit the key is refused before any traffic', async () => {
    const path = keyFile(clients.rsa, 'pkcs8-pem');
    expect((await run(keyArgs(path, '--key-id', RSA_KID, '--alg', 'RS512'))).code).toBe(0);
    expect(server.assertions().at(-1)?.header.alg).toBe('RS512');
    const before = server.requestCount();
    const wrong = await run(keyArgs(path, '--alg', 'ES256'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('alg-mismatch');
    expect(server.requestCount()).toBe(before);
  });
});

describe('client_secret_jwt', () => {
  it('reads the secret as usual and signs HS256 (or --alg HS512)', async () => {
    for (const extra of [[], ['--alg', 'HS512']]) {
      const result = await run(testArgs(clients.hmacClient.clientId, '--auth-method', 'client_secret_jwt', '--json', ...extra), { input: clients.hmacClient.clientSecret });
      expect(result.code).toBe(0);
      expect(json(result).authMethod).toBe('client_secret_jwt');
      expect(server.assertions().at(-1)?.header).toEqual({ alg: extra[1] ?? 'HS256', typ: 'JWT' });
    }
  });

  it('a short secret is warned about with Okta\'s 32-character rule', async () => {
    const result = await run(testArgs(clients.hmacClient.clientId, '--auth-method', 'client_secret_jwt'), { input: 'too-short-secret-12345' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[secret-too-short-for-hmac]');
  });
});

describe('DPoP', () => {
  it('--dpop: the nonce round trip with a new assertion, and a bound token in --json', async () => {
    const before = server.assertions().length;
    const result = await run(keyArgs(keyFile(clients.rsa, 'jwk', RSA_KID), '--dpop', '--json'));
    expect(result.code).toBe(0);
    const out = json(result);
    expect(out.tokenType).toBe('DPoP');
    const dpop = out.dpop as { jkt: string; nonceRetried: boolean; bound: boolean };
    expect(Object.keys(dpop).sort()).toEqual(['bound', 'jkt', 'nonceRetried']);
    expect(dpop).toMatchObject({ nonceRetried: true, bound: true });
    expect((out.claims as { cnf?: { jkt?: string } }).cnf?.jkt).toBe(dpop.jkt);
    const jtis = server.assertions().slice(before).map((a) => a.claims.jti);
    expect(jtis).toHaveLength(2);
    expect(new Set(jtis).size).toBe(2);
    const proofs = server.dpopProofs().slice(-2);
    expect(proofs[0]?.claims.nonce).toBeUndefined();
    expect(typeof proofs[1]?.claims.nonce).toBe('string');
    expect(await calculateJwkThumbprint(proofs[1]?.header.jwk as JWK)).toBe(dpop.jkt);
    expect((out.request as { headers: Record<string, string> }).headers.DPoP).toBe('••••••');
  });

  it('the human report shows both requests, the nonce and the binding', async () => {
    const result = await run(testArgs(clients.dpopClient.clientId, '--dpop'), { input: clients.dpopClient.clientSecret });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Request 1:\s+HTTP 400 use_dpop_nonce, with a DPoP-Nonce/);
    expect(result.stdout).toMatch(/Request 2:\s+HTTP 200/);
    expect(result.stdout).toMatch(/DPoP proof typ=dpop\+jwt alg=ES256 \| htm=POST htu=\S+ iat=\d+ jti=\S+ nonce=\S+/);
    expect(result.stdout).toMatch(/DPoP:\s+nonce requested and sent on the retry; bound: cnf\.jkt = \S+/);
  });

  it('--debug adds detail but still no key, assertion or proof', async () => {
    const result = await run(keyArgs(keyFile(clients.ec, 'pkcs8-pem'), '--key-id', EC_KID, '--dpop', '--debug'));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/debug: signing key: EC ES256, kid ec-key-2026, thumbprint \S+, read as pkcs8-pem/);
    expect(result.stderr).toMatch(/debug: request sent .*"DPoP":"••••••"/);
  });

  it('DPoP required but not sent: exit 1, says DPoP is required; dpop is null in --json', async () => {
    const human = await run(testArgs(clients.dpopClient.clientId), { input: clients.dpopClient.clientSecret });
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(/requires DPoP/);
    const out = json(await run(testArgs(clients.dpopClient.clientId, '--json'), { input: clients.dpopClient.clientSecret }));
    expect(out).toMatchObject({ ok: false, error: 'invalid_grant', dpop: null, authMethod: 'client_secret_basic' });
    expect((out.explanation as { id: string }).id).toBe('dpop-required');
  });
});

describe('keygen', () => {
  it('prints one JSON object; publicJwk has no private members; kid defaults to the thumbprint; nothing on disk', async () => {
    const work = mkdtempSync(join(tmpdir(), 'basic-header-keygen-'));
    try {
      for (const alg of ['RS256', 'ES256']) {
        const result = await runProcess(process.execPath, [cli.bin, 'keygen', '--alg', alg], cli.needles, { cwd: work, env: { HOME: work, TMPDIR: work } });
        expect(result.code).toBe(0);
        expect(result.stderr).toBe('');
        const out = json(result) as { kid: string; alg: string; publicJwk: JWK; privateJwk: JWK };
        expect(Object.keys(out).sort()).toEqual(['alg', 'kid', 'privateJwk', 'publicJwk']);
        expect(out.alg).toBe(alg);
        expect(out.kid).toBe(await calculateJwkThumbprint(out.publicJwk));
        for (const m of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(out.publicJwk).not.toHaveProperty(m);
        expect(typeof out.privateJwk.d).toBe('string');
      }
      expect(readdirSync(work)).toEqual([]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    const named = json(await runProcess(process.execPath, [cli.bin, 'keygen', '--kid', 'my-key-1'], cli.needles)) as { kid: string; publicJwk: JWK };
    expect(named.kid).toBe('my-key-1');
    expect(named.publicJwk.kid).toBe('my-key-1');
    expect((await runProcess(process.execPath, [cli.bin, 'keygen', '--alg', 'PS256'], cli.needles)).code).toBe(2);
  });

  it('keygen output, registered with the server, then used by test --private-key (and by stdin)', async () => {
    const generated = await runProcess(process.execPath, [cli.bin, 'keygen', '--alg', 'ES256'], []);
    const key = json(generated) as { kid: string; publicJwk: JWK; privateJwk: Record<string, string> };
    cli.protect(key.privateJwk.d ?? '');
    const clientId = await server.registerClient({ authMethod: 'private_key_jwt', jwks: { keys: [key.publicJwk] } });
    const file = tempFile('okta-key.json', generated.stdout);
    files.push(file);
    const viaFile = await run(testArgs(clientId, '--auth-method', 'private_key_jwt', '--private-key', file.path));
    expect(viaFile.code).toBe(0);
    expect(server.assertions().at(-1)?.header.kid).toBe(key.kid);
    const viaStdin = await run(testArgs(clientId, '--auth-method', 'private_key_jwt', '--private-key', '-', '--dpop', '--json'), { input: generated.stdout });
    expect(json(viaStdin).dpop).toMatchObject({ bound: true });
  });

  it.skipIf(spawnSyncScriptMissing())('on a terminal, one stderr line says the output holds a private key', async () => {
    const result = await runProcess('script', ['-qfec', `${process.execPath} ${cli.bin} keygen --alg ES256`, '/dev/null'], []);
    expect(result.code).toBe(0);
    const warnings = result.stdout.split(/\r?\n/).filter((l) => l.includes('PRIVATE key'));
    expect(warnings).toHaveLength(1);
  });
});

function spawnSyncScriptMissing(): boolean {
  // util-linux `script` gives the child a pseudo-terminal.
  return !readdirSync('/usr/bin').includes('script');
}

describe('refused before any traffic (exit 2)', () => {
  it.each([
    ['PEM text as --private-key', (k: string) => ['--private-key', k], 'pkcs8-pem'],
    ['PEM text as --private-key=', (k: string) => [`--private-key=${k}`], 'pkcs1-pem'],
    ['a JWK as --private-key', (k: string) => ['--private-key', k], 'jwk'],
    ['a JWK as --key-id', (k: string) => ['--private-key', 'key.pem', '--key-id', k], 'jwk'],
  ] as const)('key material on argv (%s): refused, never echoed', async (_name, place, format) => {
    const before = server.requestCount();
    const result = await run([...testArgs(clients.keyClient.clientId, '--auth-method', 'private_key_jwt'), ...place(keyText(clients.rsa, format))]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is a private key, not a file name/);
    expect(result.stderr).toMatch(/shell history/);
    expect(server.requestCount()).toBe(before);
  });

  it.each([
    ['private_key_jwt without --private-key', ['--auth-method', 'private_key_jwt'], '--private-key'],
    ['--private-key with basic', ['--private-key', 'key.pem'], 'private_key_jwt'],
    ['--alg with basic', ['--alg', 'RS256'], '--alg'],
    ['an HMAC --alg for private_key_jwt', ['--auth-method', 'private_key_jwt', '--private-key', 'k.pem', '--alg', 'HS256'], '--alg'],
    ['a missing key file', ['--auth-method', 'private_key_jwt', '--private-key', '/nonexistent/key.pem'], 'no such file'],
    ['--form-encode with a JWT method', ['--auth-method', 'client_secret_jwt', '--form-encode'], '--form-encode'],
    ['an unknown --auth-method', ['--auth-method', 'tls_client_auth'], 'private_key_jwt'],
  ])('%s', async (_name, extra, words) => {
    const before = server.requestCount();
    const result = await run(testArgs(clients.keyClient.clientId, ...extra), { input: clients.hmacClient.clientSecret });
    expect(result.code).toBe(2);
    const errors = result.stderr.trim().split('\n').filter((l) => l.startsWith('basic-header:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(words);
    expect(server.requestCount()).toBe(before);
  });

  it.each([['PEM', 'pkcs8-pem'], ['JWK', 'jwk']] as const)('a private key (%s) as the client ID: refused, never sent or echoed (attack review)', async (_name, format) => {
    const before = server.requestCount();
    const result = await run(['test', '--issuer', server.issuer, '--ca-file', caFile.path, '--scope', 'api:read', '--auth-method', 'private_key_jwt',
      '--private-key', keyFile(clients.ec, 'jwk', EC_KID)], { env: { OKTA_OAUTH2_CLIENT_ID: keyText(clients.rsa, format) } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/client ID field holds a private key/);
    expect(server.requestCount()).toBe(before);
  });

  it('a public key where the private key belongs: a plain message', async () => {
    const result = await run(keyArgs(tempPublicKey()));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('public-key-only');
  });
});

function tempPublicKey(): string {
  const file = tempFile('public.json', JSON.stringify({ keys: [clients.rsa.publicJwk] }));
  files.push(file);
  return file.path;
}

/**
 * Attack review, 2026-12-02: the CLI protected the key's members as typed; a server echoing them as bytes
 * (hex, the key's PEM body when it was given as a JWK) or RSA's q in decimal got them printed.
 */
describe('private_key_jwt: a server echoing the key in another form', () => {
  const bytesOf = (key: TestKey, name: string): Buffer => Buffer.from(String((key.privateJwk as Record<string, unknown>)[name]), 'base64url');
  const pkcs8Body = (key: TestKey): string => keyText(key, 'pkcs8-pem').replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
  it.each([
    ['EC d as hex', 'ec', (k: TestKey) => bytesOf(k, 'd').toString('hex')],
    ['EC d in the standard Base64 alphabet', 'ec', (k: TestKey) => bytesOf(k, 'd').toString('base64')],
    ["the EC key's PKCS#8 body (the key was given as a JWK)", 'ec', pkcs8Body],
    ['RSA q in decimal', 'rsa', (k: TestKey) => BigInt(`0x${bytesOf(k, 'q').toString('hex')}`).toString(10)],
  ] as const)('%s: none of it printed, in any mode', async (_name, kind, transform) => {
    const key = kind === 'ec' ? clients.ec : clients.rsa;
    const echoed = transform(key);
    const ca = await createTestCa();
    const hostile = await startFaultServer({ ca, fallback: behaviours.json(401, { error: 'invalid_client', error_description: `Key check failed for ${echoed} (end)` }) });
    const hostileCa = tempFile('hostile-ca.pem', ca.cert);
    files.push(hostileCa);
    try {
      const forms = [bytesOf(key, 'd').toString('hex'), ...(kind === 'rsa' ? [BigInt(`0x${bytesOf(key, 'q').toString('hex')}`).toString(10)] : [])];
      // Positive control: the echo holds a piece of the key the scanner finds.
      expect(findFragments(echoed, [...forms, bytesOf(key, 'd').toString('base64')])).not.toEqual([]);
      for (const mode of [[], ['--json'], ['--debug']]) {
        const result = await run(['test', '--client-id', clients.keyClient.clientId, '--issuer', `${hostile.origin}/oauth2/default`, '--ca-file', hostileCa.path,
          '--auth-method', 'private_key_jwt', '--private-key', keyFile(key, 'jwk', 'k1'), ...mode]);
        expect(result.code).toBe(1);
        expect(`${result.stdout}${result.stderr}`).toContain('Key check failed for');
        expect(findFragments(`${result.stdout}\n${result.stderr}`, [...forms, bytesOf(key, 'd').toString('base64')])).toEqual([]);
      }
    } finally {
      await hostile.close();
    }
  });
});

describe('positive control: the leak checks catch a real leak', () => {
  it('a process printing the key file, or a JWT the server received, is caught', async () => {
    const path = keyFile(clients.rsa, 'pkcs8-pem');
    await expect(runProcess('cat', [path], cli.needles)).rejects.toBeInstanceOf(LeakError);
    const other = makeRsaKey();
    const jwkPath = keyFile(other, 'jwk');
    await expect(runProcess('cat', [jwkPath], keyNeedles(other))).rejects.toBeInstanceOf(LeakError);
    expect((await run(keyArgs(path, '--key-id', RSA_KID, '--dpop'))).code).toBe(0);
    const wire = server.wireJwts();
    expect(wire.length).toBeGreaterThan(0);
    const echoed = await runProcess('printf', ['%s', wire[0] ?? ''], []);
    expect(findLeaks(echoed, wire)).not.toEqual([]);
    expect(echoed.stdout).toMatch(JWT);
  });
});
