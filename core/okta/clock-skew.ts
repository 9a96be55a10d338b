/**
 * This computer's clock against the server's, from the answer's Date header.
 * Assertions and DPoP proofs carry iat/exp from the local clock; when Okta
 * refuses one for its time, a skew in the matching direction may be the cause.
 */
import { notice, type Notice } from '../shared/notice';
import { ASSERTION_LIFETIME_S } from './signed-jwt';
import { CLOCK_SENSITIVE } from './jwt-auth-errors';
import type { ClockCheck } from './types';

/** Date has one-second resolution, and the answer took some time to arrive. */
const NOISE_S = 2;
/** How far behind the local clock must be for each "too old" refusal (assertion exp, Okta's five-minute DPoP window). */
const BEHIND_LIMIT_S: Readonly<Record<string, number>> = { 'client-assertion-expired': ASSERTION_LIFETIME_S, 'dpop-proof-too-old': 300 };
/** Okta refuses an exp more than an hour ahead; the assertion's own exp is five minutes on. */
const EXP_AHEAD_LIMIT_S = 3600 - ASSERTION_LIFETIME_S;

/** The last Date header read: it changes once a second, and tests in a row repeat it (parsing is on every answer's path). */
let lastDate: { readonly header: string; readonly serverMs: number; readonly iso: string } | null = null;

export function clockCheck(headers: Headers, localMs: number): ClockCheck | null {
  const date = headers.get('date');
  if (date === null) return null;
  if (lastDate === null || lastDate.header !== date) {
    const serverMs = Date.parse(date);
    if (!Number.isFinite(serverMs)) return null;
    lastDate = { header: date, serverMs, iso: new Date(serverMs).toISOString() };
  }
  return { serverDate: lastDate.iso, skewSeconds: Math.round((lastDate.serverMs - localMs) / 1000) };
}

function describeSkew(skew: number): string {
  const size = Math.abs(skew);
  return size <= NOISE_S ? 'agrees with' : `is ${size} s ${skew > 0 ? 'behind' : 'ahead of'}`;
}

/** For a time-related refusal: whether the measured skew could explain it, said plainly. Null for other errors. */
export function clockNotice(explanationId: string, clock: ClockCheck | null, host: string): Notice | null {
  const direction = CLOCK_SENSITIVE[explanationId];
  if (direction === undefined) return null;
  if (clock === null) {
    return notice('clock-unknown', 'info', `${host} sent no Date header, so this computer's clock could not be compared with the server's; check it is set from a time server.`);
  }
  const skew = clock.skewSeconds;
  // skew = server − local: positive means this computer is behind.
  const explains = direction === 'local-behind'
    ? skew > (BEHIND_LIMIT_S[explanationId] ?? 0) - NOISE_S
    : explanationId === 'client-assertion-exp-too-far' ? -skew > EXP_AHEAD_LIMIT_S - NOISE_S : -skew > NOISE_S;
  const said = `This computer's clock ${describeSkew(skew)} ${host}'s (from its Date header, ${clock.serverDate}).`;
  return explains
    ? notice('clock-skew', 'warning', `${said} That difference alone can explain this refusal: set the clock from a time server (NTP), then test again.`)
    : notice('clock-in-sync', 'info', `${said} That is not enough to explain this refusal, so the clock is not the cause.`);
}
