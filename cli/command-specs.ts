/**
 * The commands and their options, in one place: the parser, the secret-flag
 * guard and --help all read them, and main.ts can parse `test`'s options
 * without loading the token-test code.
 */
import type { OptionSpec } from './args';

export const COMMANDS = ['encode', 'decode', 'test', 'keygen'] as const;
export type CommandName = (typeof COMMANDS)[number];

export function isCommand(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

export const COMMON_OPTIONS: readonly OptionSpec[] = [
  { name: 'help', short: 'h', description: 'Show help for this command, with examples.' },
  { name: 'version', description: 'Print the version and exit.' },
  { name: 'debug', description: 'Add detail to errors and reports (never the secret).' },
  { name: 'no-color', description: 'Plain output, as when NO_COLOR is set.' },
];

const clientId: OptionSpec = {
  name: 'client-id', value: 'ID', description: 'The client ID (default: $OKTA_OAUTH2_CLIENT_ID).',
};
const formEncode: OptionSpec = {
  name: 'form-encode',
  description: 'Form-urlencode ID and secret before Base64 (RFC 6749 §2.3.1). Okta documents the raw form, the default.',
};
const json: OptionSpec = { name: 'json', description: 'Print one JSON object on stdout instead of text.' };

export const COMMAND_OPTIONS: Readonly<Record<CommandName, readonly OptionSpec[]>> = {
  encode: [
    clientId,
    { name: 'header', description: 'Print "Authorization: Basic <value>" instead of the value alone.' },
    formEncode,
    json,
  ],
  decode: [json],
  test: [
    clientId,
    { name: 'issuer', value: 'URL', description: 'Issuer of the authorization server, e.g. https://dev-123.okta.com/oauth2/default (default: $OKTA_OAUTH2_ISSUER).' },
    { name: 'domain', value: 'HOST[:PORT]', description: 'Okta domain, e.g. dev-123.okta.com; use with --auth-server. Instead of --issuer.' },
    { name: 'auth-server', value: 'default|org|ID', description: 'Authorization server on --domain (default: default).' },
    { name: 'scope', value: 'SCOPE', repeatable: true, description: 'Scope to request; repeat it, or give several separated by spaces.' },
    {
      name: 'auth-method',
      value: 'METHOD',
      description: 'client_secret_basic (default; alias basic), client_secret_post (alias post), client_secret_jwt or private_key_jwt.',
    },
    { name: 'private-key', value: 'FILE', description: 'private_key_jwt: the private key file (PEM, JWK, JWK Set, or keygen output; at most 64 KiB); - reads it from standard input.' },
    { name: 'key-id', value: 'KID', description: 'private_key_jwt: the kid to send when the key carries none (as listed under the app\'s Public Keys).' },
    { name: 'alg', value: 'ALG', description: 'Assertion algorithm (default from the key: RS256 for RSA, ES256/384/512 by curve; HS256 for client_secret_jwt).' },
    { name: 'dpop', description: 'Send DPoP proofs (a fresh ES256 key per run); retries once with the server\'s nonce and checks the token is bound.' },
    formEncode,
    { name: 'timeout', value: 'SECONDS', description: 'Give up on each request after this long (default: 15).' },
    { name: 'ca-file', value: 'PEM', description: 'Also trust the CA certificates in this PEM file, at most 1 MiB (NODE_EXTRA_CA_CERTS works too).' },
    json,
    { name: 'print-token', description: 'On success print only the raw access token on stdout (the report goes to stderr).' },
    {
      name: 'rotation',
      description: 'Test two secrets of the client one after the other, the current and the new one, and say whether the rotation is safe (stdin: one per line, current first; or OKTA_OAUTH2_CLIENT_SECRET and OKTA_OAUTH2_CLIENT_SECRET_NEXT).',
    },
  ],
  keygen: [
    { name: 'alg', value: 'RS256|ES256', description: 'Key type: RS256 (RSA 2048, the default, as Okta makes them) or ES256 (EC P-256).' },
    { name: 'kid', value: 'KID', description: 'The key ID (default: the key\'s RFC 7638 thumbprint).' },
  ],
};

/** Every option name this CLI knows, so the secret-flag guard never refuses a real one (e.g. --print-token). */
export const KNOWN_OPTION_NAMES: ReadonlySet<string> = new Set(
  [...COMMON_OPTIONS, ...Object.values(COMMAND_OPTIONS).flat()].map((o) => o.name),
);
