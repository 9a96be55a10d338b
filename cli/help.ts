/**
 * --help text: what each command does, where the secret comes from, its options,
 * examples and exit codes. Built from command-specs.ts so options and help agree.
 */
import type { OptionSpec } from './args';
import { COMMAND_OPTIONS, COMMON_OPTIONS, type CommandName } from './command-specs';
import { VERSION } from './version';

const SECRET_SOURCES = `The client secret is read, in this order, from:
  1. standard input, when it is not a terminal (one trailing line ending is dropped);
  2. the OKTA_OAUTH2_CLIENT_SECRET environment variable;
  3. a prompt on the terminal that does not echo what you type.
It is never read from the command line: options such as --client-secret are refused.`;

const EXIT_CODES = `Exit codes:
  0  success
  1  the authorization server rejected the request (any 4xx, 429 included); decode: mistakes found
  2  bad usage or bad input, refused before any traffic
  3  no usable answer: network, TLS, timeout, redirect, 5xx, non-JSON or oversized body
  70  internal error: a bug in basic-header itself (in both modes; report it)
  74  standard output could not be written (a full disk); a closed pipe is not an error
  130  cancelled with Ctrl+C`;

const SUMMARY: Readonly<Record<CommandName, string>> = {
  encode: 'Print base64(client_id:client_secret), the value of an "Authorization: Basic" header, on one line.',
  decode: 'Read a pasted Basic header or value on standard input; print the client ID, the secret\'s length (never the secret) and any classic mistakes.',
  test: 'Request a token with the client-credentials grant and explain the answer: claims, signature, or Okta\'s error with its cause and fix.',
  keygen: 'Make a key pair for private_key_jwt in memory and print it as JSON: the public JWK for Okta, the private JWK for test --private-key.',
};

const USAGE: Readonly<Record<CommandName, string>> = {
  encode: 'basic-header encode --client-id ID [--header | --json] [--form-encode]',
  decode: 'basic-header decode [--json] < header.txt',
  test: 'basic-header test --client-id ID (--issuer URL | --domain HOST [--auth-server default|org|ID]) [--scope SCOPE]… [options]',
  keygen: 'basic-header keygen [--alg RS256|ES256] [--kid KID]',
};

const EXAMPLES: Readonly<Record<CommandName, readonly string[]>> = {
  encode: [
    `printf '%s' "$SECRET" | basic-header encode --client-id 0oa1b2c3d4e5f6g7h8i9`,
    `printf '%s' "$SECRET" | basic-header encode --client-id 0oa1b2c3d4e5f6g7h8i9 --header`,
    `OKTA_OAUTH2_CLIENT_ID=0oa1b2c3d4e5f6g7h8i9 basic-header encode    # asks for the secret without echo`,
    `printf '%s' "$SECRET" | basic-header encode --client-id 0oa1b2c3d4e5f6g7h8i9 --json | jq -r .value`,
  ],
  decode: [
    `printf '%s' "$AUTH_HEADER" | basic-header decode`,
    `basic-header decode --json < header.txt`,
    `basic-header decode    # paste the whole header at the prompt (not echoed), then Enter; Ctrl+D if your terminal sends it line by line`,
  ],
  test: [
    `printf '%s' "$SECRET" | basic-header test --client-id 0oa… --issuer https://dev-123.okta.com/oauth2/default --scope api:read`,
    `export OKTA_OAUTH2_ISSUER=https://dev-123.okta.com/oauth2/default OKTA_OAUTH2_CLIENT_ID=0oa… OKTA_OAUTH2_CLIENT_SECRET
  basic-header test --scope 'api:read api:write' --json`,
    `printf '%s' "$SECRET" | basic-header test --client-id 0oa… --domain dev-123.okta.com --auth-server aus9o8wzkhckw9TLa0h7 --ca-file corp-ca.pem`,
    `TOKEN=$(printf '%s' "$SECRET" | basic-header test --client-id 0oa… --issuer "$ISSUER" --scope api:read --print-token)`,
    `basic-header test --client-id 0oa… --domain dev-123.okta.com --auth-server org --scope okta.users.read --auth-method private_key_jwt --private-key key.pem --key-id "$KID" --dpop`,
    `op read op://vault/okta-key/private.pem | basic-header test --client-id 0oa… --issuer "$ISSUER" --auth-method private_key_jwt --private-key -`,
    `printf '%s\\n%s\\n' "$CURRENT" "$NEW" | basic-header test --rotation --client-id 0oa… --issuer "$ISSUER" --scope api:read`,
  ],
  keygen: [
    `basic-header keygen > okta-key.json    # then paste .publicJwk into the app's Add key dialog`,
    `basic-header keygen --alg ES256 | jq .publicJwk`,
  ],
};

