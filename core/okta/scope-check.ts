/**
 * Requested scopes against granted ones. Okta refuses an unknown scope with
 * invalid_scope, but other servers silently drop it: a token that lacks a
 * requested scope is not a full success, and the admin must be told which.
 */
import type { TokenDetails } from './types';

function words(value: unknown): string[] | null {
  if (typeof value === 'string') return value.split(/\s+/).filter((s) => s !== '');
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return null;
}

/** What the token grants: the response's scope, else the token's scp / scope claim; null when nothing says. */
export function grantedScopes(token: TokenDetails): readonly string[] | null {
  return words(token.scope) ?? words(token.claims?.scp) ?? words(token.claims?.scope);
}

export interface ScopeComparison {
  readonly missing: readonly string[];
  /** True when neither the response nor the token says what was granted. */
  readonly unknown: boolean;
}

export function compareScopes(requested: readonly string[], token: TokenDetails): ScopeComparison {
  const granted = grantedScopes(token);
  // One entry may hold several, space-separated (`--scope "api:read api:write"`), as the request sends them.
  const asked = [...new Set(requested.flatMap((entry) => entry.split(/\s+/)).filter((s) => s !== ''))];
  if (asked.length === 0) return { missing: [], unknown: false };
  if (granted === null) return { missing: [], unknown: true };
  return { missing: asked.filter((s) => !granted.includes(s)), unknown: false };
}

const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;

/** "You asked for api:admin; the token grants none of it." (named by what is missing). */
export function missingScopesSentence(missing: readonly string[]): string {
  return `You asked for ${list(missing)}; the token grants ${missing.length === 1 ? 'none of it' : 'none of them'}.`;
}
