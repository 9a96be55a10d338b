/**
 * Runs the REAL command line: the Vite bundle (dist/cli layout) as a child
 * process, with a clean environment. Every run is checked for leaks: if any
 * registered secret (or its Basic value) shows up on stdout or stderr, the run
 * fails the test, whatever else the test asserts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Writable } from 'node:stream';

export const ROOT = resolve(import.meta.dirname, '../../..');
const INPUTS = ['cli', 'core', 'package.json', 'vite.config.ts', 'tsconfig.json'];
const BUILD_PREFIX = 'basic-header-cli-test-';
const OLD_BUILD_MS = 60 * 60 * 1000;

function listFiles(path: string): string[] {
  const stat = statSync(path);
  if (!stat.isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((entry) => listFiles(join(path, entry)));
}

/** A key for the current sources: test files (and parallel runs) share one build per version of them. */
function sourceKey(): string {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of listFiles(join(ROOT, input))) {
      const stat = statSync(file);
      hash.update(`${relative(ROOT, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Builds the CLI with the project's own `vite build --mode cli` into a temp
 * directory (never the shared dist/), once per source version, and returns the
 * path of basic-header.cjs. Parallel test files race safely: each builds to its
 * own folder and the first rename wins.
 */
export function buildCli(): string {
  const dir = join(tmpdir(), `${BUILD_PREFIX}${sourceKey()}`);
  const bin = join(dir, 'basic-header.cjs');
  if (existsSync(bin)) return bin;
  const staging = mkdtempSync(`${dir}.staging-`);
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--mode', 'cli', '--outDir', join(staging, 'out')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vite build --mode cli failed:\n${result.stderr}`);
  try {
    renameSync(join(staging, 'out'), dir);
  } catch {
    // Another test file won the race with an identical build.
  }
  rmSync(staging, { recursive: true, force: true });
  // Builds of older sources are of no use any more.
  for (const entry of readdirSync(tmpdir())) {
    const path = join(tmpdir(), entry);
    if (entry.startsWith(BUILD_PREFIX) && path !== dir && Date.now() - statSync(path).mtimeMs > OLD_BUILD_MS) {
      rmSync(path, { recursive: true, force: true });
    }
  }
  return bin;
}

/** Variables that would change the CLI's behaviour; tests set them explicitly when they mean to. */
const CONTROLLED = [
  'OKTA_OAUTH2_CLIENT_ID', 'OKTA_OAUTH2_CLIENT_SECRET', 'OKTA_OAUTH2_ISSUER',
  'HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
  'NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS', 'NO_COLOR', 'FORCE_COLOR',
];

export function cleanEnv(extra: Readonly<Record<string, string | undefined>> = {}): NodeJS.ProcessEnv {
  const merged = { ...process.env, ...extra };
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(merged)) {
    const controlled = CONTROLLED.includes(name) && !(name in extra);
    if (value !== undefined && !controlled) env[name] = value;
  }
  return env;
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Written to stdin, then stdin is closed. Omitted: stdin is closed at once (like </dev/null). */
  readonly input?: string | Buffer | undefined;
  /** Working directory of the child (default: this process's). */
  readonly cwd?: string | undefined;
  /** Extra variables on top of cleanEnv(). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly timeoutMs?: number;
  /** Leave stdin open and silent (a pipe nobody writes to). */
  readonly keepStdinOpen?: boolean;
  /** Called with stderr as it arrives (e.g. to wait for a hint), and the child's stdin to answer it. */
  readonly onStderr?: (soFar: string, stdin: Writable) => void;
  /** Send this signal to the child after `afterMs` (e.g. SIGINT, as Ctrl+C would). */
  readonly signal?: { readonly name: NodeJS.Signals; readonly afterMs: number };
  /** The same for stdout (e.g. a prompt on a pseudo-terminal). */
  readonly onStdout?: (soFar: string, stdin: Writable) => void;
}

/** Every needle that appears in a run's output, by stream. Empty when clean. */
export function findLeaks(run: CliRun, needles: readonly string[]): string[] {
  const leaks: string[] = [];
  for (const needle of needles) {
    if (needle === '') continue;
    if (run.stdout.includes(needle)) leaks.push(`stdout holds a protected value (${needle.length} chars)`);
    if (run.stderr.includes(needle)) leaks.push(`stderr holds a protected value (${needle.length} chars)`);
  }
  return leaks;
}

export class LeakError extends Error {}

/** Spawns any command with the harness's rules; the leak check runs on every result. */
export function runProcess(command: string, args: readonly string[], needles: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env: cleanEnv(options.env), stdio: ['pipe', 'pipe', 'pipe'], ...(options.cwd === undefined ? {} : { cwd: options.cwd }) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      options.onStdout?.(stdout, child.stdin);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      options.onStderr?.(stderr, child.stdin);
    });
    child.stdin.on('error', () => undefined);
    if (options.input !== undefined) child.stdin.end(options.input);
    else if (options.keepStdinOpen !== true) child.stdin.end();
    const signalTimer = options.signal === undefined ? undefined : setTimeout(() => child.kill(options.signal?.name), options.signal.afterMs);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`CLI run timed out: ${args.slice(1).join(' ')}\nstderr so far: ${stderr.slice(0, 2000)}`));
    }, options.timeoutMs ?? 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      clearTimeout(signalTimer);
      const run: CliRun = { code, stdout, stderr };
      const leaks = findLeaks(run, needles);
      if (leaks.length > 0) reject(new LeakError(`secret leaked: ${leaks.join('; ')}`));
      else resolvePromise(run);
    });
  });
}

export interface Cli {
  readonly bin: string;
  /** Values no run may print. Add with protect(). */
  readonly needles: string[];
  protect(...values: readonly string[]): void;
  run(args: readonly string[], options?: RunOptions): Promise<CliRun>;
  /** Same run, but `extraNeedles` apply only to it (e.g. a Basic value encode is allowed to print elsewhere). */
  runGuarded(args: readonly string[], extraNeedles: readonly string[], options?: RunOptions): Promise<CliRun>;
}

export function createCli(bin: string, needles: readonly string[] = []): Cli {
  const list = [...needles];
  return {
    bin,
    needles: list,
    protect: (...values) => {
      list.push(...values);
    },
    run: (args, options) => runProcess(process.execPath, [bin, ...args], list, options),
    runGuarded: (args, extra, options) => runProcess(process.execPath, [bin, ...args], [...list, ...extra], options),
  };
}

/** A temp file for the duration of a test (a CA PEM); returns its path and a remover. */
export function tempFile(name: string, content: string): { path: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'basic-header-cli-file-'));
  const path = join(dir, name);
  writeFileSync(path, content, { mode: 0o600 });
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
