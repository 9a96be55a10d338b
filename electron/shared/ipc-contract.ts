/**
 * The one IPC contract: channel names, payloads and results, shared by main,
 * preload and (as types) the renderer. Every invoke result crosses as an
 * envelope, never as a thrown Error (whose message or stack could carry input).
 */
import type { Result } from '../../core/shared/result';
import type { TokenTestInput, TokenTestReport } from '../../core/okta/types';
import type { ImportKeyErrorCode } from '../../core/okta/client-keys';
import type { KeyFormat } from '../../core/okta/key-formats';

/** Name of the object the preload exposes on `window`. */
export const BRIDGE_NAME = 'basicHeader';

/** What a copied value is; main uses it for clipboard markers and never logs the text. */
export type CopyPurpose = 'base64' | 'header' | 'token' | 'public-jwk';
/** The private halves of a generated key: main copies them itself (copyPrivateKey); the page never holds them. */
export type PrivateKeyForm = 'private-jwk' | 'private-pem';

export interface CopyTextRequest {
  readonly text: string;
  readonly purpose: CopyPurpose;
}
export interface CopyTextResponse {
  /** Main clears the clipboard after this many ms if it still holds this text. */
  readonly clearAfterMs: number;
}

export interface ForgetRequest {
  readonly reason: 'user' | 'idle' | 'shortcut';
}
export interface ForgetResponse {
  /** True when the clipboard still held our copy and was cleared. */
  readonly clipboardCleared: boolean;
  readonly requestsCancelled: number;
  /** Private keys main held (loaded or generated) and has now dropped. */
  readonly keysForgotten: number;
}

/**
 * A token test: core's input plus a renderer-chosen id, so the same run can be
 * cancelled. The private key never crosses: the page names a key slot that main
 * holds (keySlot), and main resolves it into core's `clientKey`.
 */
export type TestCredentialsRequest = Omit<TokenTestInput, 'clientKey'> & {
  readonly requestId: string;
  /** private_key_jwt: the slot id a loaded or generated key answered with. */
  readonly keySlot?: string;
};

/** What the page may know about a private key main holds: never a private member. */
export interface ClientKeyInfo {
  /** Names the key in later requests; main forgets it on Forget. */
  readonly slotId: string;
  readonly source: 'file' | 'pasted' | 'generated';
  /** The file's base name (the folder stays in main), for 'file'. */
  readonly fileName: string | null;
  readonly kid: string | null;
  readonly kidSource: 'key' | 'option' | 'none';
  readonly alg: string;
  readonly kty: 'RSA' | 'EC';
  /** RFC 7638 SHA-256 thumbprint of the public key. */
  readonly thumbprint: string;
  readonly format: KeyFormat | 'generated';
  /** The public half (for generated keys: what Okta's Add-key dialog takes). */
  readonly publicJwk: Readonly<Record<string, string>>;
}

/** A refused key: core's code and plain message (which never quotes the key), or a file problem. */
export type KeyLoadRefusal = ImportKeyErrorCode | 'file-unreadable' | 'file-too-large';

export type KeyLoadResponse =
  | { readonly status: 'loaded'; readonly key: ClientKeyInfo }
  | { readonly status: 'cancelled' }
  | { readonly status: 'refused'; readonly code: KeyLoadRefusal; readonly message: string };

export interface ChooseKeyFileRequest {
  /** The kid to send when the key carries none; null for none. */
  readonly kid: string | null;
}
export interface ImportKeyTextRequest {
  /** Pasted key text: crosses once, is never echoed back. */
  readonly text: string;
  readonly kid: string | null;
}
export interface GenerateKeyRequest {
  readonly alg: 'RS256' | 'ES256';
}
export interface CopyPrivateKeyRequest {
  readonly slotId: string;
  readonly form: PrivateKeyForm;
}

export interface CancelTestRequest {
  readonly requestId: string;
}
export interface CancelTestResponse {
  readonly cancelled: boolean;
}

/** Request/response map for every invoke channel (GitHub Desktop style). */
export interface InvokeContract {
  copyText: { request: CopyTextRequest; response: CopyTextResponse };
  forget: { request: ForgetRequest; response: ForgetResponse };
  testCredentials: { request: TestCredentialsRequest; response: TokenTestReport };
  cancelTest: { request: CancelTestRequest; response: CancelTestResponse };
  chooseKeyFile: { request: ChooseKeyFileRequest; response: KeyLoadResponse };
  importKeyText: { request: ImportKeyTextRequest; response: KeyLoadResponse };
  generateKey: { request: GenerateKeyRequest; response: ClientKeyInfo };
  copyPrivateKey: { request: CopyPrivateKeyRequest; response: CopyTextResponse };
}
export type InvokeOperation = keyof InvokeContract;

/** The only channel names that exist. */
export const INVOKE_CHANNELS: { readonly [K in InvokeOperation]: `basic-header:${string}` } = {
  copyText: 'basic-header:copy-text',
  forget: 'basic-header:forget',
  testCredentials: 'basic-header:test-credentials',
  cancelTest: 'basic-header:cancel-test',
  chooseKeyFile: 'basic-header:choose-key-file',
  importKeyText: 'basic-header:import-key-text',
  generateKey: 'basic-header:generate-key',
  copyPrivateKey: 'basic-header:copy-private-key',
};

/** Main -> renderer: commands from the native menu and its accelerators. */
export const COMMAND_CHANNEL = 'basic-header:command';
export const APP_COMMANDS = ['copy-header', 'test-credentials', 'forget-everything', 'show-shortcuts'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export type IpcResult<T> = Result<T, IpcErrorCode>;
export type IpcErrorCode = 'untrusted-sender' | 'invalid-payload' | 'clipboard-unavailable' | 'key-not-loaded' | 'internal';

/** The whole surface the preload exposes: one function per operation, nothing else. */
export type BasicHeaderApi = {
  readonly [K in InvokeOperation]: (request: InvokeContract[K]['request']) => Promise<IpcResult<InvokeContract[K]['response']>>;
} & {
  /** Subscribe to menu commands; returns an unsubscribe function. The IPC event never reaches the page. */
  readonly onCommand: (listener: (command: AppCommand) => void) => () => void;
};

/** The exact allow-list of keys on window.basicHeader: one per invoke channel, then onCommand. */
export const BRIDGE_KEYS: readonly (keyof BasicHeaderApi)[] = [...(Object.keys(INVOKE_CHANNELS) as InvokeOperation[]), 'onCommand'];
