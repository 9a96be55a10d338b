import { describe, expect, it } from 'vitest';
import { createSessionFetch, pinnedInit } from '../../../electron/main/session-fetch';

describe('createSessionFetch', () => {
  it('pins no cookies, no cache, no redirect-following and no referrer', async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    const fetchLike = createSessionFetch(async (url, init) => {
      seen.push({ url, init });
      return new Response('{}');
    });
    const signal = new AbortController().signal;
    await fetchLike('https://x.okta.com/oauth2/default/v1/token', { method: 'POST', body: 'grant_type=client_credentials', redirect: 'follow', credentials: 'include', signal });
    expect(seen[0]?.url).toBe('https://x.okta.com/oauth2/default/v1/token');
    expect(seen[0]?.init).toMatchObject({ method: 'POST', body: 'grant_type=client_credentials', credentials: 'omit', cache: 'no-store', redirect: 'manual', referrerPolicy: 'no-referrer', signal });
  });

  it('keeps redirect:"error" (stricter than manual)', () => {
    expect(pinnedInit({ redirect: 'error' }).redirect).toBe('error');
    expect(pinnedInit({}).redirect).toBe('manual');
  });
});
