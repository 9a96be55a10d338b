/**
 * The FetchLike core's token test runs on: undici's fetch with one dispatcher
 * that honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY (EnvHttpProxyAgent) and uses
 * the same CA list for direct connections, for the target's TLS inside a proxy
 * tunnel, and for an https:// proxy itself. Loaded only by `test`.
 *
 * Two things the environment must not change (issue 11): certificates are
 * always verified (`rejectUnauthorized: true` on every TLS connection, so
 * NODE_TLS_REJECT_UNAUTHORIZED=0 has no effect), and loopback destinations
 * always go direct, as Chromium does: a proxy would see plain HTTP to
 * "this computer" and resolve `localhost` on its own machine.
 */
import { Agent, EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';
import { isLoopbackHost } from '../core/okta/target';
import type { FetchLike } from '../core/okta/types';

export interface NodeFetch {
  readonly fetch: FetchLike;
  /** Close pooled connections so the process can exit promptly. */
  close(): Promise<void>;
}

export const TLS_ENV = 'NODE_TLS_REJECT_UNAUTHORIZED';

/** The one line shown when the environment asks for unverified TLS; null when it does not. */
export function tlsEnvWarning(env: Readonly<Record<string, string | undefined>>): string | null {
  return env[TLS_ENV] === '0'
    ? `${TLS_ENV}=0 is ignored: basic-header always verifies certificates. For a private CA use --ca-file or NODE_EXTRA_CA_CERTS.`
    : null;
}

function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

export function createNodeFetch(ca: readonly string[] | null): NodeFetch {
  // Every connection below sets rejectUnauthorized itself; dropping the variable also spares the user Node's
  // warning that TLS is insecure, which would no longer be true (tlsEnvWarning says so in one line instead).
  delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  const tls = { rejectUnauthorized: true, ...(ca === null ? {} : { ca: [...ca] }) };
  const viaEnv = new EnvHttpProxyAgent({ connect: tls, requestTls: tls, proxyTls: tls });
  const direct = new Agent({ connect: tls });
  const fetch: FetchLike = async (url, init) => {
    const dispatcher = isLoopbackUrl(url) ? direct : viaEnv;
    const response = await undiciFetch(url, { ...(init as unknown as Parameters<typeof undiciFetch>[1]), dispatcher });
    // undici's Response is the WHATWG Response core expects; only the type packages differ.
    return response as unknown as Response;
  };
  return {
    fetch,
    close: async () => {
      await Promise.all([viaEnv.destroy(), direct.destroy()].map((p) => p.catch(() => undefined)));
    },
  };
}
