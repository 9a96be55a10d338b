#!/usr/bin/env node
/**
 * `npm run pack:cli [-- --pack-destination DIR]`: packs the command line as its
 * own npm package, @basic-header/cli (packaging/cli/package.json): the
 * self-contained bundle (`vite build --mode cli`), its README and the licence,
 * nothing else. The root package is the desktop app and is never packed.
 * Writes DIR/basic-header-cli-<version>.tgz (default release/) and prints its path.
 * In GitHub Actions the package names the repository it was built from, which
 * npm's provenance check requires.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

class PackFailure extends Error {}
function fail(line) {
  throw new PackFailure(line);
}

function destination(argv) {
  const at = argv.indexOf('--pack-destination');
  if (at === -1) return path.join(root, 'release');
  const dir = argv[at + 1];
  if (dir === undefined) fail('--pack-destination needs a folder.');
  return path.resolve(dir);
}

/** The npm that runs this script (npm_execpath), or the one on PATH. */
function npm(args, options) {
  const npmCli = process.env.npm_execpath;
  const viaNode = npmCli !== undefined && /npm-cli\.c?js$/.test(npmCli);
  const [command, fullArgs] = viaNode ? [process.execPath, [npmCli, ...args]] : ['npm', args];
  return spawnSync(command, fullArgs, { ...options, shell: !viaNode && process.platform === 'win32' });
}

/** Every file under dir, relative to it. */
function files(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The licences of the packages the bundle inlines (it marks each module with `// node_modules/<name>/…`). */
function bundledLicences(dir) {
  const names = new Set();
  for (const file of files(dir)) {
    for (const [, name] of readFileSync(file, 'utf8').matchAll(/^\/\/ node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\//gm)) names.add(name);
  }
  return [...names].sort().map((name) => {
    const dirOf = path.join(root, 'node_modules', name);
    const licence = readdirSync(dirOf).find((file) => /^licen[cs]e(\.md|\.txt)?$/i.test(file));
    if (licence === undefined) fail(`${name} is bundled but has no licence file.`);
    const { version } = readJson(path.join(dirOf, 'package.json'));
    return `\n---\n\nThis package bundles ${name} ${version}, under this licence:\n\n${readFileSync(path.join(dirOf, licence), 'utf8').trim()}\n`;
  });
}

function pack(out, stage) {
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--mode', 'cli', '--outDir', stage], { cwd: root, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) fail('`vite build --mode cli` failed (see above).');

  const { name, ...template } = readJson(path.join(root, 'packaging', 'cli', 'package.json'));
  const { version } = readJson(path.join(root, 'package.json'));
  const manifest = { name, version, ...template };
  if (process.env.GITHUB_ACTIONS === 'true' && process.env.GITHUB_REPOSITORY) {
    manifest.repository = { type: 'git', url: `git+${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}.git` };
  }
  writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  copyFileSync(path.join(root, 'packaging', 'cli', 'README.md'), path.join(stage, 'README.md'));
  const licence = [readFileSync(path.join(root, 'LICENSE'), 'utf8').trimEnd(), ...bundledLicences(stage)].join('\n');
  writeFileSync(path.join(stage, 'LICENSE'), `${licence}\n`);

  mkdirSync(out, { recursive: true });
  const pack = npm(['pack', '--json', '--pack-destination', out], { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (pack.status !== 0) fail('`npm pack` failed (see above).');
  const [{ filename }] = JSON.parse(pack.stdout);
  process.stdout.write(`${path.join(out, filename)}\n`);
}

const stage = mkdtempSync(path.join(tmpdir(), 'basic-header-cli-pack-'));
try {
  pack(destination(process.argv.slice(2)), stage);
} catch (error) {
  if (!(error instanceof PackFailure)) throw error;
  process.stderr.write(`pack-cli: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
