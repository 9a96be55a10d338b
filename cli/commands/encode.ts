/**
 * `basic-header encode`: base64(id:secret) on one line, or the whole header,
 * or JSON. Hygiene notices go to stderr (or into --json's warnings).
 */
import { buildBasicCredentials } from '../../core/encoding';
import { credentialSensitiveValues } from '../../core/okta/redact';
import type { Notice } from '../../core/shared/notice';
import type { CommandContext } from '../command-context';
import { readClientId } from '../credential-options';
import { EXIT, inputFailureExit, type ExitCode } from '../exit-codes';
import { readClientSecret, SECRET_ENV, type SecretSource } from '../secret-source';

/** Notices that stop encoding (status 'empty' or 'invalid'). */
const BLOCKING = new Set(['empty-client-id', 'empty-client-secret', 'id-secret-pasted-together']);

export function isBlocking(n: Notice): boolean {
  return n.severity === 'error' || BLOCKING.has(n.code);
}

/** The CLI's own words for an empty secret: the app's hint talks about a form field. */
export function emptySecretMessage(source: SecretSource, variable: string = SECRET_ENV): string {
  switch (source) {
    case 'stdin':
      return 'the client secret on standard input is empty. Check what you piped: printf \'%s\' "$SECRET" prints nothing when SECRET is unset.';
    case 'environment':
      return `the client secret in ${variable} holds only whitespace.`;
    case 'prompt':
      return 'no client secret was entered.';
  }
}

/** `variable`: the environment variable the secret came from, when it is not SECRET_ENV (a rotation's new secret). */
export function blockingMessage(n: Notice, source: SecretSource, variable?: string): string {
  return n.code === 'empty-client-secret' ? emptySecretMessage(source, variable) : `${n.message} [${n.code}]`;
}

export async function runEncode(ctx: CommandContext): Promise<ExitCode> {
  const { args, output } = ctx;
  const json = args.has('json');
  if (json && args.has('header')) {
    output.error('--header and --json cannot be combined: the JSON already holds the header.');
    return EXIT.usage;
  }
  const clientId = readClientId(args, ctx.env);
  if (!clientId.ok) {
    output.error(clientId.message);
    return EXIT.usage;
  }
  const read = await readClientSecret(ctx);
  if (!read.ok) {
    output.error(read.message);
    return inputFailureExit(read.code);
  }
  const secret = read.value;

  const formEncode = args.has('form-encode');
  const encoded = buildBasicCredentials({ clientId: clientId.value, clientSecret: secret.value, formEncode });
  output.protect(...credentialSensitiveValues(encoded.clientId, encoded.clientSecret));
  const warnings = encoded.notices.map((n) => ({ code: n.code, message: n.message }));

  if (encoded.status !== 'ready' || encoded.value === null || encoded.header === null) {
    const blocking = encoded.notices.filter(isBlocking);
    for (const n of encoded.notices) if (!isBlocking(n) && !json) output.notice(n);
    if (json) output.line(JSON.stringify({ value: null, header: null, warnings }));
    for (const n of blocking.length > 0 ? blocking : encoded.notices.slice(0, 1)) output.error(blockingMessage(n, secret.source));
    return EXIT.usage;
  }

  if (json) {
    output.result(JSON.stringify({ value: encoded.value, header: encoded.header, warnings }));
    return EXIT.ok;
  }
  for (const n of encoded.notices) output.notice(n);
  output.result(args.has('header') ? encoded.header : encoded.value);
  return EXIT.ok;
}
