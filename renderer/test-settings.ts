/**
 * The Test credentials form as plain data, and the request preview worked out
 * from it by core before anything is sent (prepareTokenTest: the same checks
 * main runs). Notices are sorted to the field they are about.
 */
import { ENCODE_CODES, HYGIENE_CODES } from '../core/encoding';
import { resolveTarget } from '../core/okta/target';
import { prepareTokenTest } from '../core/okta/token-request';
import { DEFAULT_TIMEOUT_MS, type AuthServerChoice, type ClientAuthMethod, type MaskedRequest, type TokenTestInput } from '../core/okta/types';
import type { Notice } from '../core/shared/notice';

export type ServerKind = AuthServerChoice['kind'];

export interface TestSettings {
  readonly target: string;
  readonly serverKind: ServerKind;
  readonly customId: string;
  readonly scopes: string;
  readonly authMethod: ClientAuthMethod;
  readonly timeoutSeconds: number;
}

export const INITIAL_SETTINGS: TestSettings = {
  target: '',
  serverKind: 'default',
  customId: '',
  scopes: '',
  authMethod: 'client_secret_basic',
  timeoutSeconds: DEFAULT_TIMEOUT_MS / 1000,
};

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
  };
}

export type PreviewPlace = 'target' | 'server' | 'scopes' | 'credentials';

export interface Preview {
  readonly request: MaskedRequest | null;
  /** Why nothing can be sent yet, and which part of the form it is about. */
  readonly problem: { readonly place: PreviewPlace; readonly code: string; readonly message: string } | null;
  readonly notices: Readonly<Record<PreviewPlace | 'general', readonly Notice[]>>;
}

const PLACE_OF_ERROR: Readonly<Record<string, PreviewPlace>> = {
  'empty-target': 'target',
  'bad-domain': 'target',
  'unsupported-scheme': 'target',
  'insecure-http': 'target',
  'credentials-in-url': 'target',
  'bad-auth-server-id': 'server',
  'bad-scope': 'scopes',
};

const PLACE_OF_NOTICE: Readonly<Record<string, PreviewPlace>> = {
  'doubled-scheme': 'target',
  'query-ignored': 'target',
  'admin-host': 'target',
  'insecure-loopback': 'target',
  'auth-server-from-path': 'target',
  'path-ignored': 'target',
  'org-server-secret': 'server',
  'oidc-scope': 'scopes',
  'no-scope': 'scopes',
  'custom-scope-org-server': 'scopes',
};

/** Shown beside the credential fields already. */
const SHOWN_AT_FIELDS = new Set<string>([...HYGIENE_CODES, ...ENCODE_CODES]);

function sortNotices(notices: readonly Notice[]): Preview['notices'] {
  const out: Record<PreviewPlace | 'general', Notice[]> = { target: [], server: [], scopes: [], credentials: [], general: [] };
  for (const n of notices) {
    if (SHOWN_AT_FIELDS.has(n.code)) continue;
    out[PLACE_OF_NOTICE[n.code] ?? 'general'].push(n);
  }
  return out;
}

export function buildPreview(settings: TestSettings, clientId: string, clientSecret: string, formEncode: boolean): Preview {
  try {
    const prepared = prepareTokenTest(toTokenTestInput(settings, clientId, clientSecret, formEncode));
    if (!prepared.ok) {
      const notices = [...(prepared.notices ?? [])];
      // Choosing Org warns at once, before a domain is typed: core's warning, for any Okta host.
      if (prepared.code === 'empty-target' && settings.serverKind === 'org') {
        const sample = resolveTarget('example.okta.com', { kind: 'org' });
        if (sample.ok) notices.push(...sample.value.notices.filter((n) => n.code === 'org-server-secret'));
      }
      return {
        request: null,
        problem: { place: PLACE_OF_ERROR[prepared.code] ?? 'credentials', code: prepared.code, message: prepared.message },
        notices: sortNotices(notices),
      };
    }
    const value = prepared.value;
    return { request: value.build(value.resolved.tokenEndpoint).masked, problem: null, notices: sortNotices(value.notices) };
  } catch {
    return {
      request: null,
      problem: { place: 'target', code: 'unreadable', message: 'These settings could not be read. Check the Okta domain and scopes.' },
      notices: sortNotices([]),
    };
  }
}
