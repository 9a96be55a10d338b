import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

// One config, one build per runtime: `vite build` (renderer), `--mode main`,
// `--mode preload`, `--mode cli`. Main, preload and CLI are bundled to single
// CommonJS files: a sandboxed preload cannot load ESM or relative imports, and
// one file per process keeps the packaged app free of node_modules.
const root = import.meta.dirname;
const nodeExternals = [/^node:/, ...builtinModules];

function nodeBundle(entry: string, outDir: string, fileName: string, external: (string | RegExp)[], splitLazyImports = false): UserConfig {
  return {
    root,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      lib: { entry: resolve(root, entry), formats: ['cjs'], fileName: () => fileName },
      rollupOptions: {
        external,
        // The CLI keeps lazily imported code (token test: jose, undici) in its own
        // chunks so `encode` starts fast; Electron's bundles stay single files.
        // The CLI's entry is its package's `bin`: without a shebang a shell would run it.
        output: splitLazyImports
          ? { chunkFileNames: 'chunks/[name]-[hash].cjs', banner: (chunk) => (chunk.isEntry ? '#!/usr/bin/env node' : ''), comments: { legal: true, annotation: true, jsdoc: false } }
          : { codeSplitting: false },
      },
    },
  };
}

/**
 * Main's bundle. `--mode main` (production) sets __BASIC_HEADER_TEST_HOOKS__ to
 * false, so dead-code elimination drops every test hook and
 * electron/main/test-hooks.ts with them; `--mode main-test` (the Electron
 * suite's build) keeps them. JSDoc is stripped too, so not even a comment about
 * the hooks survives (tests/electron/main/build-hooks.test.ts greps for them).
 */
function mainBundle(withTestHooks: boolean): UserConfig {
  const config = nodeBundle('electron/main/main.ts', 'dist/main', 'main.cjs', ['electron', ...nodeExternals]);
  const rollupOptions = config.build?.rollupOptions ?? {};
  return {
    ...config,
    define: { __BASIC_HEADER_TEST_HOOKS__: String(withTestHooks) },
    build: {
      ...config.build,
      rollupOptions: { ...rollupOptions, output: { codeSplitting: false, comments: { legal: true, annotation: false, jsdoc: false } } },
    },
  };
}

export default defineConfig(({ mode }) => {
  switch (mode) {
    case 'main':
    case 'main-test':
      return mainBundle(mode === 'main-test');
    case 'preload':
      return nodeBundle('electron/preload/preload.ts', 'dist/preload', 'preload.cjs', ['electron']);
    case 'cli':
      return nodeBundle('cli/main.ts', 'dist/cli', 'basic-header.cjs', nodeExternals, true);
    default:
      return {
        root: resolve(root, 'renderer'),
        base: './',
        plugins: [react()],
        logLevel: 'warn',
        build: {
          outDir: resolve(root, 'dist/renderer'),
          emptyOutDir: true,
          sourcemap: false,
          target: 'chrome140',
          // Chromium has modulepreload natively: no polyfill. Preloading stays on, so a lazy
          // chunk's own imports are fetched alongside it, not one after another.
          modulePreload: { polyfill: false },
          // One first-paint script: React and the JSX runtime join the entry module's chunk.
          // Left alone, rolldown (1.2) emits react/jsx-runtime as a 3 KB common chunk the entry
          // imports statically (its lazy panels use it too): a second request and about
          // 0.6 KB gzip more. A group holding the entry module is merged into the entry chunk.
          rollupOptions: {
            output: { codeSplitting: { groups: [{ name: 'index', test: /[\\/]renderer[\\/]main\.tsx$|[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ }] } },
          },
        },
      };
  }
});
