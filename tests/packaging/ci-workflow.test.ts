// The CI workflow cannot run here; this checks it parses and wires the jobs as intended.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './stub-electron-build';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  strategy?: { matrix?: { os?: string[] } };
  steps: Step[];
}

const workflow = parse(readFileSync(join(repoRoot, '.github', 'workflows', 'ci.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  permissions: Record<string, unknown>;
  jobs: Record<string, Job>;
};
const DESKTOPS = ['ubuntu-latest', 'macos-latest', 'windows-latest'];

function job(name: string): Job {
  const found = workflow.jobs[name];
  if (found === undefined) throw new Error(`ci.yml has no ${name} job`);
  return found;
}
const runs = (j: Job): string[] => j.steps.flatMap((s) => (s.run === undefined ? [] : [s.run]));
const uses = (j: Job): string[] => j.steps.flatMap((s) => (s.uses === undefined ? [] : [s.uses]));

describe('.github/workflows/ci.yml', () => {
  it('runs on pushes and pull requests with read-only permissions', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(Object.keys(workflow.jobs).sort()).toEqual(['package', 'test']);
  });

  it.each(['test', 'package'])('runs %s on ubuntu, macOS and Windows with Node 22', (name) => {
    const j = job(name);
    expect(j.strategy?.matrix?.os).toEqual(DESKTOPS);
    expect(j['runs-on']).toBe('${{ matrix.os }}');
    const setupNode = j.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setupNode?.with).toMatchObject({ 'node-version': 22 });
    expect(runs(j)).toContain('npm ci');
  });

  it('runs the whole suite, the Electron suite under xvfb with the userns sandbox allowed on Linux', () => {
    const test = job('test');
    const all = runs(test).join('\n');
    expect(all).toContain('node node_modules/electron/install.js');
    expect(all).not.toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD/);
    expect(all).toContain('sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0');
    expect(all).toContain('CHROMIUM_PATH=');
    expect(test.steps).toContainEqual(expect.objectContaining({ if: "runner.os == 'Linux'", run: 'xvfb-run --auto-servernum npm test' }));
    expect(test.steps).toContainEqual(expect.objectContaining({ if: "runner.os != 'Linux'", run: 'npm test' }));
    // Never weaken the app's sandbox to make a runner happy.
    expect(all).not.toContain('--no-sandbox');
  });

  it('builds unsigned packages after the tests pass, checks the fuses and keeps the installers', () => {
    const pack = job('package');
    expect(pack.needs).toBe('test');
    expect(pack.steps).toContainEqual(expect.objectContaining({ run: 'npm run dist', env: { CSC_IDENTITY_AUTO_DISCOVERY: 'false' } }));
    expect(runs(pack)).toContain('npx tsx scripts/check-packaged-fuses.ts release');
    const upload = pack.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    const paths = String(upload?.with?.['path']).trim().split('\n');
    expect(paths).toEqual(['release/*.dmg', 'release/*.zip', 'release/*.exe', 'release/*.AppImage', 'release/*.deb']);
    expect(upload?.with).toMatchObject({ 'if-no-files-found': 'error' });
  });

  it('pins every action to a major version and never publishes', () => {
    const all = [...uses(job('test')), ...uses(job('package'))];
    expect(all.length).toBeGreaterThan(0);
    for (const action of all) expect(action).toMatch(/^actions\/[\w-]+@v\d+$/);
    expect([...runs(job('test')), ...runs(job('package'))].join('\n')).not.toMatch(/--publish (always|onTag|onTagOrDraft)|GH_TOKEN/);
  });
});
