/**
 * Reads a file the command line was pointed at (--ca-file, --private-key FILE,
 * NODE_EXTRA_CA_CERTS) with a byte cap: one open, then reads until the end of
 * the file or one byte past the cap, whichever comes first. What stat says of
 * the size is not trusted (/dev/zero reports 0, a FIFO or a <(…) pipe has
 * none, a file may grow after the stat), so a device or an endless stream is
 * refused after cap + 1 bytes instead of filling memory. Opened once and read
 * from that one handle: nothing is checked on one file and read from another.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { fail, ok, type Result } from '../core/shared/result';

export type CappedReadError = 'unreadable' | 'too-large';

export interface FileCap {
  /** How messages name the file: the option or variable it came from, e.g. "--ca-file". */
  readonly label: string;
  readonly maxBytes: number;
  /** Why the cap is plenty, said after it, e.g. "a private key file is a few KiB". */
  readonly reason: string;
}

/** 65536 → "64 KiB", 1048576 → "1 MiB": the caps are whole KiB. */
export function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

function unreadable(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return `it cannot be read${code === '' ? '' : ` (${code})`}`;
}

/**
 * The path as typed, when it looks like one (a folder separator or a dot); else not shown. A secret pasted where a
 * path belongs has neither (Okta's secrets are letters, digits, `-` and `_`), and a CI log would keep it.
 */
function shownPath(path: string): string {
  return /[/\\.]/.test(path) && path.length <= 400 ? path : '(not shown: without a folder or a dot it may be a credential, not a path)';
}

/**
 * The file's bytes, at most `cap.maxBytes` of them. A refusal is one line that
 * names the file and, when too large, the cap. The bytes read past a refused
 * cap are zeroed (they may be key material).
 */
export async function readCappedFile(path: string, cap: FileCap): Promise<Result<Buffer, CappedReadError>> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return fail('unreadable', `cannot read ${cap.label} ${shownPath(path)}: ${unreadable(error)}.`);
  }
  // One byte more than allowed: reaching it is the proof the file is too large, whatever stat said.
  const buffer = Buffer.alloc(cap.maxBytes + 1);
  let filled = 0;
  try {
    while (filled < buffer.length) {
      // Position null: the handle's own position, the only one a pipe or a device has.
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
  } catch (error) {
    buffer.fill(0);
    return fail('unreadable', `cannot read ${cap.label} ${shownPath(path)}: ${unreadable(error)}.`);
  } finally {
    await handle.close().catch(() => undefined);
  }
  if (filled > cap.maxBytes) {
    buffer.fill(0);
    return fail('too-large', `${cap.label} ${path} is larger than ${sizeLabel(cap.maxBytes)}; ${cap.reason}.`);
  }
  return ok(buffer.subarray(0, filled));
}
