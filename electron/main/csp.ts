/**
 * Checklist item 7: the renderer's Content-Security-Policy, served as a
 * response header by the app:// protocol handler. The page needs no network
 * (every request goes through main), so `connect-src 'none'`.
 */

const PRODUCTION: ReadonlyArray<readonly [string, string]> = [
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
];

/**
 * `dev` exists for a future Vite dev server; today both Electron and the
 * Chromium suite load the production build, so no relaxation is needed and the
 * dev policy is deliberately the same as production.
 */
export function contentSecurityPolicy(options: { readonly dev: boolean }): string {
  void options.dev;
  return PRODUCTION.map(([directive, value]) => `${directive} ${value}`).join('; ');
}
