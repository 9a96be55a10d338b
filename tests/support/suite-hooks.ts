/**
 * The two pieces every `use…Suite()` helper repeats: servers closed after each
 * test, and values set in beforeAll read only once it has run.
 */
import { afterEach } from 'vitest';

export interface Closable {
  close(): Promise<void>;
}

/** Registers an afterEach that closes whatever the returned `track` was given during the test. */
export function closeAfterEach(): <T extends Closable>(thing: Promise<T>) => Promise<T> {
  const open: Closable[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((thing) => thing.close()));
  });
  return async (thing) => {
    const value = await thing;
    open.push(value);
    return value;
  };
}

/** A guard for values a beforeAll sets: a clear error, not `undefined`, when read too early. */
export function setInBeforeAll(who: string): <T>(value: T | undefined) => T {
  return (value) => {
    if (value === undefined) throw new Error(`${who}: used before its beforeAll ran`);
    return value;
  };
}
