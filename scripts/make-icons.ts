// Renders build/icon.svg into every icon electron-builder needs, with Chromium as the
// rasteriser: build/icon.png (1024), build/icon.icns (macOS), build/icon.ico (Windows)
// and build/icons/<n>x<n>.png (Linux). Run: npx tsx scripts/make-icons.ts
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { encodeIcns, encodeIco, ICNS_TYPES, type IcnsType } from './icon-formats';

const buildDir = join(import.meta.dirname, '..', 'build');
const source = readFileSync(join(buildDir, 'icon.svg'), 'utf8');

// macOS draws the tile on its 824 px grid inside a transparent 1024 canvas; Windows
// and Linux show icons edge to edge, so those crop to the tile and stay legible at 16 px.
const MAC_VIEWBOX = '0 0 1024 1024';
const TILE_VIEWBOX = '100 100 824 824';
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

function svgAt(viewBox: string): string {
  return source
    .replace(/viewBox="[^"]*"/, `viewBox="${viewBox}"`)
    .replace(/ width="\d+" height="\d+"/, ' width="100%" height="100%" style="display:block"');
}

const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const render = async (viewBox: string, size: number): Promise<Buffer> => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">
      <div style="width:${String(size)}px;height:${String(size)}px">${svgAt(viewBox)}</div></body></html>`);
    return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  };

  writeFileSync(join(buildDir, 'icon.png'), await render(MAC_VIEWBOX, 1024));

  const icns: { type: IcnsType; png: Buffer }[] = [];
  for (const type of Object.keys(ICNS_TYPES) as IcnsType[]) {
    icns.push({ type, png: await render(MAC_VIEWBOX, ICNS_TYPES[type]) });
  }
  writeFileSync(join(buildDir, 'icon.icns'), encodeIcns(icns));

  const ico: { size: number; png: Buffer }[] = [];
  for (const size of ICO_SIZES) ico.push({ size, png: await render(TILE_VIEWBOX, size) });
  writeFileSync(join(buildDir, 'icon.ico'), encodeIco(ico));

  mkdirSync(join(buildDir, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) {
    writeFileSync(join(buildDir, 'icons', `${String(size)}x${String(size)}.png`), await render(TILE_VIEWBOX, size));
  }
} finally {
  await browser.close();
}
