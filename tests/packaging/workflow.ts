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
/** Every action is one of GitHub's own, pinned to a full commit SHA (a tag can be moved to other code). */
export const PINNED_ACTION = /^actions\/[\w-]+@[0-9a-f]{40}$/;

/**
 * Each `uses:` line of a workflow's text (YAML drops comments): every pin carries the
 * release it is (`# vX.Y.Z`), for readers and for Dependabot, which rewrites both.
 */
export function pinnedLines(file: string): { action: string; sha: string; version: string | null }[] {
  const text = readFileSync(join(repoRoot, '.github', 'workflows', file), 'utf8');
  return [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+?)@(\S+)(?:\s+#\s*(v\d+\.\d+\.\d+))?\s*$/gm)].map((m) => ({
    action: m[1] ?? '',
    sha: m[2] ?? '',
    version: m[3] ?? null,
  }));
}
