/**
 * The token-test contract shared by every shell (Electron main, renderer, CLI).
 * Nothing in a TokenTestReport may contain the client secret or the Basic value.
 */
import type { Notice } from '../shared/notice';

/** Which Okta authorization server to use when the pasted text does not say. */
export type AuthServerChoice =
  | { readonly kind: 'default' }
  | { readonly kind: 'org' }
  | { readonly kind: 'custom'; readonly id: string };

export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post';

/** Everything the user entered for one test. Validated by core before any traffic. */
export interface TokenTestInput {
  /** What the admin pasted: a host, an origin, an issuer, a token URL or a well-known URL. */
  readonly target: string;
  readonly authServer: AuthServerChoice;
  readonly clientId: string;
  readonly clientSecret: string;
  /** One or more scopes; empty means "let the server use its default scopes". */
  readonly scopes: readonly string[];
  readonly authMethod: ClientAuthMethod;
  /** RFC 6749 §2.3.1: form-urlencode ID and secret before Base64 (Basic only). */
  readonly formEncode: boolean;
  /** Per-request bound in milliseconds; default 15 000. */
  readonly timeoutMs: number;
}

/** Where the request goes, worked out from TokenTestInput.target and .authServer. */
export interface ResolvedTarget {
  readonly origin: string;
  readonly issuer: string;
  readonly authServer: AuthServerChoice;
  /** Okta's documented paths; used when discovery fails. */
  readonly tokenEndpoint: string;
  readonly jwksUri: string;
  /** Metadata URLs to try in order. */
  readonly discoveryUrls: readonly string[];
  /** Plain-HTTP loopback target (allowed, but warned about). */
  readonly insecureLoopback: boolean;
  readonly notices: readonly Notice[];
}

export interface DiscoveryInfo {
  /** 'discovered': metadata fetched; 'fallback': documented Okta paths used, with `note` saying why. */
  readonly source: 'discovered' | 'fallback';
  readonly url: string | null;
  readonly note: string | null;
  readonly issuer: string;
  readonly tokenEndpoint: string;
  readonly tokenEndpointAuthMethodsSupported: readonly string[] | null;
  readonly scopesSupported: readonly string[] | null;
  readonly jwksUri: string | null;
}

/** What was (or would be) sent, with the secret and the Basic value masked. */
export interface MaskedRequest {
  readonly method: 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Form body as text, secret masked. */
  readonly body: string;
}

export interface RateLimitInfo {
  readonly limit: number | null;
  readonly remaining: number | null;
  /** X-Rate-Limit-Reset: UTC epoch seconds. */
  readonly resetEpochSeconds: number | null;
}

export interface Explanation {
  /** Stable id of the matched row, e.g. 'wrong-secret', or 'unknown' when shown verbatim. */
  readonly id: string;
  readonly title: string;
  readonly cause: string;
  readonly fix: string;
}

export type SignatureStatus = 'verified' | 'invalid' | 'unchecked';

export interface TokenDetails {
  readonly tokenType: string | null;
  readonly expiresIn: number | null;
  /** When the token was received (epoch ms), so a UI can count expires_in down. */
  readonly receivedAtMs: number;
  readonly scope: string | null;
  readonly format: 'jwt' | 'opaque';
  readonly header: Readonly<Record<string, unknown>> | null;
  readonly claims: Readonly<Record<string, unknown>> | null;
  readonly signature: SignatureStatus;
  /** Plain sentence: why verified / invalid / unchecked (e.g. org-server tokens are opaque). */
  readonly signatureDetail: string;
  /** The raw token. Shells keep it hidden; only an explicit copy/--print-token reveals it. */
  readonly accessToken: string;
}

/** What a server presented when its certificate was not trusted: enough to recognise an HTTPS-inspection proxy. */
export interface PresentedCertificate {
  readonly subject: string;
  readonly issuer: string;
  /** SHA-256 fingerprint of the DER certificate, upper-case hex pairs joined by colons. */
  readonly sha256: string;
}

export type TokenTestOutcome =
  /** 200 with a token. */
  | 'success'
  /** The server answered with an OAuth/Okta error (4xx, 429 included). */
  | 'rejected'
  /** No usable answer: network, TLS, timeout, redirect refused, 5xx, non-JSON, oversized. */
  | 'no-answer'
  /** Refused by core before any traffic: bad input or policy (e.g. plain HTTP to a remote host). */
  | 'invalid-input'
  /** Cancelled by the user. */
  | 'cancelled';

export interface TokenTestReport {
  readonly ok: boolean;
  readonly outcome: TokenTestOutcome;
  /** HTTP status, or null when there was no response. */
  readonly status: number | null;
  /** OAuth `error` or Okta `errorCode`, or a core code for no-answer/invalid-input (e.g. 'dns', 'timeout'). */
  readonly error: string | null;
  /** Okta's own words (`error_description` / `errorSummary`), verbatim; or core's plain message. */
  readonly errorDescription: string | null;
  readonly explanation: Explanation | null;
  readonly rateLimit: RateLimitInfo | null;
  readonly request: MaskedRequest | null;
  readonly discovery: DiscoveryInfo | null;
  readonly token: TokenDetails | null;
  readonly notices: readonly Notice[];
  readonly elapsedMs: number;
  /** On a certificate failure, what the server presented, when the shell could read it (optional: older shells omit it). */
  readonly certificate?: PresentedCertificate | null;
}

/**
 * The subset of WHATWG fetch core needs. Shells pass Electron's in-memory
 * session fetch, or Node's fetch bound to a dispatcher (CA file, proxy).
 * core always calls it with redirect:'manual', cache:'no-store',
 * credentials:'omit' and an AbortSignal.
 */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface TokenTestDeps {
  readonly fetch: FetchLike;
  /** Defaults to Date.now. */
  readonly now?: () => number;
  /** Response body cap in bytes; default 256 KiB. */
  readonly maxBodyBytes?: number;
  /**
   * Reads the certificate an https URL presents, without trusting it or sending
   * anything over the connection. Called only after a certificate failure.
   */
  readonly presentedCertificate?: (url: string, signal: AbortSignal) => Promise<PresentedCertificate | null>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
