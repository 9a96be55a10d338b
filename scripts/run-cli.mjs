#!/usr/bin/env node
/**
 * `npm run --silent cli -- <command> [options]`: the CLI from a checkout.
 * Builds dist/cli (vite --mode cli) when it is missing or older than any file
 * in cli/, core/, package.json, vite.config.ts or tsconfig.json, with the build's output on
 * stderr (stdout is the command's), then runs the bundle in this process, so
 * stdin, stdout, stderr and the exit code are the command's own.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli', 'basic-header.cjs');
const inputs = ['cli', 'core', 'package.json', 'vite.config.ts', 'tsconfig.json'].map((p) => join(root, p));
const lock = join(root, 'dist', '.cli-build-lock');
/** A lock older than this was left by a build that died; a real build takes seconds. */
const STALE_LOCK_MS = 120_000;

function newestMtime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isStale() {
  if (!existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  return inputs.some((input) => newestMtime(input) > built);
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** One build at a time (parallel runs would empty each other's output directory). Returns build()'s result. */
function withBuildLock(build) {
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      else sleep(200);
    }
  }
  try {
    // Another run may have built while this one waited.
    return isStale() ? build() : true;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function build() {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  process.stderr.write('basic-header: building the command line (dist/cli)…\n');
  const result = spawnSync(process.execPath, [vite, 'build', '--mode', 'cli'], { cwd: root, stdio: ['ignore', 2, 2] });
  return result.status === 0;
}

if (isStale() && !withBuildLock(build)) {
  process.stderr.write('basic-header: building the command line failed (see above).\n');
  process.exit(70);
}
// The bundle reads process.argv.slice(2): the same arguments this script was given.
createRequire(import.meta.url)(bundle);
