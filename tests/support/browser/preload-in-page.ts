/**
 * The REAL preload in the Chromium suite: the built bundle (dist/preload/preload.cjs)
 * runs in the page before its scripts, as Electron runs it before the page, with
 * a page-side stand-in for the two Electron objects it uses:
 * - contextBridge.exposeInMainWorld defines the API on window, copied and frozen
 *   as contextBridge hands it over;
 * - ipcRenderer.invoke calls one Playwright binding, which runs the REAL
 *   main-process handler for that channel;
 * - ipcRenderer.on(COMMAND_CHANNEL) hears what sendCommand() dispatches, and is
 *   given an event object first, as Electron gives one (the preload must drop it).
 * So what the page sees is whatever the preload exposes, not a copy of BRIDGE_KEYS.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Handlers } from '../../../electron/main/ipc-handlers';
import type { SenderInfo } from '../../../electron/main/sender-trust';
import { COMMAND_CHANNEL, INVOKE_CHANNELS, type AppCommand, type InvokeOperation } from '../../../electron/shared/ipc-contract';

export const PRELOAD_BUNDLE = path.resolve(import.meta.dirname, '../../../dist/preload/preload.cjs');

/** Page-side event that stands for main sending a menu command. */
const COMMAND_EVENT = 'basic-header-test:command';
/** The Playwright binding the page-side ipcRenderer.invoke calls. */
const INVOKE_BINDING = '__basicHeaderTest_invoke';

interface PageElectronArgs {
  readonly invokeBinding: string;
  readonly commandChannel: string;
  readonly commandEvent: string;
}

/** The little of `window` the page-side code uses (this file is type-checked as Node code). */
interface PageWindow {
  [name: string]: unknown;
  addEventListener(type: string, listener: (event: { readonly detail?: unknown }) => void): void;
  removeEventListener(type: string, listener: (event: { readonly detail?: unknown }) => void): void;
  dispatchEvent(event: unknown): boolean;
}

/** Runs in the page (its source is inlined into the init script): the `electron` module the preload requires. */
function pageElectron(args: PageElectronArgs): unknown {
  const page = globalThis as unknown as PageWindow;
  const forwards = new Map<unknown, (event: { readonly detail?: unknown }) => void>();
  return {
    contextBridge: {
      exposeInMainWorld(name: string, api: Record<string, unknown>): void {
        Object.defineProperty(page, name, { value: Object.freeze({ ...api }), enumerable: true, configurable: false, writable: false });
      },
    },
    ipcRenderer: {
      invoke(channel: string, ...payload: unknown[]): Promise<unknown> {
        return (page[args.invokeBinding] as (c: string, ...p: unknown[]) => Promise<unknown>)(channel, ...payload);
      },
      on(channel: string, listener: (event: unknown, ...rest: unknown[]) => void): void {
        if (channel !== args.commandChannel) return;
        const forward = (event: { readonly detail?: unknown }): void => listener({ sender: { send: () => undefined }, senderId: 0, ports: [] }, event.detail);
        forwards.set(listener, forward);
        page.addEventListener(args.commandEvent, forward);
      },
      removeListener(_channel: string, listener: unknown): void {
        const forward = forwards.get(listener);
        if (forward !== undefined) page.removeEventListener(args.commandEvent, forward);
        forwards.delete(listener);
      },
    },
  };
}

/** The init script: the bundle as CommonJS, with a `require` that knows only 'electron'. */
export function preloadInitScript(bundle: string): string {
  const args: PageElectronArgs = { invokeBinding: INVOKE_BINDING, commandChannel: COMMAND_CHANNEL, commandEvent: COMMAND_EVENT };
  // Under tsx (the benchmarks) esbuild's keepNames wraps inner functions in
  // __name(...) calls, which the page lacks; Playwright's own transform does not.
  return `(() => {
  const __name = (f) => f;
  const electron = (${pageElectron.toString()})(${JSON.stringify(args)});
  const require = (id) => { if (id === 'electron') return electron; throw new Error('a sandboxed preload cannot require ' + id); };
  const module = { exports: {} };
  (function (exports, require, module) {
${bundle}
  })(module.exports, require, module);
})();`;
}

const OPERATION_OF_CHANNEL = new Map<string, InvokeOperation>(
  (Object.entries(INVOKE_CHANNELS) as [InvokeOperation, string][]).map(([operation, channel]) => [channel, operation]),
);

/**
 * Runs the real preload in every document of `page`, its invokes answered by
 * `handlers`. `calls` records operation names in call order (never payloads:
 * they hold secrets). Must run before page.goto.
 */
export async function installPreload(page: Page, handlers: Handlers, calls: InvokeOperation[]): Promise<void> {
  await page.exposeBinding(INVOKE_BINDING, (source, channel: unknown, payload: unknown) => {
    const operation = typeof channel === 'string' ? OPERATION_OF_CHANNEL.get(channel) : undefined;
    // Electron would find no handler for an unknown channel and reject the invoke.
    if (operation === undefined) throw new Error('No handler registered for this channel.');
    calls.push(operation);
    // What Electron's senderFrame tells main: the frame's URL and whether it is the top frame.
    const sender: SenderInfo = { webContentsId: 1, frameUrl: source.frame.url(), isMainFrame: source.frame.parentFrame() === null };
    const handler = handlers[operation] as (sender: SenderInfo, payload: unknown) => Promise<unknown>;
    return handler(sender, payload);
  });
  await page.addInitScript({ content: preloadInitScript(readFileSync(PRELOAD_BUNDLE, 'utf8')) });
}

/** What a native menu item does: main sends the command to the page. */
export async function sendCommand(page: Page, command: AppCommand): Promise<void> {
  await page.evaluate(({ name, detail }) => (globalThis as unknown as PageWindow).dispatchEvent(new CustomEvent(name, { detail })), { name: COMMAND_EVENT, detail: command });
}
