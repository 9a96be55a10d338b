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
  electron: {
    'no-restricted-imports': ['error', {
      paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Use the typed wrappers: electron/main/ipc-main.ts and electron/preload/preload.ts.' }],
      patterns: [{ group: ['**/renderer/**', '**/cli/**'], message: 'electron/ imports core/ and its own files only.' }],
    }],
    'no-restricted-properties': ['error',
      { object: 'crashReporter', property: 'start', message: 'Crash dumps can hold secrets: never start the crash reporter.' },
      { object: 'shell', property: 'openExternal', message: 'Open links only through the allow-listed helper.' }],
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
  { files: ['electron/shared/**/*.ts'], rules: layerRules.electronShared },
  // The two typed wrappers are the only places raw IPC objects appear.
  {
    files: ['electron/main/ipc-main.ts', 'electron/preload/preload.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', '**/cli/**'], message: 'electron/ imports core/ and its own files only.' }] }] },
  },
  { files: ['cli/**/*.ts'], rules: layerRules.cli },
);
