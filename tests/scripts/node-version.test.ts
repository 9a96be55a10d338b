/**
 * The Node.js versions the README and package.json state: `npm start` needs
 * what Electron's download tooling declares; the gate compares versions right.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { olderThan, START_NODE } from '../../scripts/node-version.mjs';
import { ROOT } from './support/electron-mirror';

const engines = (pkg: string): string => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { engines?: { node?: string } };
  return manifest.engines?.node ?? '';
};

describe('scripts/node-version.mjs', () => {
  it('compares versions part by part', () => {
    expect(olderThan('20.20.2', '22.12.0')).toBe(true);
    expect(olderThan('22.11.9', '22.12.0')).toBe(true);
    expect(olderThan('v22.9.0', '22.12.0')).toBe(true);
    expect(olderThan('22.12.0', '22.12.0')).toBe(false);
    expect(olderThan('22.12.1', '22.12.0')).toBe(false);
    expect(olderThan('24.0.0-pre', '22.12.0')).toBe(false);
    expect(olderThan('100.0.0', '22.12.0')).toBe(false);
  });

  it('asks for the Node that Electron and its download tooling declare', () => {
    for (const pkg of ['electron', '@electron/get', '@electron-internal/extract-zip']) {
      expect(engines(pkg).replace(/\s/g, '')).toBe(`>=${START_NODE}`);
    }
  });
});
