/**
 * The set-up every in-process suite against HTTPS servers of its own repeats: a
 * CA made for the run, a fetch that trusts only it, and servers closed after each
 * test. Registers the Vitest hooks itself (the CLI's counterpart is cli/cli-suite).
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createTestFetch, type TestFetch } from './node-fetch';
import { createTestCa, type TestCa } from './test-ca';

export interface TlsSuite {
  readonly ca: TestCa;
  /** Trusts the suite's CA and nothing else. */
  readonly fetch: TestFetch;
  /** Closes what the promise gives after the current test. */
  track<T extends { close(): Promise<void> }>(thing: Promise<T>): Promise<T>;
}

export function useTlsSuite(): TlsSuite {
  let ca: TestCa | undefined;
  let fetch: TestFetch | undefined;
  const open: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    ca = await createTestCa();
    fetch = createTestFetch(ca.cert);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((thing) => thing.close()));
  });
  afterAll(async () => {
    await fetch?.close();
  });

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useTlsSuite: used before its beforeAll ran');
    return value;
  };
  return {
    get ca() {
      return ready(ca);
    },
    get fetch() {
      return ready(fetch);
    },
    async track(thing) {
      const value = await thing;
      open.push(value);
      return value;
    },
  };
}
