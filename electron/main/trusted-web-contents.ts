/**
 * The set of webContents ids that may talk to main (GitHub Desktop's
 * trusted-ipc-sender pattern): an id is added when the app creates its window
 * and removed when that webContents is destroyed, so a recycled id is never trusted.
 */
export interface TrustableContents {
  readonly id: number;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface TrustedWebContents {
  trust(contents: TrustableContents): void;
  has(id: number): boolean;
}

export function createTrustedWebContents(): TrustedWebContents {
  const ids = new Set<number>();
  return {
    trust(contents) {
      const { id } = contents;
      ids.add(id);
      contents.once('destroyed', () => ids.delete(id));
    },
    has: (id) => ids.has(id),
  };
}
