/**
 * `basic-header test --rotation` (issue 13): the current and the new secret of
 * one client, tested one after the other with the same settings, and the
 * verdict. Everything but the secrets was checked by `test` already; here
 * both secrets are read, cleaned and compared before any traffic.
 */
import * as nodeCrypto from 'node:crypto';
import { ROTATION_LABELS, runRotationTest, SAME_SECRET_MESSAGE } from '../../core/okta/rotation';
import type { TokenTestInput } from '../../core/okta/types';
import type { Notice } from '../../core/shared/notice';
import type { CommandContext } from '../command-context';
import { EXIT, inputFailureExit, type ExitCode } from '../exit-codes';
import { noteProxyFailure, withNodeFetch } from '../node-fetch';
import { presentedCertificateUnlessProxied } from '../presented-certificate';
import { rotationExit, rotationJson, rotationLines } from '../rotation-report';
import { readSecretPair } from '../secret-source';
import { requestDebugLine } from '../test-report';
import { cleanTestInput, printNewNotices, sameNotice, type PrintedNotices } from './test-input';
import { nodeSignatureCheck } from '../../core/okta/token-signature';

export async function runRotation(ctx: CommandContext, base: Omit<TokenTestInput, 'clientSecret'>, ca: readonly string[] | null): Promise<ExitCode> {
  const { args, output } = ctx;
  const read = await readSecretPair(ctx);
  if (!read.ok) {
    output.error(read.message);
    return inputFailureExit(read.code);
  }
  const pair = read.value;
  const printed: PrintedNotices = new Set();
  const current = cleanTestInput(output, base, pair.current, pair.source, printed, ROTATION_LABELS.current);
  const next = cleanTestInput(output, base, pair.next, pair.source, printed, ROTATION_LABELS.new);
  if (current === null || next === null) return EXIT.usage;
  if (current.clientSecret === next.clientSecret) {
    output.error(SAME_SECRET_MESSAGE);
    return EXIT.usage;
  }

  const result = await withNodeFetch(ca, (fetch, signal) => runRotationTest(current, next.clientSecret, { fetch, presentedCertificate: presentedCertificateUnlessProxied, checkSignature: nodeSignatureCheck<nodeCrypto.KeyObject>(nodeCrypto) }, signal));
  if (!result.ok) {
    output.error(`${result.message} [${result.code}]`);
    return EXIT.usage;
  }
  const report = result.value;
  // A notice both tests gave is about the app or the server: printed once, as it is. One that only one test
  // gave (Okta's short-HMAC warning, say) is about that side's secret, and says which.
  const [first, second] = report.results;
  const both = (n: Notice): boolean => first.notices.some((m) => sameNotice(m, n)) && second.notices.some((m) => sameNotice(m, n));
  for (const [i, r] of report.results.entries()) {
    const side = i === 0 ? ROTATION_LABELS.current : ROTATION_LABELS.new;
    printNewNotices(output, r.notices, printed, (n) => (both(n) ? n : { ...n, message: `the ${side} secret: ${n.message}` }));
    const requestLine = requestDebugLine(r);
    if (requestLine !== null) output.debug(requestLine);
  }
  if (report.results[0].discovery !== null) output.debug(`discovery: ${JSON.stringify(report.results[0].discovery)}`);
  // Both tests go to the same server the same way: one note is enough.
  const unanswered = report.results.find((r) => r.outcome === 'no-answer' && r.status === null);
  if (unanswered !== undefined) noteProxyFailure(output, unanswered, ctx.env);

  const exit = rotationExit(report);
  if (args.has('json')) {
    output.jsonLine(rotationJson(report));
    if (exit !== EXIT.ok) output.error(`rotation ${report.verdict}: ${report.summary} ${report.nextStep}`);
    return exit;
  }
  // As for a single test (and --help says so): a successful report on stdout, a failed one (any verdict but
  // both-work) on stderr, so a pipeline's stdout never holds a failure it could mistake for the result.
  const toStdout = report.ok;
  for (const line of rotationLines(report, toStdout ? output.out : output.err, Date.now())) {
    if (toStdout) output.line(line);
    else output.errLine(line);
  }
  return exit;
}
