/** Plain-language formatting of times, durations and claim values. */

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

export function formatEpochSeconds(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? String(seconds) : dateTime.format(date);
}

export function formatClockTime(epochMs: number): string {
  return timeOnly.format(new Date(epochMs));
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
    return `${text} (${formatEpochSeconds(value)})`;
  }
  return text;
}
