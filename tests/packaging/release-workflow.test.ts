// The release workflow cannot run here; this checks it parses and wires the jobs as intended,
// and that it, the CLI package and the README agree on the CLI's name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './stub-electron-build';
import { DESKTOPS, loadWorkflow, PINNED_ACTION, pinnedLines, runs, uses, type Job, type Step } from './workflow';

const workflow = loadWorkflow('release.yml');
const job = workflow.job;
const CLI_NAME = (JSON.parse(readFileSync(join(repoRoot, 'packaging', 'cli', 'package.json'), 'utf8')) as { name: string }).name;
const VERSION = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const README = readFileSync(join(repoRoot, 'README.md'), 'utf8');

function step(j: Job, predicate: (s: Step) => boolean, what: string): Step {
  const found = j.steps.find(predicate);
  if (found === undefined) throw new Error(`no step ${what}`);
  return found;
}
const index = (j: Job, predicate: (s: Step) => boolean): number => j.steps.findIndex(predicate);

describe('.github/workflows/release.yml', () => {
  it('runs on version tags only, read-only unless a job asks for more', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*'] } });
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(Object.keys(workflow.jobs).sort()).toEqual(['cli', 'installers', 'npm', 'release', 'test']);
  });

  it('runs the test job (ci.yml, callable) before building anything', () => {
    expect(job('test')).toMatchObject({ uses: './.github/workflows/ci.yml', permissions: { contents: 'read' } });
    expect(Object.keys(loadWorkflow('ci.yml').on)).toContain('workflow_call');
    expect(job('installers').needs).toBe('test');
    expect(job('cli').needs).toBe('test');
  });

  it('builds the installers on each OS like ci.yml, each signed with its own certificate only when its secrets exist', () => {
    const installers = job('installers');
    expect(installers.strategy?.matrix?.os).toEqual(DESKTOPS);
    expect(runs(installers)).toContain('npm ci');
    const build = runs(installers).find((r) => r.includes('npm run dist')) ?? '';
    // Without a signing identity: unsigned, said so, not failed.
    expect(build).toMatch(/if \[ -z "\$CSC_LINK\$WIN_CSC_LINK" \]; then[\s\S]*::notice::[\s\S]*CSC_IDENTITY_AUTO_DISCOVERY=false[\s\S]*fi/);
    // electron-builder on Windows falls back to CSC_LINK: the mac certificate must never reach that runner, nor the reverse.
    expect(installers.env?.['CSC_LINK']).toBe("${{ matrix.os == 'macos-latest' && secrets.MAC_CSC_LINK || '' }}");
    expect(installers.env?.['CSC_KEY_PASSWORD']).toBe("${{ matrix.os == 'macos-latest' && secrets.MAC_CSC_KEY_PASSWORD || '' }}");
    expect(installers.env?.['WIN_CSC_LINK']).toBe("${{ matrix.os == 'windows-latest' && secrets.WIN_CSC_LINK || '' }}");
    expect(installers.env?.['WIN_CSC_KEY_PASSWORD']).toBe("${{ matrix.os == 'windows-latest' && secrets.WIN_CSC_KEY_PASSWORD || '' }}");
    for (const secret of ['APPLE_API_KEY_ID', 'APPLE_API_ISSUER']) {
      expect(installers.env?.[secret]).toBe(`\${{ secrets.${secret} }}`);
    }
    const key = step(installers, (s) => s.run?.includes('APPLE_API_KEY=') === true, 'writing the notarization key');
    expect(key.if).toBe("runner.os == 'macOS' && env.APPLE_API_KEY_P8 != ''");
    expect(runs(installers)).toContain('npx tsx scripts/check-packaged-fuses.ts release');
    const upload = step(installers, (s) => s.uses?.startsWith('actions/upload-artifact@') === true, 'uploading');
    expect(String(upload.with?.['path']).trim().split('\n')).toEqual(['release/*.dmg', 'release/*.zip', 'release/*.exe', 'release/*.AppImage', 'release/*.deb']);
    expect(upload.with).toMatchObject({ 'if-no-files-found': 'error' });
  });

  it('packs the CLI tarball with the project script, after checking the tag names the version', () => {
    const cli = job('cli');
    const check = index(cli, (s) => s.run?.includes('"$GITHUB_REF_NAME"') === true);
    const pack = index(cli, (s) => s.run === 'npm run pack:cli');
    expect(check).toBeGreaterThan(-1);
    expect(pack).toBeGreaterThan(check);
    const upload = step(cli, (s) => s.uses?.startsWith('actions/upload-artifact@') === true, 'uploading');
    expect(upload.with).toMatchObject({ name: 'cli', path: 'release/basic-header-cli-*.tgz', 'if-no-files-found': 'error' });
  });

  it('writes SHA256SUMS over every artifact, attests each, and attaches all to a DRAFT release', () => {
    const release = job('release');
    expect(release.needs).toEqual(['installers', 'cli']);
    expect(release.permissions).toEqual({ contents: 'write', 'id-token': 'write', attestations: 'write' });
    const download = index(release, (s) => s.uses?.startsWith('actions/download-artifact@') === true);
    const sums = index(release, (s) => s.run?.includes('sha256sum -- * > SHA256SUMS') === true);
    const attest = index(release, (s) => s.uses?.startsWith('actions/attest-build-provenance@') === true);
    const create = index(release, (s) => s.run?.startsWith('gh release create') === true);
    expect([download, sums, attest, create].every((i) => i >= 0)).toBe(true);
    expect(download < sums && sums < attest && attest < create).toBe(true);
    expect(release.steps[download]?.with).toMatchObject({ path: 'release', 'merge-multiple': true });
    expect(release.steps[sums]?.['working-directory']).toBe('release');
    expect(release.steps[attest]?.with).toEqual({ 'subject-path': 'release/*' });
    const command = release.steps[create]?.run ?? '';
    expect(command).toContain(' release/* ');
    expect(command).toContain('--draft');
    expect(command).toContain('--verify-tag');
    expect(release.steps[create]?.env).toEqual({ GH_TOKEN: '${{ github.token }}' });
  });

  it('publishes the CLI to npm with --provenance only when NPM_TOKEN exists, and says so otherwise', () => {
    const npm = job('npm');
    expect(npm.needs).toBe('release');
    expect(npm.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(npm.env).toEqual({ NPM_TOKEN: '${{ secrets.NPM_TOKEN }}' });
    const notice = step(npm, (s) => s.run?.includes('::notice::') === true, 'with the notice');
    expect(notice.if).toBe("env.NPM_TOKEN == ''");
    const publish = step(npm, (s) => s.run?.startsWith('npm publish') === true, 'publishing');
    expect(publish.run).toBe('npm publish cli/basic-header-cli-*.tgz --provenance --access public');
    for (const s of npm.steps.filter((x) => x !== notice)) expect(s.if).toBe("env.NPM_TOKEN != ''");
  });

  it('pins every action to a commit SHA with its release named, and never weakens the sandbox', () => {
    const all = Object.keys(workflow.jobs).flatMap((name) => uses(job(name)));
    expect(all.length).toBeGreaterThan(0);
    for (const action of all) expect(action).toMatch(PINNED_ACTION);
    expect(readFileSync(join(repoRoot, '.github', 'workflows', 'release.yml'), 'utf8')).not.toContain('--no-sandbox');
  });
});

