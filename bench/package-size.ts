/**
 * Package: the size of app.asar from a real electron-builder `--dir` build
 * against the stub Electron (the packaging suite's helper), in a scratch folder.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asarFiles, buildWithStubElectron, repoRoot } from '../tests/packaging/stub-electron-build';
import { makeFigure, type Figure } from './figure';

/** Issue 7: 1 MB, decimal (the packaging suite's budget too). */
export const ASAR_BUDGET_BYTES = 1_000_000;

export async function packageSizeFigure(): Promise<Figure> {
  const outputDir = mkdtempSync(path.join(tmpdir(), 'basic-header-bench-pack-'));
  try {
    const build = await buildWithStubElectron({ projectDir: repoRoot, outputDir });
    const bytes = statSync(build.asarPath).size;
    const files = asarFiles(build.asarPath);
    return makeFigure({
      id: 'package',
      label: 'package (app.asar)',
      unit: 'bytes',
      measured: bytes,
      baseline: null,
      baselineLabel: null,
      target: { kind: 'max', value: ASAR_BUDGET_BYTES },
      detail: `${files.length} files, electron-builder --dir --linux with a stub Electron`,
      data: { bytes, files },
    });
  } finally {
    rmSync(outputDir, { recursive: true, force: true });
  }
}
