/**
 * Checklist item 18: the UI is served from app://basic-header/ instead of
 * file://. Pure parts (URL → file, headers, the CSP) plus a handler factory
 * that reads from disk; session.ts registers it with `ses.protocol.handle` on
 * the in-memory session (a handler on the default protocol would not apply there).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../core/shared/result';
import { APP_HOST, APP_SCHEME } from '../shared/app-origin';

/** Registered before `ready`: a standard, secure scheme that can load ES modules. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
} as const;

/**
 * Checklist item 7: the renderer's Content-Security-Policy, sent as a response
 * header with every app:// response. The page needs no network (every request
 * goes through main), so `connect-src 'none'`. There is no relaxed dev policy:
 * Electron and the Chromium suite both load the production build.
 */
export const CONTENT_SECURITY_POLICY = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['object-src', "'none'"],
  ['frame-ancestors', "'none'"],
]
  .map(([directive, value]) => `${directive} ${value}`)
  .join('; ');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export type AppRequestError = 'not-found' | 'forbidden' | 'method-not-allowed';

export interface ResolvedAsset {
  readonly filePath: string;
  readonly contentType: string;
}

/**
 * Map an app:// URL to a file under `rootDir`. Refuses other hosts, encoded
 * or literal `..`, backslashes, NUL, dotfiles and unknown file types.
 */
export function resolveAppUrl(url: string, rootDir: string): Result<ResolvedAsset, AppRequestError> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('not-found', 'Not a URL.');
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return fail('forbidden', 'Wrong origin.');
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return fail('not-found', 'Malformed path.');
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return fail('forbidden', 'Illegal character in path.');
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s.startsWith('.'))) return fail('forbidden', 'Path escapes the app.');
  if (segments.length === 0) segments.push('index.html');
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  // Belt and braces: whatever the segments were, the file must sit inside root.
  if (!filePath.startsWith(root + path.sep)) return fail('forbidden', 'Path escapes the app.');
  const contentType = CONTENT_TYPES[path.extname(filePath).toLowerCase()];
  if (contentType === undefined) return fail('not-found', 'Unknown file type.');
  return ok({ filePath, contentType });
}

/** Response headers for every app:// response; the CSP is sent as a header, not a meta tag. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    // Only features Chromium knows: an unknown one (Web Bluetooth's `bluetooth`) logs a console warning on every load.
    // Bluetooth is refused by session.ts's device and permission handlers instead.
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
  };
}

const STATUS: Readonly<Record<AppRequestError, number>> = { 'not-found': 404, forbidden: 403, 'method-not-allowed': 405 };

/** The protocol.handle callback: GET/HEAD only, files under rootDir only. */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const error = (code: AppRequestError): Response =>
      new Response(null, { status: STATUS[code], headers: { 'Cache-Control': 'no-store', 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
    if (request.method !== 'GET' && request.method !== 'HEAD') return error('method-not-allowed');
    const asset = resolveAppUrl(request.url, rootDir);
    if (!asset.ok) return error(asset.code);
    let body: Buffer;
    try {
      body = await readFile(asset.value.filePath);
    } catch {
      return error('not-found');
    }
    const headers = appResponseHeaders(asset.value.contentType);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
