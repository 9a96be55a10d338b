// Pure encoders for the icon containers electron-builder consumes, so the checked-in
// .ico/.icns do not depend on a converter being present on the build machine.
import { inflateSync } from 'node:zlib';

export interface RgbaImage {
  width: number;
  height: number;
  /** Straight (not premultiplied) RGBA, rows top to bottom. */
  pixels: Uint8Array;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngSize(png: Uint8Array): { width: number; height: number } {
  const buf = Buffer.from(png);
  if (!buf.subarray(0, 8).equals(PNG_SIGNATURE) || buf.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes the 8-bit, non-interlaced RGB/RGBA PNGs Chromium's screenshots produce. */
export function decodePng(png: Uint8Array): RgbaImage {
  const buf = Buffer.from(png);
  const { width, height } = pngSize(buf);
  const bitDepth = buf[24];
  const colorType = buf[25];
  const interlace = buf[28];
  if (bitDepth !== 8 || (colorType !== 6 && colorType !== 2) || interlace !== 0) {
    throw new Error(`unsupported PNG layout (depth ${String(bitDepth)}, colour type ${String(colorType)}, interlace ${String(interlace)})`);
  }
  const channels = colorType === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let offset = 8; offset < buf.length;) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('latin1', offset + 4, offset + 8);
    if (type === 'IDAT') idat.push(buf.subarray(offset + 8, offset + 8 + length));
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? out[y * stride + x - channels] ?? 0 : 0;
      const up = y > 0 ? out[(y - 1) * stride + x] ?? 0 : 0;
      const upLeft = y > 0 && x >= channels ? out[(y - 1) * stride + x - channels] ?? 0 : 0;
      const predictor = filter === 0 ? 0 : filter === 1 ? left : filter === 2 ? up
        : filter === 3 ? (left + up) >> 1 : paeth(left, up, upLeft);
      out[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  if (channels === 4) return { width, height, pixels: out };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba.set(out.subarray(i * 3, i * 3 + 3), i * 4);
    rgba[i * 4 + 3] = 255;
  }
  return { width, height, pixels: rgba };
}

/** A 32-bit DIB as stored inside .ico: bottom-up BGRA plus the 1-bit AND mask. */
function icoBitmap(image: RgbaImage): Buffer {
  const { width, height, pixels } = image;
  const maskStride = Math.ceil(width / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(width, 4);
  header.writeInt32LE(height * 2, 8); // XOR image + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(width * height * 4 + maskStride * height, 20);
  const colour = Buffer.alloc(width * height * 4);
  const mask = Buffer.alloc(maskStride * height);
  for (let y = 0; y < height; y++) {
    const row = height - 1 - y;
    for (let x = 0; x < width; x++) {
      const src = (y * width + x) * 4;
      const dst = (row * width + x) * 4;
      colour[dst] = pixels[src + 2] ?? 0;
      colour[dst + 1] = pixels[src + 1] ?? 0;
      colour[dst + 2] = pixels[src] ?? 0;
      colour[dst + 3] = pixels[src + 3] ?? 0;
      if ((pixels[src + 3] ?? 0) === 0) {
        const byte = row * maskStride + (x >> 3);
        mask[byte] = (mask[byte] ?? 0) | (0x80 >> (x & 7));
      }
    }
  }
  return Buffer.concat([header, colour, mask]);
}

export interface IcoEntry {
  size: number;
  png: Uint8Array;
}

/**
 * Windows .ico: 256 px stored as PNG (Vista+), smaller sizes as 32-bit bitmaps,
 * which every consumer (Explorer, rcedit, NSIS) reads.
 */
export function encodeIco(entries: readonly IcoEntry[]): Buffer {
  const images = entries.map(({ size, png }) => {
    const { width, height } = pngSize(png);
    if (width !== size || height !== size || size > 256) throw new Error(`bad ico entry ${String(size)}`);
    return { size, data: size === 256 ? Buffer.from(png) : icoBitmap(decodePng(png)) };
  });
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size % 256, at); // 0 means 256
    header.writeUInt8(size % 256, at + 1);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

/** ICNS element types that hold PNG data, with their pixel size (macOS 10.7+). */
export const ICNS_TYPES = {
  icp4: 16, icp5: 32, ic11: 32, ic12: 64, ic07: 128,
  ic13: 256, ic08: 256, ic14: 512, ic09: 512, ic10: 1024,
} as const satisfies Record<string, number>;

export type IcnsType = keyof typeof ICNS_TYPES;

export function encodeIcns(entries: readonly { type: IcnsType; png: Uint8Array }[]): Buffer {
  const chunks = entries.map(({ type, png }) => {
    const { width } = pngSize(png);
    if (width !== ICNS_TYPES[type]) throw new Error(`${type} needs ${String(ICNS_TYPES[type])} px, got ${String(width)}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, Buffer.from(png)]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}
