/**
 * The Node half of the long day (bench/long-day.ts), run as its own process
 * (`node --expose-gc --import tsx`) so the heap it measures holds only this loop:
 * the main process's IPC handlers and core, against the auth server the parent
 * runs (its origin and CA arrive as JSON on stdin). Prints one JSON line.
 */
import { buildBasicCredentials, diagnoseHeader } from '../core/encoding';
import { createHandlers } from '../electron/main/ipc-handlers';
import { APP_ORIGIN, APP_START_URL } from '../electron/shared/app-origin';
import { DEFAULT_CLIENT } from '../tests/support/auth-server';
import { MemoryClipboard } from '../tests/support/electron/memory-clipboard';
import { createTestFetch } from '../tests/support/node-fetch';
import type { NodeLongDay, NodeLongDayConfig } from './long-day';

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

async function main(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  const config = JSON.parse(await readStdin()) as NodeLongDayConfig;
  const fetch = createTestFetch(config.ca);
  const handlers = createHandlers({ clipboard: new MemoryClipboard(), fetch, isTrustedWebContents: () => true, trustedOrigin: APP_ORIGIN, clipboardClearMs: 60_000 });
  const sender = { webContentsId: 1, frameUrl: APP_START_URL, isMainFrame: true };
  const input = {
    target: config.origin, authServer: { kind: 'default' as const }, clientId: DEFAULT_CLIENT.clientId, clientSecret: DEFAULT_CLIENT.clientSecret,
    scopes: ['api:read'], authMethod: 'client_secret_basic' as const, formEncode: false, timeoutMs: 10_000,
  };
  let outcomes: Record<string, number> = {};
  let seq = 0;
  const test = async (): Promise<void> => {
    seq += 1;
    const reply = await handlers.testCredentials(sender, { requestId: `day-${seq}`, ...input });
    const outcome = reply.ok ? reply.value.outcome : `refused:${reply.code}`;
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  };
  const keystrokes = (n: number): void => {
    // What each keystroke runs in the renderer: the encoder (and, now and then, the header check).
    for (let i = 0; i < n; i += 1) {
      const out = buildBasicCredentials({ clientId: input.clientId, clientSecret: `${input.clientSecret.slice(0, -1)}${i % 2 === 0 ? 'a' : 'b'}`, formEncode: false });
      if (out.header !== null && i % 10 === 0) diagnoseHeader(out.header);
    }
  };
  const forget = async (): Promise<void> => {
    await handlers.copyText(sender, { text: 'Authorization: Basic MG9hMTpzZWNyZXQ=', purpose: 'header' });
    await handlers.forget(sender, { reason: 'user' });
  };
  // Collect, let finalisers and timers that free memory run (undici releases bodies through a
  // FinalizationRegistry), collect again: what is left is what the process still holds.
  const heap = async (): Promise<number> => {
    for (let i = 0; i < 3; i += 1) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    gc();
    return process.memoryUsage().heapUsed;
  };

  try {
    await test();
    keystrokes(20);
    await forget();
    outcomes = {};
    const startHeapBytes = await heap();
    const started = performance.now();
    for (let i = 0; i < config.counts.tokenTests; i += 1) await test();
    keystrokes(config.counts.keystrokes);
    for (let i = 0; i < config.counts.forgets; i += 1) await forget();
    const ms = performance.now() - started;
    const endHeapBytes = await heap();
    const result: NodeLongDay = { startHeapBytes, endHeapBytes, outcomes, ms };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await handlers.dispose();
    await fetch.close();
  }
}

main().catch((error: unknown) => {
  console.error(`long-day-node: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
