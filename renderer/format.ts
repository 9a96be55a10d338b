/** Plain-language formatting of times, durations and claim values. Never throws, whatever a server sends. */
import { NOT_A_DATE } from '../core/okta/time';

export function formatDuration(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds)) return 'a very long time';
  const s = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min ${seconds} s`;
  if (minutes > 0) return `${minutes} min ${seconds} s`;
  return `${seconds} s`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** A server's number may be far past the last JavaScript date (±8.64e15 ms), where Intl.format throws. */
function validDate(epochMs: number): Date | null {
  const date = new Date(epochMs);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A date and time, or null when the number is not a date JavaScript can show. */
export function dateTimeOf(epochMs: number): string | null {
  const date = validDate(epochMs);
  return date === null ? null : dateTime.format(date);
}

/** The local date and time, or the number as it came with "(not a valid date)". */
export function formatEpochSeconds(seconds: number): string {
  return dateTimeOf(seconds * 1000) ?? `${seconds} (${NOT_A_DATE})`;
}

export function formatClockTime(epochMs: number): string {
  const date = validDate(epochMs);
  return date === null ? NOT_A_DATE : timeOnly.format(date);
}

/** Claim values as text: arrays space-separated (as scopes are written), objects as JSON. */
export function formatClaimValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(' ');
  try {
    return JSON.stringify(value);
  } catch {
    return '(not displayable)';
  }
}

export const TIME_CLAIMS: readonly string[] = ['iat', 'exp', 'nbf', 'auth_time'];

/** A claim as text; time claims with their date (or "not a valid date"). */
export function formatClaim(name: string, value: unknown): string {
  const text = formatClaimValue(value);
  if (typeof value !== 'number' || !TIME_CLAIMS.includes(name)) return text;
  return `${text} (${dateTimeOf(value * 1000) ?? NOT_A_DATE})`;
}
