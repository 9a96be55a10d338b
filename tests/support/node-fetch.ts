/**
 * A FetchLike for tests: undici's fetch over an Agent that trusts ONLY the test
 * CA it is given (not the system store), the way the CLI's --ca-file works.
 * Plus a counting wrapper, so a test can assert that no request was made at all.
 */
import { Agent, fetch as undiciFetch } from 'undici';
import type { FetchLike } from '../../core/okta/types';

export type TestFetch = FetchLike & {
  readonly dispatcher: Agent;
  /** Closes the agent's pooled connections. */
  close(): Promise<void>;
};

type UndiciInit = NonNullable<Parameters<typeof undiciFetch>[1]>;

export function createTestFetch(caPem: string, options: { connectTimeoutMs?: number } = {}): TestFetch {
  const dispatcher = new Agent({ connect: { ca: caPem, timeout: options.connectTimeoutMs ?? 10_000 } });
  const fetchLike = async (url: string, init: RequestInit): Promise<Response> => {
    // undici's own types differ from the global (undici-types) ones only nominally.
    const response = await undiciFetch(url, { ...(init as unknown as UndiciInit), dispatcher });
    return response as unknown as Response;
  };
  return Object.assign(fetchLike, { dispatcher, close: () => dispatcher.close() });
}

export interface RecordedCall {
  readonly url: string;
  readonly init: RequestInit;
}

export type CountingFetch = FetchLike & { readonly calls: readonly RecordedCall[] };

/** Records every call (URL and init) and forwards to `inner`; with no inner, every call fails loudly. */
export function countingFetch(inner?: FetchLike): CountingFetch {
  const calls: RecordedCall[] = [];
  const fetchLike = (url: string, init: RequestInit): Promise<Response> => {
    calls.push({ url, init });
    return inner ? inner(url, init) : Promise.reject(new Error('countingFetch: no network in this test'));
  };
  return Object.assign(fetchLike, { calls });
}
