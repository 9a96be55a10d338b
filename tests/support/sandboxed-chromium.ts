/**
 * A Chromium started as the test's OWN child process, with every place it may
 * write (profile, TMPDIR, HOME, XDG folders) inside one fresh folder, so a test
 * can scan everything it wrote. Playwright attaches over CDP; the browser is
 * closed gracefully (CDP Browser.close) so LevelDB and the pref stores flush
 * before the scan, as they would when a user quits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumExecutable } from './chromium';


export interface SandboxDirs {
  readonly root: string;
  readonly profile: string;
  readonly tmp: string;
  readonly home: string;
}

export interface SandboxedChromium {
  readonly dirs: SandboxDirs;
  readonly browser: Browser;
  /** Everything the browser process printed so far (the Debian launcher's lines included). */
  output(): { readonly stdout: Buffer; readonly stderr: Buffer };
  /** CDP Browser.close, then wait for the process to exit. Throws if it had to be killed. */
  closeGracefully(timeoutMs?: number): Promise<void>;
  /** Last resort for a failed test: kill the process group we started (by its id). */
  kill(): void;
}

/** A fresh root with the folders Chromium is pointed at. */
export async function makeSandboxDirs(prefix = 'bh-canary-'): Promise<SandboxDirs & { readonly xdg: Readonly<Record<string, string>> }> {
  const root = await mkdtemp(path.join(tmpdir(), prefix));
  const dirs = { root, profile: path.join(root, 'profile'), tmp: path.join(root, 'tmp'), home: path.join(root, 'home') };
  const xdg = {
    XDG_CONFIG_HOME: path.join(root, 'xdg', 'config'),
    XDG_CACHE_HOME: path.join(root, 'xdg', 'cache'),
    XDG_DATA_HOME: path.join(root, 'xdg', 'data'),
    XDG_STATE_HOME: path.join(root, 'xdg', 'state'),
    XDG_RUNTIME_DIR: path.join(root, 'xdg', 'runtime'),
  };
  for (const dir of [dirs.profile, dirs.tmp, dirs.home, ...Object.values(xdg)]) await mkdir(dir, { recursive: true });
  // The XDG spec requires the runtime dir to be private.
  await chmod(xdg.XDG_RUNTIME_DIR, 0o700);
  return { ...dirs, xdg };
}

const DEVTOOLS_LINE = /DevTools listening on (ws:\/\/\S+)/;

/** Starts headless Chromium in a fresh sandbox root and attaches Playwright over CDP. */
export interface LaunchOptions {
  readonly startTimeoutMs?: number;
  /** More switches, after the usual ones. */
  readonly extraArgs?: readonly string[];
}

export async function launchSandboxedChromium(options: LaunchOptions = {}): Promise<SandboxedChromium> {
  const executable = chromiumExecutable();
  if (executable === undefined) throw new Error('No Chromium: set CHROMIUM_PATH or install /usr/bin/chromium.');
  const sandbox = await makeSandboxDirs();
  const dirs: SandboxDirs = { root: sandbox.root, profile: sandbox.profile, tmp: sandbox.tmp, home: sandbox.home };
  // A minimal environment: nothing from the test process but PATH and the locale.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: process.env.LANG ?? 'C.UTF-8',
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    TMP: dirs.tmp,
    TEMP: dirs.tmp,
    ...sandbox.xdg,
  };
  const args = [
    '--headless',
    '--remote-debugging-port=0',
    `--user-data-dir=${dirs.profile}`,
    ...CHROMIUM_FLAGS,
    '--password-store=basic',
    '--no-default-browser-check',
    ...(options.extraArgs ?? []),
    'about:blank',
  ];
  // Own process group, so a failed test can end this browser and its helpers, and nothing else.
  const child: ChildProcess = spawn(executable, args, { env, cwd: dirs.tmp, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });

  const kill = (): void => {
    if (hasExited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };

  const failStart = async (error: unknown): Promise<never> => {
    kill();
    await rm(dirs.root, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  };

  const wsEndpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      kill();
      reject(new Error('Chromium did not print its DevTools endpoint in time.'));
    }, options.startTimeoutMs ?? 20_000);
    const onData = (): void => {
      const match = DEVTOOLS_LINE.exec(Buffer.concat(stderr).toString('utf8'));
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      resolve(match[1]);
    };
    child.stderr?.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited before it was ready (code ${code}, signal ${signal}).`));
    });
  }).catch(failStart);

  const browser: Browser = await chromium.connectOverCDP(wsEndpoint).catch(failStart);

  return {
    dirs,
    browser,
    output: () => ({ stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr) }),
    kill,
    closeGracefully: async (timeoutMs = 15_000) => {
      if (!hasExited) {
        const session = await browser.newBrowserCDPSession();
        // Not awaited: the browser may exit (and drop the connection) before it answers.
        session.send('Browser.close').catch(() => undefined);
      }
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const result = await Promise.race([exited, timedOut]);
      clearTimeout(timer);
      await browser.close().catch(() => undefined);
      if (result === 'timeout') {
        kill();
        throw new Error(`Chromium did not exit within ${timeoutMs} ms of Browser.close.`);
      }
    },
  };
}
