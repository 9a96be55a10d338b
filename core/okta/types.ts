/**
 * The token-test contract shared by every shell (Electron main, renderer, CLI).
 * Nothing in a TokenTestReport may contain the client secret, the Basic value,
 * private-key material, a signed client assertion or a DPoP proof.
 */
import type { CryptoKey } from 'jose';
import type { Notice } from '../shared/notice';
import type { SignatureCheck } from './token-signature';

/** Which Okta authorization server to use when the pasted text does not say. */
export type AuthServerChoice =
  | { readonly kind: 'default' }
  | { readonly kind: 'org' }
  | { readonly kind: 'custom'; readonly id: string };

export const CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt'] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

/**
 * The private_key_jwt signing key, imported by the shell (importPrivateKey):
 * a non-extractable CryptoKey that stays in the shell's process. A page only
 * ever sees kid, alg, key type and thumbprint.
 */
export interface ClientSigningKey {
  readonly key: CryptoKey;
  /** RS256/384/512 or ES256/384/512. */
  readonly alg: string;
  /** Sent in the assertion header; null sends none (with a warning). */
  readonly kid: string | null;
}

/** Everything the user entered for one test. Validated by core before any traffic. */
export interface TokenTestInput {
  /** What the admin pasted: a host, an origin, an issuer, a token URL or a well-known URL. */
  readonly target: string;
  readonly authServer: AuthServerChoice;
  readonly clientId: string;
  /** The secret for the client_secret_* methods; ignored (may be '') for private_key_jwt. */
  readonly clientSecret: string;
  /** One or more scopes; empty means "let the server use its default scopes". */
  readonly scopes: readonly string[];
  readonly authMethod: ClientAuthMethod;
  /** RFC 6749 §2.3.1: form-urlencode ID and secret before Base64 (Basic only). */
  readonly formEncode: boolean;
  /** Per-request bound in milliseconds; default 15 000. */
  readonly timeoutMs: number;
  /** private_key_jwt: the key that signs the client assertion. */
  readonly clientKey?: ClientSigningKey;
  /** client_secret_jwt: HS256 (default), HS384 or HS512. */
  readonly assertionAlg?: string;
  /** Send a DPoP proof (RFC 9449) made with a fresh ES256 key, and retry once on use_dpop_nonce. */
  readonly dpop?: boolean;
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

/** A JWT as reports show it: header and claims decoded, never the signed JWT itself. */
export interface DecodedJwt {
  readonly header: Readonly<Record<string, unknown>>;
  readonly claims: Readonly<Record<string, unknown>>;
}

/** One POST to the token endpoint. A DPoP nonce round trip makes two. */
export interface TokenRequestAttempt {
  /** 1 for the first request, 2 for the retry with the server's nonce. */
  readonly attempt: number;
  /** The client assertion sent (client_secret_jwt, private_key_jwt), decoded. */
  readonly assertion: DecodedJwt | null;
  /** The DPoP proof sent, decoded. */
  readonly dpopProof: DecodedJwt | null;
  readonly status: number | null;
  readonly error: string | null;
  /** The DPoP-Nonce header of the answer, when there was one. */
  readonly dpopNonce: string | null;
}

export interface DpopResult {
  /** RFC 7638 thumbprint of this run's DPoP public key. */
  readonly jkt: string;
  /** Whether the server asked for a nonce (use_dpop_nonce) and the request was retried with it. */
  readonly nonceRetried: boolean;
  /** token_type is DPoP and the token's cnf.jkt equals jkt. */
  readonly bound: boolean;
  /** The token's cnf.jkt, when it could be read. */
  readonly tokenJkt: string | null;
}

/** The server's clock from its Date header, against this computer's. */
export interface ClockCheck {
  readonly serverDate: string;
  /** Server minus local time, in whole seconds (the header has one-second resolution). */
  readonly skewSeconds: number;
}

export interface TokenTestReport {
  readonly ok: boolean;
  readonly outcome: TokenTestOutcome;
  /** The client authentication method used (null when refused before one was settled). */
  readonly authMethod: ClientAuthMethod | null;
  /** HTTP status, or null when there was no response. */
  readonly status: number | null;
  /** OAuth `error` or Okta `errorCode`, or a core code for no-answer/invalid-input (e.g. 'dns', 'timeout'). */
  readonly error: string | null;
  /**
   * The OAuth `error` or Okta `errorCode` the server's answer carried, whatever the outcome: on a
   * rejection the same as `error`; on a 5xx with a JSON error body, the server's code that `error`
   * (then 'server-error') does not hold. Null on success, when the answer carried none, or with no answer.
   */
  readonly serverErrorCode: string | null;
  /** Okta's own words (`error_description` / `errorSummary`), verbatim; or core's plain message. */
  readonly errorDescription: string | null;
  readonly explanation: Explanation | null;
  readonly rateLimit: RateLimitInfo | null;
  /** The token request as sent, masked; when none was sent (see tokenRequestSent), the one that would have been. */
  readonly request: MaskedRequest | null;
  readonly discovery: DiscoveryInfo | null;
  readonly token: TokenDetails | null;
  /** Each token request sent, in order, with the decoded assertion and proof. */
  readonly attempts: readonly TokenRequestAttempt[];
  /** DPoP outcome when DPoP was used, else null. */
  readonly dpop: DpopResult | null;
  /** From the last answer's Date header; null without one. */
  readonly clock: ClockCheck | null;
  readonly notices: readonly Notice[];
  readonly elapsedMs: number;
  /** On a certificate failure, what the server presented, when the shell could read it (optional: older shells omit it). */
  readonly certificate?: PresentedCertificate | null;
}

/**
 * Whether the token request went out. A test that stopped before it (cancelled, or discovery failed)
 * reports in `request` the request it would have sent, and records no attempt: shells must not call that "sent".
 */
export function tokenRequestSent(report: Pick<TokenTestReport, 'attempts'>): boolean {
  return report.attempts.length > 0;
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
  /**
   * A synchronous signature check (Node's crypto, via nodeSignatureCheck): the
   * common token is verified without WebCrypto's thread hop. Absent, jose decides alone.
   */
  readonly checkSignature?: SignatureCheck;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
