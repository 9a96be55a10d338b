/**
 * Where the built pieces live relative to the app root (the project folder
 * when unpackaged, the asar root when packaged): `npm run build` output.
 */
import path from 'node:path';

export function builtPaths(appPath: string): { readonly preload: string; readonly renderer: string } {
  return {
    preload: path.join(appPath, 'dist', 'preload', 'preload.cjs'),
    renderer: path.join(appPath, 'dist', 'renderer'),
  };
}
