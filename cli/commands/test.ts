/**
 * `basic-header test`: one client-credentials token request through core, on
 * Node's network stack (proxy from the environment, extra CAs), explained.
 * Loaded lazily by main.ts, so `encode` and `decode` never load undici or jose.
 * Everything that can be refused is refused before the secret is read.
 */
import { buildBasicCredentials } from '../../core/encoding';
import { credentialSensitiveValues } from '../../core/okta/redact';
import { MAX_TIMEOUT_MS, buildMaskedPreview, runTokenTest } from '../../core/okta';
import type { TokenTestInput, TokenTestReport } from '../../core/okta/types';
import { fail, ok, type Result } from '../../core/shared/result';
import type { ParsedArgs } from '../args';
import { loadClientAuth, readClientAuthSettings, type ClientAuthSettings } from '../client-auth-options';
import type { CommandContext } from '../command-context';
import { readClientId, readServer } from '../credential-options';
import { EXIT, inputFailureExit, type ExitCode } from '../exit-codes';
import { createNodeFetch, tlsEnvWarning } from '../node-fetch';
import { readClientSecret } from '../secret-source';
import { exitCodeFor, reportJson, reportLines } from '../test-report';
import { buildTrustStore } from '../trust-store';
import { blockingMessage, isBlocking } from './encode';

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
  return ok(Math.round(seconds * 1000));
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
  const trust = buildTrustStore(args.value('ca-file'), ctx.env);
  if (!trust.ok) {
    output.error(trust.message);
    return EXIT.usage;
  }
  for (const w of trust.value.warnings) output.warn(w);
  const tlsWarning = tlsEnvWarning(ctx.env);
  if (tlsWarning !== null) output.warn(tlsWarning);
  output.debug(trust.value.ca === null ? 'trust: Node\'s default CA store (with NODE_EXTRA_CA_CERTS if set)' : `trust: ${trust.value.ca.length} CA certificates (default store + extra)`);

  const printed = new Set<string>();
  let input: TokenTestInput = { ...base, clientSecret: '' };
  // private_key_jwt reads no secret at all.
  if (s.auth.authMethod !== 'private_key_jwt') {
    const read = await readClientSecret(ctx);
    if (!read.ok) {
      output.error(read.message);
      return inputFailureExit(read.code);
    }
    const secret = read.value;

    // The same hygiene as `encode`, so an empty secret or a colon in the ID stops here, before any traffic.
    const cleaned = buildBasicCredentials({ clientId: s.clientId, clientSecret: secret.value, formEncode: s.formEncode });
    output.protect(...credentialSensitiveValues(cleaned.clientId, cleaned.clientSecret));
    if (cleaned.status !== 'ready') {
      for (const n of cleaned.notices) if (!isBlocking(n)) output.notice(n);
      const blocking = cleaned.notices.filter(isBlocking);
      for (const n of blocking.length > 0 ? blocking : cleaned.notices.slice(0, 1)) output.error(blockingMessage(n, secret.source));
      return EXIT.usage;
    }
    for (const n of cleaned.notices) {
      output.notice(n);
      printed.add(`${n.code}\u0000${n.message}`);
    }
    input = { ...base, clientId: cleaned.clientId, clientSecret: cleaned.clientSecret };
  }
  const net = createNodeFetch(trust.value.ca);
  const controller = new AbortController();
  let interrupts = 0;
  const onInterrupt = (): void => {
    interrupts += 1;
    if (interrupts > 1) process.exit(EXIT.cancelled);
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  let report: TokenTestReport;
  try {
    report = await runTokenTest(input, { fetch: net.fetch }, controller.signal);
  } finally {
    process.off('SIGINT', onInterrupt);
    await net.close();
  }

  for (const n of report.notices) {
    if (!printed.has(`${n.code}\u0000${n.message}`)) output.notice(n);
  }
  if (report.request !== null) output.debug(`request sent (secret masked): ${JSON.stringify(report.request)}`);
  if (report.discovery !== null) output.debug(`discovery: ${JSON.stringify(report.discovery)}`);

  const exit = exitCodeFor(report);
  if (args.has('json')) {
    output.line(JSON.stringify(reportJson(report)));
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
  if (success && args.has('print-token') && report.token !== null) output.result(report.token.accessToken);
  return exit;
}

function summary(report: TokenTestReport): string {
  const what = report.outcome === 'rejected' ? `rejected (HTTP ${report.status ?? '?'})` : report.outcome === 'no-answer' ? 'no usable answer' : report.outcome;
  return `${what}: ${report.error ?? 'error'}${report.errorDescription === null ? '' : ` - ${report.errorDescription}`}`;
}
