/**
 * `basic-header test`: one client-credentials token request through core, on
 * Node's network stack (proxy from the environment, extra CAs), explained.
 * Loaded lazily by main.ts, so `encode` and `decode` never load undici or jose.
 * Everything that can be refused is refused before the secret is read.
 */
import * as nodeCrypto from 'node:crypto';
import { MAX_TIMEOUT_MS, buildMaskedPreview, runTokenTest } from '../../core/okta';
import { decodeBase64Loose } from '../../core/encoding/base64';
import { compareScopes, missingScopesSentence } from '../../core/okta/scope-check';
import type { TokenTestInput, TokenTestReport } from '../../core/okta/types';
import { fail, ok, type Result } from '../../core/shared/result';
import type { ParsedArgs } from '../args';
import { loadClientAuth, readClientAuthSettings, type ClientAuthSettings } from '../client-auth-options';
import type { CommandContext } from '../command-context';
import { readClientId, readServer } from '../credential-options';
import { EXIT, inputFailureExit, type ExitCode } from '../exit-codes';
import { noteProxyFailure, proxyEnvRefusal, tlsEnvWarning, tlsKeyLogRefusal, withNodeFetch } from '../node-fetch';
import { presentedCertificateUnlessProxied } from '../presented-certificate';
import { readClientSecret } from '../secret-source';
import { exitCodeFor, reportJson, reportLines, requestDebugLine } from '../test-report';
import type { Output } from '../output';
import { buildTrustStore } from '../trust-store';
import { cleanTestInput, printNewNotices, type PrintedNotices } from './test-input';
import { runRotation } from './test-rotation';
import { nodeSignatureCheck } from '../../core/okta/token-signature';

const MAX_TIMEOUT_SECONDS = MAX_TIMEOUT_MS / 1000;
/** Stands in for the secret while the other inputs are checked, before the secret is read. */
const PLACEHOLDER_SECRET = 'placeholder-secret-not-sent';

export { parseAuthMethod } from '../client-auth-options';

export function parseTimeoutMs(text: string | undefined): Result<number, 'usage'> {
  if (text === undefined) return ok(15_000);
  const seconds = /^\d+(?:\.\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(seconds > 0 && seconds <= MAX_TIMEOUT_SECONDS)) {
    return fail('usage', `--timeout takes a number of seconds greater than 0 and at most ${MAX_TIMEOUT_SECONDS}, e.g. --timeout 30.`);
  }
  // At least 1 ms: 0 would read as "no timeout given" further on, and silently become the default.
  return ok(Math.max(1, Math.round(seconds * 1000)));
}

interface Settings {
  readonly clientId: string;
  readonly target: TokenTestInput['target'];
  readonly authServer: TokenTestInput['authServer'];
  /** As given: core splits `--scope 'a b'` and drops duplicates. */
  readonly scopes: readonly string[];
  readonly auth: ClientAuthSettings;
  readonly formEncode: boolean;
  readonly timeoutMs: number;
}

function readSettings(args: ParsedArgs, env: CommandContext['env']): Result<Settings, 'usage'> {
  if (args.has('json') && args.has('print-token')) {
    return fail('usage', '--json and --print-token cannot be combined: --print-token keeps stdout for the token alone.');
  }
  if (args.has('rotation') && args.has('print-token')) {
    return fail('usage', '--rotation and --print-token cannot be combined: a rotation test gets two tokens and shows neither.');
  }
  const clientId = readClientId(args, env);
  if (!clientId.ok) return clientId;
  const server = readServer(args, env);
  if (!server.ok) return server;
  const auth = readClientAuthSettings(args);
  if (!auth.ok) return auth;
  const timeoutMs = parseTimeoutMs(args.value('timeout'));
  if (!timeoutMs.ok) return timeoutMs;
  return ok({
    clientId: clientId.value,
    target: server.value.target,
    authServer: server.value.authServer,
    scopes: args.values('scope'),
    auth: auth.value,
    formEncode: args.has('form-encode'),
    timeoutMs: timeoutMs.value,
  });
}