const MORE: Readonly<Record<CommandName, string>> = {
  encode: `Hygiene fixes (spaces, line breaks, invisible characters) are applied as in the app and reported on stderr.
--json prints {"value", "header", "warnings": [{"code", "message"}]}.`,
  decode: `Exit codes: 0 the value decodes cleanly to id:secret; 1 mistakes found (their codes are listed);
2 bad usage or nothing to decode.
Stable codes: trailing-newline, line-wrapped, pem-armor, missing-colon, not-base64, url-safe-alphabet, whitespace, and more.
--json prints {"clientId", "secretLength", "warnings": [{"code", "message"}]}.`,
  test: `The client ID comes from --client-id or OKTA_OAUTH2_CLIENT_ID; the server from --issuer or OKTA_OAUTH2_ISSUER,
or from --domain with --auth-server. HTTPS_PROXY and NO_PROXY are honoured; --ca-file adds CA certificates
to the system's (so does NODE_EXTRA_CA_CERTS). Plain http:// is refused except to this computer.
A successful report goes to stdout, a failed one to stderr. The raw token is printed only with --print-token.
Client authentication: client_secret_basic and client_secret_post send the secret; client_secret_jwt signs an
HS256 assertion with it (Okta needs a secret of 32 characters or more); private_key_jwt signs with --private-key
(PEM PKCS#8/PKCS#1/SEC1, a JWK, a JWK Set with one private key, or keygen output) and reads no secret. The
assertion has iss = sub = the client ID, aud = the token endpoint, a 5-minute exp and a new jti per request.
--dpop adds a DPoP proof from a key made for this run, retries once when Okta asks for a nonce, and checks the
token's cnf.jkt. Only decoded claims are shown; the key, the assertion and the proof never are.
--json prints one object: {"ok", "status", "error", "errorDescription", "explanation", "claims", "signature",
"rateLimit", "request", "authMethod", "tokenType", "dpop", "failure"}; status is null without a response; error is
the OAuth or Okta error code the server sent (a 5xx's too) or null; failure is null when the server answered with
a token or a rejection, else why not (timeout, refused, dns, tls-untrusted, server-error, not-json, cancelled, …);
request is what was sent, with the secret, assertion and proof masked (when the test stopped before the token
request: the one it would have sent, which the human report shows as "Not sent"); dpop is null or {"jkt",
"nonceRetried", "bound"}. Only when the server's certificate was not trusted does it add "certificate":
{"subject", "issuer", "sha256"} of what the server presented.
--rotation tests the current and the new secret of the client one after the other (never at once), with
the same settings; discovery and keys are fetched once. The two secrets come from standard input, one per
line (current first), or OKTA_OAUTH2_CLIENT_SECRET and OKTA_OAUTH2_CLIENT_SECRET_NEXT, or two hidden prompts.
It prints the verdict (both-work, only-first-works, only-second-works, neither-works, no-answer) and the next
step: on stdout for both-work, on stderr for any other verdict (a failed report). --json prints {"ok", "verdict",
"results": [current, new]}, each result the object above. Exit 0 only for both-work, 1 when the server refused
at least one, 3 when either got no usable answer. It works with every method that uses the secret
(client_secret_jwt too), not with private_key_jwt.`,
  keygen: `Prints one JSON object: {"kid", "alg", "publicJwk", "privateJwk"}. The default kid is the key's RFC 7638
thumbprint. publicJwk has no private members. Nothing is written to disk: redirect the output where you keep
secrets, or pipe it on. On a terminal, stderr says that the output holds a private key.`,
};

function optionLines(options: readonly OptionSpec[]): string {
  const labels = options.map((o) => `${o.short === undefined ? '    ' : `-${o.short}, `}--${o.name}${o.value === undefined ? '' : ` ${o.value}`}`);
  const width = Math.max(...labels.map((l) => l.length)) + 2;
  return options.map((o, i) => `  ${(labels[i] ?? '').padEnd(width)}${o.description}`).join('\n');
}

export function commandHelp(command: CommandName): string {
  const needsSecret = command === 'encode' || command === 'test';
  return [
    `Usage: ${USAGE[command]}`,
    '',
    SUMMARY[command],
    '',
    ...(needsSecret ? [SECRET_SOURCES, ''] : []),
    'Options:',
    optionLines([...COMMAND_OPTIONS[command], ...COMMON_OPTIONS]),
    '',
    MORE[command],
    '',
    'Examples:',
    ...EXAMPLES[command].map((e) => `  ${e}`),
    '',
    ...(command === 'encode' || command === 'test' ? [EXIT_CODES] : []),
  ].join('\n').trimEnd();
}

export function generalHelp(): string {
  return [
    `basic-header ${VERSION}: build, check and test the Okta client-credentials "Authorization: Basic" header.`,
    'Nothing is ever written to disk.',
    '',
    'Usage: basic-header <command> [options]',
    '',
    'Commands:',
    `  encode   ${SUMMARY.encode}`,
    `  decode   ${SUMMARY.decode}`,
    `  test     ${SUMMARY.test}`,
    `  keygen   ${SUMMARY.keygen}`,
    '',
    SECRET_SOURCES,
    '',
    'Run basic-header <command> --help for its options and examples.',
    '',
    'Examples:',
    `  ${EXAMPLES.encode[0] ?? ''}`,
    `  ${EXAMPLES.test[0] ?? ''}`,
    '',
    EXIT_CODES,
    '',
    'Options: --help, --version. NO_COLOR turns colour off.',
  ].join('\n');
}
