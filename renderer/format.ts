/** Plain-language formatting of times, durations and claim values. */
import { NOT_A_DATE } from '../core/okta/time';

export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
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

/** The local date and time, or the number as it came with "(not a valid date)". */
export function formatEpochSeconds(seconds: number): string {
  const date = validDate(seconds * 1000);
  return date === null ? `${seconds} (${NOT_A_DATE})` : dateTime.format(date);
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

/** Time claims (iat, exp, nbf, auth_time) also shown as a date. */
export function formatClaim(name: string, value: unknown): string {
  const text = formatClaimValue(value);
  if (typeof value === 'number' && ['iat', 'exp', 'nbf', 'auth_time'].includes(name)) {
    const date = validDate(value * 1000);
    return `${text} (${date === null ? NOT_A_DATE : dateTime.format(date)})`;
  }
  return text;
}
