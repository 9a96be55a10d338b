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
import type { FetchLike, TokenTestReport } from '../core/okta/types';
import { EXIT } from './exit-codes';
import type { Output } from './output';

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

/**
 * Node's --tls-keylog (in NODE_OPTIONS or node's own arguments) writes every
 * TLS session key to a file: with that file, anyone holding a capture of the
 * connection reads the Authorization header. The one line refusing the test
 * when it is set; null when it is not. (Node ignores SSLKEYLOGFILE.)
 */
export function tlsKeyLogRefusal(execArgv: readonly string[], env: Readonly<Record<string, string | undefined>>): string | null {
  const flags = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)];
  return flags.some((flag) => /^--tls-keylog(?:=|$)/.test(flag))
    ? "--tls-keylog is set (in NODE_OPTIONS or node's arguments): Node would write the TLS keys to a file, and with it anyone could read the secret in a capture. Nothing was sent; run without it."
    : null;
}

function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * True when the fetch above sends `url` through a proxy: undici's
 * EnvHttpProxyAgent rules (lower-case variables first; HTTPS_PROXY, else
 * HTTP_PROXY, for https; NO_PROXY entries match the host, its subdomains, and
 * the port when given; `*` means none), and loopback always goes direct.
 * A malformed URL counts as proxied, so callers err on the side of not connecting.
 */
export function proxyApplies(url: string, env: Env): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return true;
  }
  if (isLoopbackHost(target.hostname)) return false;
  if (proxyVariable(target.protocol === 'https:', env) === null) return false;
  const noProxy = env.no_proxy ?? env.NO_PROXY ?? '';
  if (noProxy === '*') return false;
  const host = target.host.replace(/:\d*$/, '').toLowerCase();
  const port = Number.parseInt(target.port, 10) || (target.protocol === 'https:' ? 443 : 80);
  for (const entry of noProxy.split(/[,\s]/)) {
    if (entry === '') continue;
    const parsed = /^(.+):(\d+)$/.exec(entry);
    const name = (parsed?.[1] ?? entry).replace(/^\*?\./, '').toLowerCase();
    const entryPort = parsed?.[2] === undefined ? 0 : Number.parseInt(parsed[2], 10);
    if (entryPort !== 0 && entryPort !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return false;
  }
  return true;
}

/** No answer at all, through a proxy: the proxy may be what failed (the message names only the server). */
export function noteProxyFailure(output: Output, report: TokenTestReport, env: Readonly<Record<string, string | undefined>>): void {
  const url = report.request?.url;
  if (report.outcome !== 'no-answer' || report.status !== null || url === undefined || !proxyApplies(url, env)) return;
  output.note(`the request went through the proxy set in ${proxyVariable(url.startsWith('https:'), env) ?? 'HTTPS_PROXY'}: the failure may be the proxy's, not the server's. Check the proxy, or set NO_PROXY for this host.`);
}

/**
 * The variable whose proxy a request uses, as undici reads them: the first one
 * set, lower case first, HTTPS_PROXY's then HTTP_PROXY's for https. Null when
 * that one is empty or none is set. (Named in messages, never shown: it may hold a password.)
 */
function proxyVariable(https: boolean, env: Env): string | null {
  const names = https ? ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
  const name = names.find((n) => env[n] !== undefined);
  return name === undefined || env[name] === '' ? null : name;
}

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] as const;

/**
 * A proxy variable's value as the agent takes it: `host:port` without a scheme
 * is read as http://host:port, as curl reads it, and `http:/host` as a URL
 * reads it; only the scheme, credentials, host and port are kept (undici
 * refuses a path, query or fragment while the fetch is set up). Null when it
 * is no http(s) proxy address.
 */
export function proxyUrl(value: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^https?:/i.test(value) ? value : `http://${value}`;
  try {
    const url = new URL(withScheme);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return null;
    const credentials = url.username === '' ? '' : `${url.username}${url.password === '' ? '' : `:${url.password}`}@`;
    return `${url.protocol}//${credentials}${url.host}`;
  } catch {
    return null;
  }
}

/** The one line refusing the test when a proxy variable holds no usable address (named, not shown); null when none does. */
export function proxyEnvRefusal(env: Env): string | null {
  const bad = PROXY_VARIABLES.find((name) => {
    const value = env[name];
    return value !== undefined && value !== '' && proxyUrl(value) === null;
  });
  return bad === undefined
    ? null
    : `${bad} is not a proxy address basic-header can use (expected http://host:port or https://host:port). Nothing was sent; correct or unset it.`;
}

export function createNodeFetch(ca: readonly string[] | null): NodeFetch {
  // Every connection below sets rejectUnauthorized itself; dropping the variable also spares the user Node's
  // warning that TLS is insecure, which would no longer be true (tlsEnvWarning says so in one line instead).
  delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  const tls = { rejectUnauthorized: true, ...(ca === null ? {} : { ca: [...ca] }) };
  // The variables as undici would read them, with `host:port` given its scheme (proxyUrl); `test` refused a bad one.
  const env = process.env;
  const fromEnv = (value: string | undefined): string | undefined => (value === undefined || value === '' ? undefined : (proxyUrl(value) ?? undefined));
  const httpProxy = fromEnv(env.http_proxy ?? env.HTTP_PROXY);
  const httpsProxy = fromEnv(env.https_proxy ?? env.HTTPS_PROXY);
  const viaEnv = new EnvHttpProxyAgent({
    connect: tls, requestTls: tls, proxyTls: tls,
    ...(httpProxy === undefined ? {} : { httpProxy }),
    ...(httpsProxy === undefined ? {} : { httpsProxy }),
  });
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

/**
 * Runs `work` on a fresh NodeFetch, with Ctrl+C wired to cancel it: the first press aborts
 * (core reports "cancelled"), a second one leaves at once. Connections are closed afterwards.
 */
export async function withNodeFetch<T>(ca: readonly string[] | null, work: (fetch: FetchLike, signal: AbortSignal) => Promise<T>): Promise<T> {
  const net = createNodeFetch(ca);
  const controller = new AbortController();
  let interrupts = 0;
  const onInterrupt = (): void => {
    interrupts += 1;
    if (interrupts > 1) process.exit(EXIT.cancelled);
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  try {
    return await work(net.fetch, controller.signal);
  } finally {
    process.off('SIGINT', onInterrupt);
    await net.close();
  }
}
