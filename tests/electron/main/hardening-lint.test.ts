/**
 * Lint rules that hold the shell's hardening in place, proven to fire on
 * snippets linted as if they lived in electron/ (with positive controls).
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const restricted = ['no-restricted-imports', 'no-restricted-properties'];

async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal').filter((id) => restricted.includes(id));
}

describe('electron/ lint guards', () => {
  it('refuses shell.openExternal (checklist item 15)', async () => {
    const code = "import { shell } from 'electron';\nvoid shell.openExternal('https://example.invalid');";
    expect(await violations('electron/main/probe.ts', code)).toContain('no-restricted-properties');
  });

  it('refuses raw ipcMain / ipcRenderer outside the two typed wrappers', async () => {
    expect(await violations('electron/main/probe.ts', "import { ipcMain } from 'electron';\nexport const i = ipcMain;")).toContain('no-restricted-imports');
    expect(await violations('electron/preload/probe.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;")).toContain('no-restricted-imports');
  });

  it('allows them in ipc-main.ts and preload.ts (positive control)', async () => {
    expect(await violations('electron/main/ipc-main.ts', "import { ipcMain } from 'electron';\nexport const i = ipcMain;")).toEqual([]);
    expect(await violations('electron/preload/preload.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;")).toEqual([]);
  });

  it('keeps electron/shared free of Electron (the renderer imports it)', async () => {
    expect(await violations('electron/shared/probe.ts', "import { app } from 'electron';\nexport const a = app;")).toContain('no-restricted-imports');
  });
});