describe('action pins across both workflows', () => {
  const lines = [...pinnedLines('ci.yml'), ...pinnedLines('release.yml')].filter((l) => !l.action.startsWith('./'));

  it('name the release of each SHA, and one action is one SHA everywhere', () => {
    // Every step's action was read from the text (the pattern missed none).
    const parsed = ['ci.yml', 'release.yml'].flatMap((file) => {
      const w = loadWorkflow(file);
      return Object.keys(w.jobs).flatMap((name) => uses(w.job(name)));
    });
    expect(lines.map((l) => `${l.action}@${l.sha}`).sort()).toEqual(parsed.sort());
    const byAction = new Map<string, Set<string>>();
    for (const { action, sha, version } of lines) {
      expect(version, `${action}@${sha} has no # vX.Y.Z comment`).not.toBeNull();
      byAction.set(action, (byAction.get(action) ?? new Set()).add(`${sha} ${version ?? ''}`));
    }
    for (const [action, pins] of byAction) expect([...pins], action).toHaveLength(1);
  });

  it('are kept current by Dependabot', () => {
    const config = parse(readFileSync(join(repoRoot, '.github', 'dependabot.yml'), 'utf8')) as { updates: { 'package-ecosystem': string; directory: string }[] };
    expect(config.updates).toContainEqual(expect.objectContaining({ 'package-ecosystem': 'github-actions', directory: '/' }));
  });
});

describe('the CLI package name', () => {
  it('is scoped, and README, package template and tarball name agree', () => {
    expect(CLI_NAME).toBe('@basic-header/cli');
    expect(README).toContain(`\`${CLI_NAME}\``);
    expect(readFileSync(join(repoRoot, '.github', 'workflows', 'release.yml'), 'utf8')).toContain(CLI_NAME);
    expect(README).toContain(`basic-header-cli-<version>.tgz`);
  });

  it('the README never tells anyone to run an unpinned or unowned npx name', () => {
    const npx = [...README.matchAll(/npx\s+(@?basic-header\S*)/g)];
    expect(npx.length).toBeGreaterThan(0);
    for (const [, spec] of npx) {
      expect(spec).toBe(`${CLI_NAME}@${VERSION}`);
    }
    expect(README).not.toMatch(/npx basic-header/);
    expect(README).toContain('sha256sum -c SHA256SUMS');
    expect(README).toMatch(/gh attestation verify \S+ --repo \S+/);
  });
});
