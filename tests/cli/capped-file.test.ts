/**
 * The one way the CLI reads a file it is pointed at: capped as it reads, never
 * by what stat says. Devices and pipes are real ones here (/dev/zero, FIFOs fed
 * by child processes), so "stops at the cap" is shown, not assumed: a reader
 * that went on to the end of the file would not return on any of them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCappedFile, sizeLabel, type FileCap } from '../../cli/capped-file';

const CAP: FileCap = { label: '--thing', maxBytes: 64 * 1024, reason: 'a thing is small' };
/** Generous: a capped read returns at once; only a broken one would get near this. */
const NO_HANG_MS = 30_000;

let dir: string;
const writers: ChildProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'basic-header-capped-'));
});

afterEach(() => {
  // Only the writers this file started, by their own handle.
  for (const w of writers.splice(0)) w.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function fifo(name: string): string {
  const path = join(dir, name);
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${String(made.stderr)}`);
  return path;
}

/** A writer into the FIFO; `script` runs with the FIFO as its stdout and never closes it on its own. */
function feed(path: string, script: string): void {
  writers.push(spawn('sh', ['-c', `{ ${script}; } > "$0"`, path], { stdio: 'ignore' }));
}

describe('readCappedFile', () => {
  it('reads a regular file up to the cap, exactly at it included', async () => {
    const path = join(dir, 'at-cap');
    writeFileSync(path, 'k'.repeat(CAP.maxBytes));
    const read = await readCappedFile(path, CAP);
    expect(read.ok && read.value.length).toBe(CAP.maxBytes);
  });

  it('refuses one byte over the cap, in one line naming the file and the cap', async () => {
    const path = join(dir, 'over-cap');
    writeFileSync(path, 'k'.repeat(CAP.maxBytes + 1));
    expect(await readCappedFile(path, CAP)).toEqual({ ok: false, code: 'too-large', message: `--thing ${path} is larger than 64 KiB; a thing is small.` });
  });

  it('/dev/zero, whose stat size is 0, is refused once the cap is passed', async () => {
    // Why stat cannot decide: the device says it is empty (the old key-file check passed it).
    expect(statSync('/dev/zero').size).toBe(0);
    // Returning at all is the proof: an uncapped read of /dev/zero never ends.
    const read = await readCappedFile('/dev/zero', CAP);
    expect(read).toMatchObject({ ok: false, code: 'too-large' });
  }, NO_HANG_MS);

  it('an endless FIFO (yes) is refused once the cap is passed', async () => {
    const path = fifo('endless');
    feed(path, 'exec yes');
    expect(await readCappedFile(path, CAP)).toMatchObject({ ok: false, code: 'too-large', message: expect.stringContaining('larger than 64 KiB') });
  }, NO_HANG_MS);

  it('stops at cap + 1 bytes without waiting for the end: a FIFO that is never closed', async () => {
    const capped = fifo('capped');
    const uncapped = fifo('uncapped');
    // cap + 1 bytes, then the writer holds the pipe open: no end of file until it is killed.
    const script = `head -c ${CAP.maxBytes + 1} /dev/zero; exec sleep 3600`;
    feed(capped, script);
    feed(uncapped, script);
    // Positive control: a read to the end of the file (what readFileSync did) on the same input is still waiting.
    let uncappedDone = false;
    const control = readFile(uncapped).then((bytes) => {
      uncappedDone = true;
      return bytes.length;
    });
    expect(await readCappedFile(capped, CAP)).toMatchObject({ ok: false, code: 'too-large' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(uncappedDone).toBe(false);
    // Ending the writers is what lets the uncapped read finish, with everything written.
    for (const w of writers.splice(0)) w.kill('SIGKILL');
    expect(await control).toBe(CAP.maxBytes + 1);
  }, NO_HANG_MS);

  it('a FIFO that ends under the cap is read whole: pipes are welcome, only their size is capped', async () => {
    const path = fifo('short');
    feed(path, 'printf "%s" "-----BEGIN PRIVATE KEY-----"');
    const read = await readCappedFile(path, CAP);
    expect(read.ok && read.value.toString('utf8')).toBe('-----BEGIN PRIVATE KEY-----');
  }, NO_HANG_MS);

  it('names what went wrong when the file cannot be read', async () => {
    expect(await readCappedFile(join(dir, 'missing'), CAP)).toEqual({ ok: false, code: 'unreadable', message: `cannot read --thing ${join(dir, 'missing')}: no such file.` });
    expect(await readCappedFile(dir, CAP)).toEqual({ ok: false, code: 'unreadable', message: `cannot read --thing ${dir}: it is a folder.` });
    // A secret pasted where the path belongs (no folder, no dot) is not repeated into a CI log (contract audit, 2026-12-02).
    const pasted = 'test-secret-0123456789_abcdefghijklmnopqrstuvwxyzABCDEF';
    const refused = await readCappedFile(pasted, CAP);
    expect(refused).toMatchObject({ ok: false, code: 'unreadable', message: expect.stringContaining('(not shown: without a folder or a dot it may be a credential') });
    expect(JSON.stringify(refused)).not.toContain(pasted.slice(0, 16));
  });

  it('sizeLabel says the caps as people write them', () => {
    expect(sizeLabel(64 * 1024)).toBe('64 KiB');
    expect(sizeLabel(1024 * 1024)).toBe('1 MiB');
  });
});
