/**
 * The Test credentials form (test-settings.ts) as a token-test input. Its own
 * module: only the lazy chunks (test panel, form logic) use it, so the first
 * paint, which holds the form's initial settings, does not carry it.
 */
import type { AuthServerChoice, TokenTestInput } from '../core/okta/types';
import type { TestSettings } from './test-settings';

export const TIMEOUT_CHOICES = [5, 10, 15, 30, 60] as const;

export function toAuthServer(settings: TestSettings): AuthServerChoice {
  return settings.serverKind === 'custom' ? { kind: 'custom', id: settings.customId.trim() } : { kind: settings.serverKind };
}

export function toScopes(text: string): string[] {
  return text.split(/[\s,]+/).filter((s) => s !== '');
}

/** The one place the form becomes a token-test input (the preview and the real run agree). */
export function toTokenTestInput(settings: TestSettings, clientId: string, clientSecret: string, formEncode: boolean): TokenTestInput {
  return {
    target: settings.target,
    authServer: toAuthServer(settings),
    clientId,
    clientSecret,
    scopes: toScopes(settings.scopes),
    authMethod: settings.authMethod,
    formEncode,
    timeoutMs: settings.timeoutSeconds * 1000,
    dpop: settings.dpop,
    // Only with client_secret_jwt: core refuses an algorithm with a method that signs nothing.
    ...(settings.authMethod === 'client_secret_jwt' ? { assertionAlg: settings.assertionAlg } : {}),
  };
}
