/**
 * The FetchLike core's token test runs on: undici's fetch with one dispatcher
 * that honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY (EnvHttpProxyAgent) and uses
 * the same CA list for direct connections, for the target's TLS inside a proxy
 * tunnel, and for an https:// proxy itself. Loaded only by `test`.
 */
import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';
import type { FetchLike } from '../core/okta/types';

export interface NodeFetch {
  readonly fetch: FetchLike;
  /** Close pooled connections so the process can exit promptly. */
  close(): Promise<void>;
}

export function createNodeFetch(ca: readonly string[] | null): NodeFetch {
  const tls = ca === null ? {} : { ca: [...ca] };
  const dispatcher = new EnvHttpProxyAgent({ connect: tls, requestTls: tls, proxyTls: tls });
  const fetch: FetchLike = async (url, init) => {
    const response = await undiciFetch(url, { ...(init as unknown as Parameters<typeof undiciFetch>[1]), dispatcher });
    // undici's Response is the WHATWG Response core expects; only the type packages differ.
    return response as unknown as Response;
  };
  return {
    fetch,
    close: async () => {
      await dispatcher.destroy().catch(() => undefined);
    },
  };
}
