// Lint is also the architecture guard: imports point one way only
// (renderer -> core/contract, electron -> core, cli -> core; core -> nothing).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.flatMap((m) => [m, `${m}/*`]);

// Browser storage would persist what the user typed; the app never uses it.
const storageGlobals = ['localStorage', 'sessionStorage', 'indexedDB'].map((name) => ({
  name,
  message: 'Basic Header never stores anything: keep state in memory only.',
}));

/**
 * The only files that import `electron` at run time (ARCHITECTURE.md names them).
 * Everything else in electron/ is pure and unit-tested without Electron.
 */
export const ELECTRON_GLUE = ['electron/main/main.ts', 'electron/main/ipc-main.ts', 'electron/main/electron-clipboard.ts', 'electron/preload/preload.ts'];

const preloadOnlyShared = { regex: '^(?!electron$|\\.\\./shared/)', message: 'The preload may import electron and electron/shared/ only (a sandboxed preload is one bundle that requires only electron).' };

export const layerRules = {
  core: {
    'no-restricted-imports': ['error', {
      paths: [{ name: 'electron', message: 'core/ is shared by every shell: no Electron.' },
        ...builtinModules.map((name) => ({ name, message: 'core/ uses web-standard APIs only; pass I/O in.' }))],
      patterns: [
        { group: ['node:*'], message: 'core/ uses web-standard APIs only; pass I/O in.' },
        { group: ['**/electron/**', '**/renderer/**', '**/cli/**', 'react', 'react-dom', 'react/*', 'react-dom/*'], message: 'core/ imports nothing from the shells.' },
      ],
    }],
    'no-restricted-globals': ['error', ...storageGlobals,
      ...['window', 'document', 'navigator', 'process', 'Buffer', 'require', '__dirname', 'global'].map((name) => ({
        name, message: 'core/ runs in every shell: use web-standard APIs and injected dependencies.',
      }))],
  },
  renderer: {
    'no-restricted-imports': ['error', {
      paths: [{ name: 'electron', message: 'The renderer talks to main only through the preload bridge.' }],
      patterns: [
        { group: ['node:*', ...nodeBuiltins], message: 'The renderer is a sandboxed web page.' },
        { group: ['**/electron/main/**', '**/electron/preload/**', '**/cli/**'], message: 'The renderer may import core/ and electron/shared/ only.' },
      ],
    }],
    'no-restricted-globals': ['error', ...storageGlobals],
    'no-restricted-properties': ['error',
      { object: 'document', property: 'cookie', message: 'No cookies: nothing is stored.' },
      { object: 'window', property: 'localStorage', message: 'Nothing is stored.' },
      { object: 'window', property: 'sessionStorage', message: 'Nothing is stored.' },
      { object: 'window', property: 'indexedDB', message: 'Nothing is stored.' }],
  },
  // electron/main: `electron` values only in the glue files (ELECTRON_GLUE); types anywhere.
  electron: {
    '@typescript-eslint/no-restricted-imports': ['error', {
      paths: [{ name: 'electron', allowTypeImports: true, message: 'Only the glue files named in ARCHITECTURE.md import electron at run time; pure modules take what they need as parameters (type imports are fine).' }],
      patterns: [{ group: ['**/renderer/**', '**/cli/**'], message: 'electron/ imports core/ and its own files only.' }],
    }],
    'no-restricted-properties': ['error',
      { object: 'crashReporter', property: 'start', message: 'Crash dumps can hold secrets: never start the crash reporter.' },
      { object: 'shell', property: 'openExternal', message: 'Open links only through the allow-listed helper.' }],
  },
  // The glue may import electron's values, except raw IPC outside the two typed wrappers.
  electronGlue: {
    '@typescript-eslint/no-restricted-imports': ['error', {
      paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Use the typed wrappers: electron/main/ipc-main.ts and electron/preload/preload.ts.' }],
      patterns: [{ group: ['**/renderer/**', '**/cli/**'], message: 'electron/ imports core/ and its own files only.' }],
    }],
  },
  // The two typed wrappers: the only places raw IPC objects appear.
  ipcWrapper: {
    '@typescript-eslint/no-restricted-imports': ['error', {
      patterns: [{ group: ['**/renderer/**', '**/cli/**'], message: 'electron/ imports core/ and its own files only.' }],
    }],
  },
  // A sandboxed preload can require only `electron`: everything else it uses comes from electron/shared.
  preload: {
    '@typescript-eslint/no-restricted-imports': ['error', {
      paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Use the typed wrapper: electron/preload/preload.ts.' }],
      patterns: [preloadOnlyShared],
    }],
  },
  preloadWrapper: {
    '@typescript-eslint/no-restricted-imports': ['error', { patterns: [preloadOnlyShared] }],
  },
  electronShared: {
    'no-restricted-imports': ['error', {
      paths: [{ name: 'electron', message: 'electron/shared is imported by the renderer: types and pure code only.' }],
      patterns: [{ group: ['node:*', '**/main/**', '**/preload/**', '**/renderer/**', '**/cli/**'], message: 'electron/shared is imported by the renderer: types and pure code only.' }],
    }],
  },
  cli: {
    'no-restricted-imports': ['error', {
      paths: [{ name: 'electron', message: 'The CLI is a thin shell over core/.' }],
      patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'The CLI is a thin shell over core/.' }],
    }],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  { files: ['core/**/*.ts'], languageOptions: { globals: {} }, rules: layerRules.core },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, ...layerRules.renderer },
  },
  { files: ['electron/**/*.ts'], rules: layerRules.electron },
  { files: ELECTRON_GLUE, rules: layerRules.electronGlue },
  { files: ['electron/main/ipc-main.ts'], rules: layerRules.ipcWrapper },
  { files: ['electron/preload/**/*.ts'], rules: layerRules.preload },
  { files: ['electron/preload/preload.ts'], rules: layerRules.preloadWrapper },
  { files: ['electron/shared/**/*.ts'], rules: layerRules.electronShared },
  { files: ['cli/**/*.ts'], rules: layerRules.cli },
);
