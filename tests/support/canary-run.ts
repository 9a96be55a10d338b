/**
 * Pieces shared by the two canary specs (Chromium: tests/renderer/canary.spec.ts,
 * Electron: tests/electron-app/canary.spec.ts): fresh canaries, capture of this
 * process's own output, a loopback control page for the positive control, and
 * the split of scan hits into the run's canaries and the control canary.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ExtraCanary, ScanHit, TreeScan } from './canary-scanner';

export const randomHex = (bytes: number): string => randomBytes(bytes).toString('hex');

export interface CanaryCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** `cid` + 32 hex and `sec` + 48 hex: encodings of these are predictable and unique to the run. */
export function randomCanary(): CanaryCredentials {
  return { clientId: `cid${randomHex(16)}`, clientSecret: `sec${randomHex(24)}` };
}

/**
 * A secret with every character that changes under URL and form encoding
 * (`+/=:%&` and a space), each followed by random hex, so every 16-character
 * fragment of every form still holds random characters.
 */
export function urlChangingCanary(): CanaryCredentials {
  const specials = ['+', '/', '=', ':', '%', '&', ' '].map((c) => `${c}${randomHex(3)}`).join('');
  return { clientId: `cid${randomHex(16)}`, clientSecret: `sec${randomHex(6)}${specials}` };
}

/**
 * An access token as canaries: the whole token in every form, and its signature
 * (unique to this token) down to fragments. The JWT header is the same in every
 * token from the server, so fragments of the whole token could match another JWT.
 */
export function tokenCanaries(token: string): ExtraCanary[] {
  const signature = token.split('.')[2] ?? '';
  return [
    { label: 'access token', value: token, fragments: false },
    ...(signature.length >= 16 ? [{ label: 'access token signature', value: signature }] : []),
  ];
}

/** What one canary run found: the profile tree, hits on disk and in output, and the positive control's. */
export interface CanaryRunResult {
  readonly tree: TreeScan;
  readonly diskHits: readonly ScanHit[];
  readonly outputHits: readonly ScanHit[];
  readonly controlDiskHits: readonly ScanHit[];
  readonly controlOutputHits: readonly ScanHit[];
  /** The control file (relative to the scanned root where the run says so). */
  readonly controlFile: string;
}

/** Label of the positive-control needles; the run's own needles never start with it. */
export const CONTROL_LABEL = 'control canary';

export function controlCanary(): string {
  return `ctl${randomHex(20)}`;
}

export function splitControlHits(hits: readonly ScanHit[]): { readonly canary: ScanHit[]; readonly control: ScanHit[] } {
  const isControl = (hit: ScanHit): boolean => hit.needle.startsWith(CONTROL_LABEL);
  return { canary: hits.filter((h) => !isControl(h)), control: hits.filter(isControl) };
}

/** A run's result from its tree scan and the hits on disk and in output, control hits set apart. */
export function canaryRunResult(tree: TreeScan, diskHits: readonly ScanHit[], outputHits: readonly ScanHit[], controlFile: string): CanaryRunResult {
  const disk = splitControlHits(diskHits);
  const output = splitControlHits(outputHits);
  return {
    tree,
    diskHits: disk.canary,
    outputHits: output.canary,
    controlDiskHits: disk.control,
    controlOutputHits: output.control,
    controlFile,
  };
}

/** Records this process's own stdout/stderr writes (still passed through) until stopped. */
export function captureOwnOutput(): { stop(): Buffer } {
  const chunks: Buffer[] = [];
  const streams = [process.stdout, process.stderr];
  // Kept as they were (unbound), so stop() puts back the very same functions.
  const originals = streams.map((stream) => stream.write);
  streams.forEach((stream, i) => {
    const original = originals[i];
    if (original === undefined) return;
    const patched = (chunk: unknown, ...rest: unknown[]): boolean => {
      if (typeof chunk === 'string' || chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
      return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
    };
    stream.write = patched as typeof stream.write;
  });
  let stopped: Buffer | null = null;
  return {
    stop: () => {
      if (stopped !== null) return stopped;
      streams.forEach((stream, i) => {
        const original = originals[i];
        if (original !== undefined) stream.write = original;
      });
      stopped = Buffer.concat(chunks);
      return stopped;
    },
  };
}

/** A loopback origin with an empty page: the positive control writes its localStorage there. */
export async function startControlServer(): Promise<{ readonly url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Control</title></head><body>control</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/control.html`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A list of undo steps that run after each test, last first, even when the test
 * timed out; one failing step does not stop the rest.
 */
export function cleanupAfterEach(test: { afterEach(fn: () => Promise<void>): void }): (() => Promise<void> | void)[] {
  const cleanups: (() => Promise<void> | void)[] = [];
  test.afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch {
        // Keep cleaning up the rest.
      }
    }
  });
  return cleanups;
}
