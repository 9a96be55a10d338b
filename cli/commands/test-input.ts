/**
 * The last step before a token test's traffic: the secret gets the same hygiene
 * as `encode` (an empty secret or a colon in the ID stops here), every form of it
 * is protected in the output, and its notices are printed once.
 */
import { buildBasicCredentials } from '../../core/encoding';
import { credentialSensitiveValues } from '../../core/okta/redact';
import type { TokenTestInput } from '../../core/okta/types';
import type { Notice } from '../../core/shared/notice';
import type { Output } from '../output';
import { SECRET_NEXT_ENV, type SecretSource } from '../secret-source';
import { blockingMessage, isBlocking } from './encode';

/** Notices already shown (code + message), so a report's copy of one is not printed again. */
export type PrintedNotices = Set<string>;

const noticeKey = (n: Notice): string => `${n.code}\u0000${n.message}`;

/**
 * `base` plus the cleaned secret, or null after printing why it cannot be sent.
 * `side` names the secret in messages when there are two (rotation: "current", "new").
 */
export function cleanTestInput(
  output: Output,
  base: Omit<TokenTestInput, 'clientSecret'>,
  secret: string,
  source: SecretSource,
  printed: PrintedNotices,
  side?: string,
): TokenTestInput | null {
  const cleaned = buildBasicCredentials({ clientId: base.clientId, clientSecret: secret, formEncode: base.formEncode });
  output.protect(...credentialSensitiveValues(cleaned.clientId, cleaned.clientSecret));
  const named = (n: Notice): Notice => (side === undefined ? n : { ...n, message: `the ${side} secret: ${n.message}` });
  // A rotation's new secret comes from its own variable.
  const variable = side === 'new' ? SECRET_NEXT_ENV : undefined;
  if (cleaned.status !== 'ready') {
    for (const n of cleaned.notices) if (!isBlocking(n)) output.notice(named(n));
    const blocking = cleaned.notices.filter(isBlocking);
    for (const n of blocking.length > 0 ? blocking : cleaned.notices.slice(0, 1)) {
      output.error(side === undefined ? blockingMessage(n, source) : `the ${side} secret: ${blockingMessage(n, source, variable)}`);
    }
    return null;
  }
  for (const n of cleaned.notices) {
    output.notice(named(n));
    printed.add(noticeKey(n));
  }
  return { ...base, clientId: cleaned.clientId, clientSecret: cleaned.clientSecret };
}

/** A report's notices that were not shown yet; `named` words one as printed (a rotation names its side). */
export function printNewNotices(output: Output, notices: readonly Notice[], printed: PrintedNotices, named: (n: Notice) => Notice = (n) => n): void {
  for (const n of notices) {
    if (printed.has(noticeKey(n))) continue;
    output.notice(named(n));
    printed.add(noticeKey(n));
  }
}

/** Whether two notices say the same thing. */
export function sameNotice(a: Notice, b: Notice): boolean {
  return noticeKey(a) === noticeKey(b);
}