export async function runTest(ctx: CommandContext): Promise<ExitCode> {
  const { args, output } = ctx;
  const settings = readSettings(args, ctx.env);
  if (!settings.ok) {
    output.error(settings.message);
    return EXIT.usage;
  }
  const s = settings.value;
  if (s.formEncode && s.auth.authMethod === 'client_secret_post') {
    output.note('--form-encode changes nothing with client_secret_post: the form body is always form-encoded (RFC 6749 §2.3.1).');
  }
  // The private key (private_key_jwt) is read and checked here; it is not a secret prompt.
  const auth = await loadClientAuth(s.auth, ctx);
  if (!auth.ok) {
    output.error(auth.message);
    return inputFailureExit(auth.code);
  }
  const base = {
    target: s.target, authServer: s.authServer, clientId: s.clientId, scopes: s.scopes,
    formEncode: s.formEncode, timeoutMs: s.timeoutMs, ...auth.value,
  };
  // Everything but the secret is checked first, so a typo never costs a prompt or a pipe.
  const preview = buildMaskedPreview({ ...base, clientSecret: PLACEHOLDER_SECRET });
  if (!preview.ok) {
    output.error(`${preview.message} [${preview.code}]`);
    return EXIT.usage;
  }
  output.debug(`request to send (secret masked), before discovery: ${JSON.stringify(preview.value)}`);
  const trust = await buildTrustStore(args.value('ca-file'), ctx.env);
  if (!trust.ok) {
    output.error(trust.message);
    return EXIT.usage;
  }
  for (const w of trust.value.warnings) output.warn(w);
  const tlsWarning = tlsEnvWarning(ctx.env);
  if (tlsWarning !== null) output.warn(tlsWarning);
  const keyLog = tlsKeyLogRefusal(process.execArgv, ctx.env);
  if (keyLog !== null) {
    output.error(keyLog);
    return EXIT.usage;
  }
  const badProxy = proxyEnvRefusal(ctx.env);
  if (badProxy !== null) {
    output.error(badProxy);
    return EXIT.usage;
  }
  output.debug(trust.value.ca === null ? 'trust: Node\'s default CA store (with NODE_EXTRA_CA_CERTS if set)' : `trust: ${trust.value.ca.length} CA certificates (default store + extra)`);

  if (args.has('rotation')) {
    // A rotation varies the secret; private_key_jwt has none.
    if (s.auth.authMethod === 'private_key_jwt') {
      output.error('--rotation tests two client secrets; private_key_jwt uses a key and no secret. Rotate keys by testing each key on its own.');
      return EXIT.usage;
    }
    return runRotation(ctx, base, trust.value.ca);
  }

  const printed: PrintedNotices = new Set();
  let input: TokenTestInput | null = { ...base, clientSecret: '' };
  // private_key_jwt reads no secret at all.
  if (s.auth.authMethod !== 'private_key_jwt') {
    const read = await readClientSecret(ctx);
    if (!read.ok) {
      output.error(read.message);
      return inputFailureExit(read.code);
    }
    input = cleanTestInput(output, base, read.value.value, read.value.source, printed);
  }
  if (input === null) return EXIT.usage;
  const ready = input;
  const report = await withNodeFetch(trust.value.ca, (fetch, signal) => runTokenTest(ready, { fetch, presentedCertificate: presentedCertificateUnlessProxied, checkSignature: nodeSignatureCheck<nodeCrypto.KeyObject>(nodeCrypto) }, signal));
  printNewNotices(output, report.notices, printed);
  noteProxyFailure(output, report, ctx.env);
  warnMissingScopes(output, report, ready.scopes);
  warnUnverifiedSignature(output, report);
  const requestLine = requestDebugLine(report);
  if (requestLine !== null) output.debug(requestLine);
  if (report.discovery !== null) output.debug(`discovery: ${JSON.stringify(report.discovery)}`);

  const exit = exitCodeFor(report);
  if (args.has('json')) {
    output.jsonLine(reportJson(report));
    if (exit !== EXIT.ok) output.error(summary(report));
    return exit;
  }
  const success = report.outcome === 'success';
  // Success is the result (stdout); a failure is diagnostics (stderr). --print-token keeps stdout for the token.
  const toStdout = success && !args.has('print-token');
  const palette = toStdout ? output.out : output.err;
  for (const line of reportLines(report, palette, Date.now())) {
    if (toStdout) output.line(line);
    else output.errLine(line);
  }
  if (success && args.has('print-token') && report.token !== null) {
    // A hostile server can hand back the Basic value (or a JWT carrying the secret) as the "token"; a pipeline would then send it on.
    if (holdsSensitiveForm(output, report.token.accessToken)) {
      output.error('the server answered with an access token that holds the client secret (or unprintable characters), so it is not printed. This is not Okta; check the address.');
      return EXIT.noAnswer;
    }
    output.result(report.token.accessToken);
  }
  return exit;
}

/**
 * The token as text, and a JWT's header and claims decoded: a claim can carry
 * the secret as hex or percent-escapes, which only its decoded text shows.
 */
function holdsSensitiveForm(output: Output, token: string): boolean {
  if (output.scrub(token) !== token) return true;
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  return parts.slice(0, 2).some((part) => {
    const bytes = decodeBase64Loose(part);
    return bytes.ok && output.masks(new TextDecoder().decode(bytes.bytes));
  });
}

/**
 * The server accepted the credentials (exit 0 stays: that is what the test asks), but a token whose signature
 * failed is not one to trust: said on stderr in every mode, so a --json pipeline sees it too.
 */
function warnUnverifiedSignature(output: Output, report: TokenTestReport): void {
  if (report.outcome !== 'success' || report.token?.signature !== 'invalid') return;
  output.warn(`the token did not pass its checks. ${report.token.signatureDetail} The credentials were accepted; do not trust this token. [signature-invalid]`);
}

/** A token without every requested scope is not a plain success (the app says so too): a warning, the exit code unchanged. */
function warnMissingScopes(output: Output, report: TokenTestReport, requested: readonly string[]): void {
  if (report.outcome !== 'success' || report.token === null) return;
  const { missing } = compareScopes(requested, report.token);
  if (missing.length > 0) output.warn(`${missingScopesSentence(missing)} The server issued a token without ${missing.length === 1 ? 'it' : 'them'}. [scope-not-granted]`);
}

function summary(report: TokenTestReport): string {
  const what = report.outcome === 'rejected' ? `rejected (HTTP ${report.status ?? '?'})` : report.outcome === 'no-answer' ? 'no usable answer' : report.outcome;
  return `${what}: ${report.error ?? 'error'}${report.errorDescription === null ? '' : ` - ${report.errorDescription}`}`;
}
