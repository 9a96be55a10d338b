/**
 * The layering rule is only worth something if it fires: lint real snippets as if
 * they lived in each layer and check that forbidden imports and globals are refused
 * while the allowed ones pass (the positive control for the rule itself).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const layering = ['no-restricted-imports', '@typescript-eslint/no-restricted-imports', 'no-restricted-globals', 'no-restricted-properties'];
const violations = async (filePath: string, code: string) =>
  (await ruleIds(filePath, code)).filter((id) => layering.includes(id));

describe('import direction', () => {
  it.each([
    ["import { app } from 'electron';\nexport const a = app;", 'electron'],
    ["import { readdirSync, readFileSync } from 'node:fs';\nexport const r = readFileSync;", 'node: module'],
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
    ["import { readdirSync, readFileSync } from 'node:fs';\nexport const r = readFileSync;"],
    ['export const s = localStorage.getItem("x");'],
    ['export const c = document.cookie;'],
  ])('renderer/ refuses %s', async (code) => {
    expect(await violations('renderer/probe.ts', code)).not.toEqual([]);
  });

  it('renderer/ may import core/ and the IPC contract', async () => {
    const code = "import { ok } from '../core/shared/result';\nimport { BRIDGE_NAME } from '../electron/shared/ipc-contract';\nexport const x = [ok(1), BRIDGE_NAME];";
    expect(await violations('renderer/probe.ts', code)).toEqual([]);
  });

  it('raw ipcMain / ipcRenderer are refused outside the two typed wrappers, even in glue', async () => {
    const main = "import { ipcMain } from 'electron';\nexport const i = ipcMain;";
    const preload = "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;";
    expect(await violations('electron/main/window.ts', main)).not.toEqual([]);
    expect(await violations('electron/main/main.ts', main)).not.toEqual([]);
    expect(await violations('electron/preload/probe.ts', preload)).not.toEqual([]);
    // Positive control: the wrappers themselves may.
    expect(await violations('electron/main/ipc-main.ts', main)).toEqual([]);
    expect(await violations('electron/preload/preload.ts', preload)).toEqual([]);
  });

  it('electron/ refuses shell.openExternal (checklist item 15)', async () => {
    const code = "import { shell } from 'electron';\nvoid shell.openExternal('https://example.invalid');";
    expect(await violations('electron/main/main.ts', code)).toContain('no-restricted-properties');
  });

  it('a value import of electron is refused in a pure module, allowed in the glue (positive control)', async () => {
    const code = "import { BrowserWindow } from 'electron';\nexport const w = BrowserWindow;";
    expect(await violations('electron/main/window.ts', code)).not.toEqual([]);
    expect(await violations('electron/main/probe.ts', code)).not.toEqual([]);
    expect(await violations('electron/main/main.ts', code)).toEqual([]);
  });

  it('a type import of electron is allowed anywhere in electron/main (positive control)', async () => {
    const code = "import type { Session } from 'electron';\nexport type S = Session;";
    expect(await violations('electron/main/session.ts', code)).toEqual([]);
  });

  it.each([
    ["import { ok } from '../../core/shared/result';\nexport const x = ok;", 'core/'],
    ["import { createHandlers } from '../main/ipc-handlers';\nexport const x = createHandlers;", 'electron/main'],
    ["import path from 'node:path';\nexport const x = path;", 'a node: module'],
    ["import path from 'path';\nexport const x = path;", 'a bare Node builtin'],
    ["import React from 'react';\nexport const x = React;", 'a package'],
  ])('the preload refuses %s (%s)', async (code) => {
    expect(await violations('electron/preload/preload.ts', code)).not.toEqual([]);
  });

  it('the preload may import electron and electron/shared (positive control)', async () => {
    const code = "import { contextBridge } from 'electron';\nimport { BRIDGE_NAME } from '../shared/ipc-contract';\nexport const x = [contextBridge, BRIDGE_NAME];";
    expect(await violations('electron/preload/preload.ts', code)).toEqual([]);
  });

  it('the files lint lets import electron at run time are exactly the glue ARCHITECTURE.md names', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;";
    const files = ['main', 'preload'].flatMap((dir) => readdirSync(`electron/${dir}`).filter((f) => f.endsWith('.ts')).map((f) => `electron/${dir}/${f}`));
    const glue: string[] = [];
    for (const file of files) if ((await violations(file, code)).length === 0) glue.push(file);
    const doc = readFileSync('ARCHITECTURE.md', 'utf8');
    const named = new Set([...doc.matchAll(/the glue files ([^|]+)/g)].flatMap((m) => [...(m[1] ?? '').matchAll(/`(electron\/[\w/-]+\.ts)`/g)].map((n) => n[1])));
    expect(glue.sort()).toEqual([...named].sort());
    expect(glue).toContain('electron/main/main.ts');
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
