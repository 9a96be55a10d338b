/**
 * The non-secret inputs: the client ID (--client-id or OKTA_OAUTH2_CLIENT_ID) and
 * the authorization server (--issuer / OKTA_OAUTH2_ISSUER, or --domain with
 * --auth-server), the variable names Okta's own CLI and samples use. Flags win
 * over the environment. All of this is checked before the secret is read.
 */
import { fail, ok, type Result } from '../core/shared/result';
import { correctSchemeTypo } from '../core/okta/target';
import type { AuthServerChoice } from '../core/okta/types';
import type { ParsedArgs } from './args';

export const CLIENT_ID_ENV = 'OKTA_OAUTH2_CLIENT_ID';
export const ISSUER_ENV = 'OKTA_OAUTH2_ISSUER';

type Env = Readonly<Record<string, string | undefined>>;

export function readClientId(args: ParsedArgs, env: Env): Result<string, 'usage'> {
  const id = args.value('client-id') ?? env[CLIENT_ID_ENV];
  if (id === undefined || id.trim() === '') {
    return fail('usage', `no client ID: give --client-id ID or set ${CLIENT_ID_ENV}.`);
  }
  return ok(id);
}

export interface ServerChoice {
  /** What core's resolveTarget parses: an issuer URL or a host. */
  readonly target: string;
  readonly authServer: AuthServerChoice;
}

export function parseAuthServer(text: string): AuthServerChoice {
  const id = text.trim();
  if (id.toLowerCase() === 'default') return { kind: 'default' };
  if (id.toLowerCase() === 'org') return { kind: 'org' };
  return { kind: 'custom', id };
}

/**
 * An issuer names its server in its path (`/oauth2/default`, `/oauth2/aus…`);
 * an issuer without one is the org authorization server's. Telling core the same
 * server the path names keeps it from reporting a mismatch with a "selection".
 */
function choiceForIssuer(issuer: string): AuthServerChoice {
  let path = '';
  try {
    path = new URL(issuer).pathname;
  } catch {
    // Not a URL: core refuses it with its own message.
  }
  const id = /^\/oauth2\/([^/]+)/.exec(path)?.[1];
  if (id === undefined || id === 'v1') return { kind: 'org' };
  return parseAuthServer(id);
}

export function readServer(args: ParsedArgs, env: Env): Result<ServerChoice, 'usage'> {
  const issuerFlag = args.value('issuer');
  const domain = args.value('domain');
  const authServer = args.value('auth-server');
  if (issuerFlag !== undefined && domain !== undefined) {
    return fail('usage', '--issuer and --domain both name the server: give one of them.');
  }
  if (domain !== undefined) {
    return ok({ target: domain, authServer: parseAuthServer(authServer ?? 'default') });
  }
  if (authServer !== undefined) {
    return fail('usage', '--auth-server goes with --domain; an issuer URL already names its authorization server.');
  }
  const issuer = issuerFlag ?? env[ISSUER_ENV];
  if (issuer === undefined || issuer.trim() === '') {
    return fail('usage', `no authorization server: give --issuer URL (or set ${ISSUER_ENV}), or --domain HOST with --auth-server default|org|ID.`);
  }
  const text = issuer.trim();
  // A mistyped "https://" goes on to core, which refuses it and offers the corrected address.
  if (correctSchemeTypo(text) !== null) return ok({ target: text, authServer: { kind: 'default' } });
  if (!/^https?:\/\//i.test(text)) {
    return fail('usage', 'the issuer must be a URL such as https://dev-123.okta.com/oauth2/default; for a bare host use --domain.');
  }
  return ok({ target: text, authServer: choiceForIssuer(text) });
}
