// The checked-in icon set (rendered by scripts/make-icons.ts) is complete and well-formed:
// the containers are parsed here byte by byte, independently of the encoders.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePng } from '../../scripts/icon-formats';
import { repoRoot } from './stub-electron-build';

const build = join(repoRoot, 'build');
const read = (...parts: string[]): Buffer => readFileSync(join(build, ...parts));

function pngInfo(png: Buffer): { width: number; height: number; colourType: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25] ?? -1 };
}

describe('icon set', () => {
  it('has a square SVG source on the 1024 grid', () => {
    const svg = read('icon.svg').toString('utf8');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 1024 1024"/);
  });

  it('has a 1024 px RGBA PNG', () => {
    expect(pngInfo(read('icon.png'))).toEqual({ width: 1024, height: 1024, colourType: 6 });
  });

  it.each([16, 24, 32, 48, 64, 128, 256, 512])('has the %i px Linux icon', (size) => {
    expect(pngInfo(read('icons', `${String(size)}x${String(size)}.png`))).toEqual({ width: size, height: size, colourType: 6 });
  });

  it('has a Windows .ico with bitmaps up to 128 px and a PNG at 256 px', () => {
    const ico = read('icon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const entries = Array.from({ length: count }, (_, i) => {
      const at = 6 + 16 * i;
      const size = ico[at] === 0 ? 256 : ico[at] ?? -1;
      const length = ico.readUInt32LE(at + 8);
      const offset = ico.readUInt32LE(at + 12);
      expect(ico[at + 1]).toBe(ico[at]);
      expect(ico.readUInt16LE(at + 6)).toBe(32);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      return { size, data: ico.subarray(offset, offset + length) };
    });
    expect(entries.map((e) => e.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const { size, data } of entries) {
      if (size === 256) {
        expect(pngInfo(data)).toMatchObject({ width: 256, height: 256 });
        continue;
      }
      // BITMAPINFOHEADER: 40 bytes, height doubled for the AND mask, 32 bpp, uncompressed.
      expect([data.readUInt32LE(0), data.readInt32LE(4), data.readInt32LE(8), data.readUInt16LE(14), data.readUInt32LE(16)])
        .toEqual([40, size, size * 2, 32, 0]);
      expect(data.length).toBe(40 + size * size * 4 + Math.ceil(size / 32) * 4 * size);
    }
  });

  it('stores the .ico bitmaps upright in BGRA (same pixels as the Linux PNG of that size)', () => {
    const ico = read('icon.ico');
    const size = 32;
    const at = 6 + 16 * 2; // third entry: 32 px
    const bitmap = ico.subarray(ico.readUInt32LE(at + 12) + 40);
    const png = decodePng(read('icons', '32x32.png'));
    let worst = 0;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const b = ((size - 1 - y) * size + x) * 4; // bottom-up rows
        const p = (y * size + x) * 4;
        const bgra = [bitmap[b + 2], bitmap[b + 1], bitmap[b], bitmap[b + 3]];
        const rgba = [png.pixels[p], png.pixels[p + 1], png.pixels[p + 2], png.pixels[p + 3]];
        bgra.forEach((v, i) => { worst = Math.max(worst, Math.abs((v ?? 0) - (rgba[i] ?? 0))); });
      }
    }
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('has a macOS .icns with PNG elements from 16 to 1024 px', () => {
    const icns = read('icon.icns');
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const expected: Record<string, number> = {
      icp4: 16, icp5: 32, ic11: 32, ic12: 64, ic07: 128, ic13: 256, ic08: 256, ic14: 512, ic09: 512, ic10: 1024,
    };
    const seen: Record<string, number> = {};
    for (let at = 8; at < icns.length;) {
      const type = icns.toString('latin1', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      expect(length).toBeGreaterThan(8);
      seen[type] = pngInfo(icns.subarray(at + 8, at + length)).width;
      at += length;
    }
    expect(seen).toEqual(expected);
  });
});
