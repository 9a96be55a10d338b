/**
 * The request preview: what the Test credentials form would send, worked out by
 * core before anything is sent (prepareTokenTest: the same checks main runs).
 * Notices are sorted to the field they are about. Loaded with the form logic
 * chunk (form-logic.ts), not in the first paint.
 */
import { ENCODE_CODES, HYGIENE_CODES } from '../core/encoding/codes';
import { orgServerMethodNotice, prepareTokenTest, type InputErrorCode } from '../core/okta/token-request';
import type { ClientSigningKey } from '../core/okta/types';
import type { Notice } from '../core/shared/notice';
import type { ClientKeyInfo } from '../electron/shared/ipc-contract';
import { toTokenTestInput } from './test-input';
import type { Preview, PreviewPlace, TestSettings } from './test-settings';

/**
 * The preview only builds the masked request, which never signs: core needs the
 * key's alg and kid to check it, and the CryptoKey itself stays in main.
 */
const UNSIGNED = Object.freeze({}) as ClientSigningKey['key'];

function previewKey(settings: TestSettings): { clientKey?: ClientSigningKey } {
  const info: ClientKeyInfo | null = settings.clientKey;
  if (settings.authMethod !== 'private_key_jwt' || info === null) return {};
  return { clientKey: { key: UNSIGNED, alg: info.alg, kid: info.kid } };
}

/** Every code core can refuse with, so a new one cannot silently land beside the wrong field. */
const PLACE_OF_ERROR: Readonly<Record<InputErrorCode, PreviewPlace>> = {
  'empty-target': 'target',
  'bad-domain': 'target',
  'unsupported-scheme': 'target',
  'insecure-http': 'target',
  'credentials-in-url': 'target',
  'scheme-typo': 'target',
  'bad-auth-server-id': 'server',
  'bad-auth-method': 'server',
  'missing-private-key': 'credentials',
  'bad-assertion-alg': 'credentials',
  'empty-client-id': 'credentials',
  'empty-client-secret': 'credentials',
  'id-secret-pasted-together': 'credentials',
  'invalid-credentials': 'credentials',
  'bad-scope': 'scopes',
};

const PLACE_OF_NOTICE: Readonly<Record<string, PreviewPlace>> = {
  'doubled-scheme': 'target',
  'query-ignored': 'target',
  'admin-host': 'target',
  'insecure-loopback': 'target',
  'auth-server-from-path': 'target',
  'path-ignored': 'target',
  'org-server-needs-private-key-jwt': 'server',
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
    const prepared = prepareTokenTest({ ...toTokenTestInput(settings, clientId, clientSecret, formEncode), ...previewKey(settings) });
    if (!prepared.ok) {
      const notices = [...(prepared.notices ?? [])];
      // Org with a secret method warns at once, before a domain is typed (core's warning: the method is known here).
      if (prepared.code === 'empty-target' && settings.serverKind === 'org') {
        const org = orgServerMethodNotice({ kind: 'org' }, settings.authMethod);
        if (org !== null) notices.push(org);
      }
      return {
        request: null,
        problem: { place: PLACE_OF_ERROR[prepared.code], code: prepared.code, message: prepared.message },
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
