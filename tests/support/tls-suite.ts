/**
 * The set-up every in-process suite against HTTPS servers of its own repeats: a
 * CA made for the run, a fetch that trusts only it, and servers closed after each
 * test. Registers the Vitest hooks itself (the CLI's counterpart is cli/cli-suite).
 */
import { afterAll, beforeAll } from 'vitest';
import { createTestFetch, type TestFetch } from './node-fetch';
import { closeAfterEach, setInBeforeAll, type Closable } from './suite-hooks';
import { createTestCa, type TestCa } from './test-ca';

export interface TlsSuite {
  readonly ca: TestCa;
  /** Trusts the suite's CA and nothing else. */
  readonly fetch: TestFetch;
  /** Closes what the promise gives after the current test. */
  track<T extends Closable>(thing: Promise<T>): Promise<T>;
}

export function useTlsSuite(): TlsSuite {
  let ca: TestCa | undefined;
  let fetch: TestFetch | undefined;

  beforeAll(async () => {
    ca = await createTestCa();
    fetch = createTestFetch(ca.cert);
  });
  const track = closeAfterEach();
  afterAll(async () => {
    await fetch?.close();
  });

  const ready = setInBeforeAll('useTlsSuite');
  return {
    get ca() {
      return ready(ca);
    },
    get fetch() {
      return ready(fetch);
    },
    track,
  };
}
