/**
 * Electron-free types for the main-process IPC handlers, so the same handler
 * code runs inside Electron (wired by ipc-main.ts) and in the Chromium
 * end-to-end tests (wired by page.exposeBinding).
 */
import type { FetchLike } from '../../core/okta/types';
import type { InvokeContract, InvokeOperation, IpcResult } from '../shared/ipc-contract';

/** What main knows about the frame that sent a message (from IpcMainInvokeEvent). */
export interface SenderInfo {
  readonly webContentsId: number;
  /** URL of event.senderFrame, or null when the frame is gone. */
  readonly frameUrl: string | null;
  /** True when senderFrame is the top frame (senderFrame.parent === null). */
  readonly isMainFrame: boolean;
}

/** The clipboard as main sees it: Electron's async clipboard, or an in-memory one in tests. */
export interface ClipboardPort {
  /** Write text plus history/cloud exclusion markers where the platform has them. */
  writeSecretText(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): Promise<void>;
}

export interface HandlerDeps {
  readonly clipboard: ClipboardPort;
  /** Electron: the in-memory session's fetch. Tests: Node fetch trusting the test CA. */
  readonly fetch: FetchLike;
  /** webContents ids of the app's own windows. */
  readonly isTrustedWebContents: (id: number) => boolean;
  /**
   * The origin the app's pages are served from: { protocol: 'app:', host: 'basic-header' }
   * in Electron, the test server's in Chromium tests. Compared by protocol + host, because
   * `new URL('app://x').origin` is the string 'null' for custom schemes.
   */
  readonly trustedOrigin: { readonly protocol: string; readonly host: string };
  /** Delay before a copy is cleared from the clipboard; default 30 000 ms. */
  readonly clipboardClearMs?: number;
  readonly now?: () => number;
}

export type Handler<K extends InvokeOperation> = (
  sender: SenderInfo,
  payload: unknown,
) => Promise<IpcResult<InvokeContract[K]['response']>>;

export type Handlers = { readonly [K in InvokeOperation]: Handler<K> } & {
  /** Cancel timers and in-flight requests, clear our clipboard copy (on quit). */
  readonly dispose: () => Promise<void>;
};
