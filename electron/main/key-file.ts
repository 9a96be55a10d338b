/**
 * Reads the key file the user chose in the OS dialog: main reads it itself, so
 * the key never passes through the page. The size is checked on the open file
 * before a byte is read (a huge or special file is refused, not slurped), and
 * messages name the problem, never the contents.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../core/shared/result';
import { LIMITS } from '../shared/limits';

export type KeyFileError = 'file-unreadable' | 'file-too-large';

export interface KeyFileText {
  readonly text: string;
  /** Base name only: the folder is nobody's business on the page. */
  readonly fileName: string;
}

export async function readKeyFile(filePath: string, maxBytes: number = LIMITS.keyFileBytes): Promise<Result<KeyFileText, KeyFileError>> {
  const fileName = path.basename(filePath);
  let handle;
  try {
    handle = await open(filePath, 'r');
  } catch {
    return fail('file-unreadable', 'The key file could not be opened. Check that it exists and that you may read it.');
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return fail('file-unreadable', 'That is not a regular file. Choose the private key file itself.');
    if (stat.size > maxBytes) {
      return fail('file-too-large', `The file is larger than ${Math.round(maxBytes / 1024)} KiB; a private key file is a few KiB. Choose the key file itself.`);
    }
    // One byte more than allowed: a file that grew since stat is still caught.
    const buffer = Buffer.alloc(maxBytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > maxBytes) {
      buffer.fill(0);
      return fail('file-too-large', `The file is larger than ${Math.round(maxBytes / 1024)} KiB; a private key file is a few KiB. Choose the key file itself.`);
    }
    const text = buffer.toString('utf8', 0, bytesRead);
    // The bytes are key material: zero them rather than wait for the collector.
    buffer.fill(0);
    return ok({ text, fileName });
  } catch {
    return fail('file-unreadable', 'The key file could not be read.');
  } finally {
    await handle.close().catch(() => undefined);
  }
}
