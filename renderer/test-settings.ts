/**
 * The Test credentials form as plain data. The request preview worked out from
 * it lives in request-preview.ts: it needs core/okta, which the first paint does not load;
 * turning the form into a token-test input is in test-input.ts, for the same reason.
 */
import type { ClientSecretJwtAlg } from '../core/okta/client-keys';
import { DEFAULT_TIMEOUT_MS, type AuthServerChoice, type ClientAuthMethod, type MaskedRequest } from '../core/okta/types';
import type { Notice } from '../core/shared/notice';
import type { ClientKeyInfo } from '../electron/shared/ipc-contract';

export type ServerKind = AuthServerChoice['kind'];

export interface TestSettings {
  readonly target: string;
  readonly serverKind: ServerKind;
  readonly customId: string;
  readonly scopes: string;
  readonly authMethod: ClientAuthMethod;
  readonly timeoutSeconds: number;
  /** Send DPoP proofs (the app's "Require DPoP" setting). */
  readonly dpop: boolean;
  /** client_secret_jwt: how the assertion is signed with the secret (the CLI's --alg). */
  readonly assertionAlg: ClientSecretJwtAlg;
  /** private_key_jwt: the key main holds, as main described it (never the key). */
  readonly clientKey: ClientKeyInfo | null;
}

export const INITIAL_SETTINGS: TestSettings = {
  target: '',
  serverKind: 'default',
  customId: '',
  scopes: '',
  authMethod: 'client_secret_basic',
  timeoutSeconds: DEFAULT_TIMEOUT_MS / 1000,
  dpop: false,
  assertionAlg: 'HS256',
  clientKey: null,
};

export type PreviewPlace = 'target' | 'server' | 'scopes' | 'credentials';

export interface Preview {
  readonly request: MaskedRequest | null;
  /** Why nothing can be sent yet, and which part of the form it is about. */
  readonly problem: { readonly place: PreviewPlace; readonly code: string; readonly message: string } | null;
  readonly notices: Readonly<Record<PreviewPlace | 'general', readonly Notice[]>>;
}
