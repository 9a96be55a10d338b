/**
 * The layering rule is only worth something if it fires: lint real snippets as if
 * they lived in each layer and check that forbidden imports and globals are refused
 * while the allowed ones pass (the positive control for the rule itself).
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const layering = ['no-restricted-imports', 'no-restricted-globals', 'no-restricted-properties'];
const violations = async (filePath: string, code: string) =>
  (await ruleIds(filePath, code)).filter((id) => layering.includes(id));

describe('import direction', () => {
  it.each([
    ["import { app } from 'electron';\nexport const a = app;", 'electron'],
    ["import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", 'node: module'],
    ["import { readFileSync } from 'fs';\nexport const r = readFileSync;", 'bare Node builtin'],
    ["import { APP_HOST } from '../electron/shared/app-origin';\nexport const h = APP_HOST;", 'electron/ code'],
    ["import { App } from '../renderer/app';\nexport const x = App;", 'renderer code'],
    ['export const t = document.title;', 'the DOM'],
    ['export const b = Buffer.from("x");', 'Buffer'],
    ['export const e = process.env;', 'process'],
  ])('core/ refuses %s (%s)', async (code) => {
    expect(await violations('core/probe.ts', code)).not.toEqual([]);
  });

  it('core/ accepts web-standard code and its own modules', async () => {
    const code = "import { ok } from './shared/result';\nexport const x = ok(new TextEncoder().encode(new URL('https://a.example').host));";
    expect(await violations('core/probe.ts', code)).toEqual([]);
  });

  it.each([
    ["import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;"],
    ["import { createHandlers } from '../electron/main/ipc-handlers';\nexport const c = createHandlers;"],
    ["import { readFileSync } from 'node:fs';\nexport const r = readFileSync;"],
    ['export const s = localStorage.getItem("x");'],
    ['export const c = document.cookie;'],
  ])('renderer/ refuses %s', async (code) => {
    expect(await violations('renderer/probe.ts', code)).not.toEqual([]);
  });

  it('renderer/ may import core/ and the IPC contract', async () => {
    const code = "import { ok } from '../core/shared/result';\nimport { BRIDGE_NAME } from '../electron/shared/ipc-contract';\nexport const x = [ok(1), BRIDGE_NAME];";
    expect(await violations('renderer/probe.ts', code)).toEqual([]);
  });

  it('raw ipcMain is refused outside the typed wrapper, and allowed inside it', async () => {
    const code = "import { ipcMain } from 'electron';\nexport const i = ipcMain;";
    expect(await violations('electron/main/window.ts', code)).not.toEqual([]);
    expect(await violations('electron/main/ipc-main.ts', code)).toEqual([]);
  });

  it('electron/shared (imported by the renderer) refuses electron and node', async () => {
    expect(await violations('electron/shared/probe.ts', "import { app } from 'electron';\nexport const a = app;")).not.toEqual([]);
    expect(await violations('electron/shared/probe.ts', "import os from 'node:os';\nexport const o = os;")).not.toEqual([]);
  });

  it('cli/ refuses electron and renderer code', async () => {
    expect(await violations('cli/probe.ts', "import { app } from 'electron';\nexport const a = app;")).not.toEqual([]);
    expect(await violations('cli/probe.ts', "import { App } from '../renderer/app';\nexport const a = App;")).not.toEqual([]);
  });

  it('electron/ refuses crashReporter.start', async () => {
    const code = "import { crashReporter } from 'electron';\ncrashReporter.start({ uploadToServer: false });";
    expect(await violations('electron/main/probe.ts', code)).not.toEqual([]);
  });
});
