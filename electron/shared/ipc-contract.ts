/**
 * The one IPC contract: channel names, payloads and results, shared by main,
 * preload and (as types) the renderer. Every invoke result crosses as an
 * envelope, never as a thrown Error (whose message or stack could carry input).
 */
import type { Result } from '../../core/shared/result';
import type { TokenTestInput, TokenTestReport } from '../../core/okta/types';

/** Name of the object the preload exposes on `window`. */
export const BRIDGE_NAME = 'basicHeader';

/** What a copied value is; main uses it for clipboard markers and never logs the text. */
export type CopyPurpose = 'base64' | 'header' | 'token';

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
}

/** A token test: core's input plus a renderer-chosen id, so the same run can be cancelled. */
export type TestCredentialsRequest = TokenTestInput & { readonly requestId: string };

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
}
export type InvokeOperation = keyof InvokeContract;

/** The only channel names that exist. */
export const INVOKE_CHANNELS: { readonly [K in InvokeOperation]: `basic-header:${string}` } = {
  copyText: 'basic-header:copy-text',
  forget: 'basic-header:forget',
  testCredentials: 'basic-header:test-credentials',
  cancelTest: 'basic-header:cancel-test',
};

/** Main -> renderer: commands from the native menu and its accelerators. */
export const COMMAND_CHANNEL = 'basic-header:command';
export const APP_COMMANDS = ['copy-header', 'test-credentials', 'forget-everything', 'show-shortcuts'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export type IpcResult<T> = Result<T, IpcErrorCode>;
export type IpcErrorCode = 'untrusted-sender' | 'invalid-payload' | 'clipboard-unavailable' | 'internal';

/** The whole surface the preload exposes: one function per operation, nothing else. */
export type BasicHeaderApi = {
  readonly [K in InvokeOperation]: (request: InvokeContract[K]['request']) => Promise<IpcResult<InvokeContract[K]['response']>>;
} & {
  /** Subscribe to menu commands; returns an unsubscribe function. The IPC event never reaches the page. */
  readonly onCommand: (listener: (command: AppCommand) => void) => () => void;
};

/** The exact allow-list of keys on window.basicHeader: one per invoke channel, then onCommand. */
export const BRIDGE_KEYS: readonly (keyof BasicHeaderApi)[] = [...(Object.keys(INVOKE_CHANNELS) as InvokeOperation[]), 'onCommand'];
