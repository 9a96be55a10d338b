/**
 * Adapts the in-memory session's fetch (Chromium's network stack: system
 * proxy, PAC and OS trust store apply) to core's FetchLike, pinning the
 * options that keep credentials safe whatever the caller passed: no cookies,
 * no cache, and never follow a redirect (the Authorization header would go along).
 */
import type { FetchLike } from '../../core/okta/types';

export type SessionFetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Node's RequestInit type omits `cache`; Chromium's fetch honours it. */
type CachingInit = RequestInit & { cache?: 'no-store' };

export function pinnedInit(init: RequestInit): CachingInit {
  const pinned: CachingInit = {
    ...init,
    credentials: 'omit',
    cache: 'no-store',
    redirect: init.redirect === 'error' ? 'error' : 'manual',
    referrerPolicy: 'no-referrer',
  };
  return pinned;
}

export function createSessionFetch(sessionFetch: SessionFetch): FetchLike {
  return (url, init) => sessionFetch(url, pinnedInit(init));
}
