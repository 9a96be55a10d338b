import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, appResponseHeaders, CONTENT_SECURITY_POLICY, createAppProtocolHandler, resolveAppUrl } from '../../../electron/main/app-protocol';

const root = path.resolve('/srv/app/dist/renderer');

describe('resolveAppUrl', () => {
  it('maps app URLs to files under the root, with content types', () => {
    expect(resolveAppUrl('app://basic-header/index.html', root)).toEqual({ ok: true, value: { filePath: path.join(root, 'index.html'), contentType: 'text/html; charset=utf-8' } });
    expect(resolveAppUrl('app://basic-header/', root)).toMatchObject({ ok: true, value: { filePath: path.join(root, 'index.html') } });
    expect(resolveAppUrl('app://basic-header/assets/index-abc.js?v=1#x', root)).toMatchObject({ ok: true, value: { filePath: path.join(root, 'assets', 'index-abc.js'), contentType: 'text/javascript; charset=utf-8' } });
    expect(resolveAppUrl('app://basic-header/assets/app.css', root)).toMatchObject({ ok: true, value: { contentType: 'text/css; charset=utf-8' } });
    expect(resolveAppUrl('app://basic-header/icon.svg', root)).toMatchObject({ ok: true, value: { contentType: 'image/svg+xml' } });
  });

  it.each([
    'app://basic-header/..%2f..%2findex.html',
    'app://basic-header/assets/..%2F..%2F..%2Fsecrets.json',
    'app://basic-header/..%5c..%5cindex.html',
    'app://basic-header/assets%5c..%5c..%5cindex.html',
    'app://basic-header/%00index.html',
    'app://basic-header/index.html%00.js',
    'app://basic-header/.env.json',
    'app://basic-header/assets/.hidden.js',
  ])('refuses traversal, NUL, backslashes and hidden files: %s', (url) => {
    expect(resolveAppUrl(url, root)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it.each(['app://basic-header/../../index.html', 'app://basic-header/%2e%2e/%2E%2E/index.html', 'app://basic-header/assets/./../../index.html'])(
    'dot segments the URL parser already resolves stay inside the root: %s',
    (url) => {
      expect(resolveAppUrl(url, root)).toMatchObject({ ok: true, value: { filePath: path.join(root, 'index.html') } });
    },
  );

  it('refuses other hosts and schemes', () => {
    expect(resolveAppUrl('app://basic-header.evil/index.html', root)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(resolveAppUrl('app://other/index.html', root)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(resolveAppUrl('file:///srv/app/dist/renderer/index.html', root)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('refuses unknown file types and malformed escapes', () => {
    expect(resolveAppUrl('app://basic-header/main.cjs', root)).toMatchObject({ ok: false, code: 'not-found' });
    expect(resolveAppUrl('app://basic-header/index.js.map', root)).toMatchObject({ ok: false, code: 'not-found' });
    expect(resolveAppUrl('app://basic-header/%E0%A4%A.html', root)).toMatchObject({ ok: false, code: 'not-found' });
  });
});

describe('appResponseHeaders', () => {
  it('sends the CSP as a header plus nosniff and no-store', () => {
    expect(appResponseHeaders('text/html; charset=utf-8')).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    });
  });
});

describe('APP_SCHEME_PRIVILEGES', () => {
  it('registers app: as standard and secure, without bypassing the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('allowServiceWorkers');
  });
});

describe('createAppProtocolHandler (real files)', () => {
  let dir: string;
  let handler: (request: Request) => Promise<Response>;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bh-protocol-'));
    await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>x</title>');
    await writeFile(path.join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'outside.html'), 'SECRET-OUTSIDE');
    handler = createAppProtocolHandler(path.join(dir, 'renderer'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves index.html with the CSP header', async () => {
    const response = await handler(new Request('app://basic-header/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>x</title>');
  });

  it('serves a module script as JavaScript', async () => {
    const response = await handler(new Request('app://basic-header/assets/app.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const url of ['app://basic-header/../outside.html', 'app://basic-header/%2e%2e/outside.html', 'app://basic-header/..%2foutside.html']) {
      const response = await handler(new Request(url));
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(await response.text()).not.toContain('SECRET-OUTSIDE');
    }
  });

  it('404s a missing file and a directory, 405s a POST', async () => {
    expect((await handler(new Request('app://basic-header/missing.html'))).status).toBe(404);
    expect((await handler(new Request('app://basic-header/assets.html'))).status).toBe(404);
    expect((await handler(new Request('app://basic-header/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

function parse(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name === undefined || name === '') continue;
    expect(map.has(name), `duplicate directive ${name}`).toBe(false);
    map.set(name, values);
  }
  return map;
}

describe('CONTENT_SECURITY_POLICY', () => {
  const csp = parse(CONTENT_SECURITY_POLICY);

  it.each([
    ['default-src', ["'none'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['object-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ])('%s is exactly %j', (directive, values) => {
    expect(csp.get(directive)).toEqual(values);
  });

  it('has no other directives, and nothing unsafe anywhere', () => {
    expect([...csp.keys()].sort()).toEqual(
      ['base-uri', 'connect-src', 'default-src', 'font-src', 'form-action', 'frame-ancestors', 'img-src', 'object-src', 'script-src', 'style-src'],
    );
    const all = [...csp.values()].flat();
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", '*', 'http:', 'https:', 'ws:', 'blob:']) {
      expect(all).not.toContain(bad);
    }
  });

  it('is a single header line', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/[\r\n]/);
  });
});
