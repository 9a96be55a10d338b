/**
 * A server that accepts every request and never answers, with a fetch that
 * trusts it: what the cancel and Forget tests of the main-process handlers
 * need. Registers its own Vitest hooks for the enclosing describe block.
 */
import { afterAll, beforeAll } from 'vitest';
import { behaviours, startFaultServer, type FaultServer } from '../fault-servers';
import { createTestFetch, type TestFetch } from '../node-fetch';

export interface HangingServer {
  readonly server: FaultServer;
  readonly fetch: TestFetch;
  /** The issuer to test against. */
  readonly issuer: string;
  /** Waits (up to 2 s) until the server has received `count` requests in all. */
  untilRequests(count: number): Promise<void>;
}

export function useHangingServer(): HangingServer {
  let server: FaultServer | undefined;
  let fetch: TestFetch | undefined;
  beforeAll(async () => {
    server = await startFaultServer({ fallback: behaviours.hang() });
    fetch = createTestFetch(server.ca);
  });
  afterAll(async () => {
    await fetch?.close();
    await server?.close();
  });
  const started = (): { server: FaultServer; fetch: TestFetch } => {
    if (server === undefined || fetch === undefined) throw new Error('useHangingServer: used before its beforeAll ran');
    return { server, fetch };
  };
  return {
    get server() {
      return started().server;
    },
    get fetch() {
      return started().fetch;
    },
    get issuer() {
      return `${started().server.origin}/oauth2/default`;
    },
    async untilRequests(count) {
      const { server: s } = started();
      for (let i = 0; i < 200 && s.requestCount() < count; i += 1) await new Promise((r) => setTimeout(r, 10));
    },
  };
}
