// GitHub workflows cannot run here: the workflow tests parse them and check the wiring.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './stub-electron-build';

export interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  'working-directory'?: string;
}
export interface Job {
  'runs-on'?: string;
  /** A job that calls a reusable workflow. */
  uses?: string;
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  environment?: string;
  env?: Record<string, string>;
  strategy?: { matrix?: { os?: string[] } };
  steps: Step[];
}
export interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, unknown>;
  jobs: Record<string, Job>;
}

export const DESKTOPS = ['ubuntu-latest', 'macos-latest', 'windows-latest'];

export function loadWorkflow(file: string): Workflow & { job(name: string): Job } {
  const workflow = parse(readFileSync(join(repoRoot, '.github', 'workflows', file), 'utf8')) as Workflow;
  return {
    ...workflow,
    job(name) {
      const found = workflow.jobs[name];
      if (found === undefined) throw new Error(`${file} has no ${name} job`);
      return { ...found, steps: found.steps ?? [] };
    },
  };
}

export const runs = (j: Job): string[] => j.steps.flatMap((s) => (s.run === undefined ? [] : [s.run]));
export const uses = (j: Job): string[] => j.steps.flatMap((s) => (s.uses === undefined ? [] : [s.uses]));
/** Every action is pinned to a major version of GitHub's own actions. */
export const PINNED_ACTION = /^actions\/[\w-]+@v\d+$/;
