/**
 * Offline stand-ins for Electron's download: an ELECTRON_MIRROR on 127.0.0.1
 * that serves a stub "Electron" zip for this platform, arch and version (plus
 * its SHASUMS256.txt), and a throwaway copy of the project's electron package
 * (its own install.js, resolving @electron/get from the project), so the real
 * installer runs without touching the project's node_modules.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
const ELECTRON_PACKAGE = join(ROOT, 'node_modules', 'electron');

export const ELECTRON_VERSION = (JSON.parse(readFileSync(join(ELECTRON_PACKAGE, 'package.json'), 'utf8')) as { version: string }).version;
/** The executable's path in the zip, as electron's install.js names it. */
export const PLATFORM_PATH = process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : process.platform === 'win32' ? 'electron.exe' : 'electron';
export const ZIP_NAME = `electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`;

interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
  readonly mode: number;
}

/** A stored (uncompressed) zip whose entries carry Unix modes, so an extracted script stays executable. */
export function storedZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by: Unix, spec 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((0o100000 | entry.mode) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A stub Electron (POSIX shell) that writes its arguments, working directory and ELECTRON_RUN_AS_NODE to `record`. */
export function stubElectronZip(record: string): Buffer {
  const script = `#!/bin/sh\nprintf '%s\\n' "$*" "$PWD" "run-as-node=\${ELECTRON_RUN_AS_NODE:-unset}" > '${record}'\nexit 0\n`;
  return storedZip([
    { name: PLATFORM_PATH, data: Buffer.from(script), mode: 0o755 },
    { name: 'version', data: Buffer.from(ELECTRON_VERSION), mode: 0o644 },
  ]);
}

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

export interface Mirror {
  /** The ELECTRON_MIRROR value (ends with a slash; @electron/get appends v<version>/<file>). */
  readonly url: string;
  /** Every path requested, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/**
 * Serves `zip` as this platform's Electron and a SHASUMS256.txt (the zip's real
 * hash unless `checksum` is given) under /<folder>/, Electron's own layout by default.
 */
export async function startMirror(zip: Buffer, { checksum = sha256(zip), folder = `v${ELECTRON_VERSION}` } = {}): Promise<Mirror> {
  const files = new Map<string, Buffer>([
    [`/${folder}/${ZIP_NAME}`, zip],
    [`/${folder}/SHASUMS256.txt`, Buffer.from(`${checksum} *${ZIP_NAME}\n`)],
  ]);
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const body = files.get(path);
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A port nothing listens on: a mirror that cannot be reached. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Copies the files the electron package ships (never its dist/ or path.txt)
 * to `<dir>/node_modules/electron` and links its two download dependencies
 * from the project. Returns the copy's path.
 */
export function copyElectronPackage(dir: string): string {
  const target = join(dir, 'node_modules', 'electron');
  mkdirSync(target, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(ELECTRON_PACKAGE, 'package.json'), 'utf8')) as { files: string[] };
  for (const file of ['package.json', ...manifest.files]) copyFileSync(join(ELECTRON_PACKAGE, file), join(target, file));
  for (const scope of ['@electron', '@electron-internal']) {
    symlinkSync(join(ROOT, 'node_modules', scope), join(dir, 'node_modules', scope), 'junction');
  }
  return target;
}

/** Electron's download settings that a developer's shell may have set; the tests set their own. */
export function withoutElectronSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (/^(ELECTRON_|electron_|npm_config_electron_|npm_config_(platform|arch)$|force_no_cache$)/i.test(name)) continue;
    if (/^(https?_proxy|no_proxy|all_proxy)$/i.test(name)) continue;
    clean[name] = value;
  }
  return clean;
}
