/**
 * One HTTP exchange with every bound core promises: redirects never followed,
 * no cookies or cache, a timeout combined with the caller's cancel signal, and
 * a cap on the body, read as a stream so an endless answer cannot fill memory.
 * Never throws: every way it can end is a value.
 */
import { classifyNetworkError, type ClassifiedNetworkError } from './network-errors';
import type { FetchLike } from './types';

export type BoundedOutcome =
  | { readonly kind: 'response'; readonly status: number; readonly headers: Headers; readonly text: string }
  /** 3xx (or an opaque redirect, status 0): the body is discarded and nothing follows it. */
  | { readonly kind: 'redirect'; readonly status: number; readonly location: string | null }
  | { readonly kind: 'too-large'; readonly status: number; readonly headers: Headers }
  | { readonly kind: 'network'; readonly error: ClassifiedNetworkError }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'cancelled' };

export interface BoundedRequest {
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface Bounds {
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly signal?: AbortSignal;
}

class BoundHit extends Error {}

export async function boundedFetch(fetch: FetchLike, url: string, request: BoundedRequest, bounds: Bounds): Promise<BoundedOutcome> {
  if (bounds.signal?.aborted === true) return { kind: 'cancelled' };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, bounds.timeoutMs);
  const onCancel = (): void => controller.abort();
  bounds.signal?.addEventListener('abort', onCancel, { once: true });
  // Races every await against the abort, in case a fetch implementation ignores the signal mid-body.
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(new BoundHit('aborted')), { once: true });
  });
  aborted.catch(() => undefined);
  const race = <T>(p: Promise<T>): Promise<T> => {
    p.catch(() => undefined);
    return Promise.race([p, aborted]);
  };

  try {
    let response: Response;
    try {
      // Node's RequestInit type lacks `cache`; browsers and Electron honour it, so it is always sent.
      const init: RequestInit & { readonly cache: 'no-store' } = {
        method: request.method,
        headers: { ...request.headers },
        ...(request.body === undefined ? {} : { body: request.body }),
        redirect: 'manual',
        cache: 'no-store',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        signal: controller.signal,
      };
      response = await race(fetch(url, init));
    } catch (error) {
      if (controller.signal.aborted) return timedOut ? { kind: 'timeout' } : { kind: 'cancelled' };
      const classified = classifyNetworkError(error);
      if (classified.code === 'timeout') return { kind: 'timeout' };
      return { kind: 'network', error: classified };
    }

    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      discard(response);
      return { kind: 'redirect', status: response.status, location: response.headers.get('location') };
    }

    const declared = Number(response.headers.get('content-length') ?? 'NaN');
    if (Number.isFinite(declared) && declared > bounds.maxBodyBytes) {
      discard(response);
      return { kind: 'too-large', status: response.status, headers: response.headers };
    }

    try {
      const text = await race(readCapped(response, bounds.maxBodyBytes));
      if (text === null) return { kind: 'too-large', status: response.status, headers: response.headers };
      return { kind: 'response', status: response.status, headers: response.headers, text };
    } catch (error) {
      if (controller.signal.aborted) return timedOut ? { kind: 'timeout' } : { kind: 'cancelled' };
      const classified = classifyNetworkError(error);
      return { kind: 'network', error: classified.code === 'network' ? { code: 'reset', detail: classified.detail } : classified };
    }
  } finally {
    clearTimeout(timer);
    bounds.signal?.removeEventListener('abort', onCancel);
  }
}

function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

/** The body as UTF-8 text, or null once it passes `max` bytes (the rest is never read). */
async function readCapped(response: Response, max: number): Promise<string | null> {
  const body = response.body;
  if (body === null) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  let total = 0;
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > max) {
        reader.cancel().catch(() => undefined);
        return null;
      }
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    reader.releaseLock();
  }
  return text + decoder.decode();
}
