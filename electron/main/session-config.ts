/**
 * Names shared by the session glue and the window: the app's one partition.
 * No `persist:` prefix, so Chromium keeps cookies, cache and storage in memory
 * only (`session.fromPartition` docs; `getStoragePath()` is null for it).
 */
export const APP_PARTITION = 'basic-header';

/** Options for session.fromPartition: in memory and without even an in-memory HTTP cache. */
export const APP_SESSION_OPTIONS = { cache: false } as const;

export function isPersistentPartition(partition: string): boolean {
  return partition.startsWith('persist:');
}
