// The CI workflow cannot run here; this checks it parses and wires the jobs as intended.
import { describe, expect, it } from 'vitest';
import { DESKTOPS, loadWorkflow, PINNED_ACTION, runs, uses } from './workflow';

const workflow = loadWorkflow('ci.yml');
const job = workflow.job;

describe('.github/workflows/ci.yml', () => {
  it('runs on pushes and pull requests (and for release.yml) with read-only permissions', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request', 'workflow_call']));
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
    // A release builds its own (signed) packages.
    expect(pack.if).toBe("${{ !startsWith(github.ref, 'refs/tags/') }}");
    expect(pack.steps).toContainEqual(expect.objectContaining({ run: 'npm run dist', env: { CSC_IDENTITY_AUTO_DISCOVERY: 'false' } }));
    expect(runs(pack)).toContain('npx tsx scripts/check-packaged-fuses.ts release');
    const upload = pack.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    const paths = String(upload?.with?.['path']).trim().split('\n');
    expect(paths).toEqual(['release/*.dmg', 'release/*.zip', 'release/*.exe', 'release/*.AppImage', 'release/*.deb']);
    expect(upload?.with).toMatchObject({ 'if-no-files-found': 'error' });
  });

  it('pins every action to a commit SHA and never publishes', () => {
    const all = [...uses(job('test')), ...uses(job('package'))];
    expect(all.length).toBeGreaterThan(0);
    for (const action of all) expect(action).toMatch(PINNED_ACTION);
    expect([...runs(job('test')), ...runs(job('package'))].join('\n')).not.toMatch(/--publish (always|onTag|onTagOrDraft)|GH_TOKEN/);
  });
});
