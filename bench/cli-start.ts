/**
 * CLI start: wall time of `basic-header encode` (secret on stdin, as documented)
 * against `node -e 0` fed the same stdin, alternating, median of 10 each. The
 * ratio shows whether `encode` loads anything beyond what encoding needs.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { medianRatioFigure, type Figure } from './figure';
import { interleave, nowMs, oktaClientId, oktaClientSecret, seededRandom } from './stats';

export const CLI_BUNDLE = path.resolve(import.meta.dirname, '..', 'dist', 'cli', 'basic-header.cjs');
export const CLI_RUNS = 10;
const WARMUP = 2;
const CLI_RATIO_TARGET = 2;

interface Run {
  readonly ms: number;
  readonly code: number | null;
  readonly stdout: string;
}

/** A child without this process's loader flags or NODE_OPTIONS, so both sides start a plain Node. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  env.NO_COLOR = '1';
  return env;
}

function timedRun(args: readonly string[], stdin: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = nowMs();
    const child = spawn(process.execPath, args, { env: cleanEnv(), stdio: ['pipe', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: nowMs() - started, code, stdout }));
    // The baseline never reads stdin; its pipe may close first.
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
  });
}

export async function cliStartFigure(): Promise<Figure> {
  if (!existsSync(CLI_BUNDLE)) throw new Error(`No CLI bundle at ${CLI_BUNDLE}: run npm run build:cli first.`);
  const random = seededRandom(20);
  const clientId = oktaClientId(random);
  const secret = oktaClientSecret(random);
  const expected = Buffer.from(`${clientId}:${secret}`).toString('base64');

  const encode = async (): Promise<number> => {
    const run = await timedRun([CLI_BUNDLE, 'encode', '--client-id', clientId], secret);
    if (run.code !== 0 || !run.stdout.includes(expected)) {
      throw new Error(`basic-header encode did not print the expected value (exit ${String(run.code)})`);
    }
    return run.ms;
  };
  const bare = async (): Promise<number> => {
    const run = await timedRun(['-e', '0'], secret);
    if (run.code !== 0) throw new Error(`node -e 0 exited ${String(run.code)}`);
    return run.ms;
  };

  for (let i = 0; i < WARMUP; i += 1) {
    await encode();
    await bare();
  }
  const { a: cli, b: node } = await interleave(CLI_RUNS, encode, bare);
  return medianRatioFigure({
    id: 'cli-start',
    label: 'CLI start (basic-header encode)',
    samples: { cli, node },
    measured: 'cli',
    baseline: 'node',
    baselineLabel: 'node -e 0',
    ratioTarget: CLI_RATIO_TARGET,
    detail: (stats) => `median of ${CLI_RUNS} alternating runs each, spawn → exit, secret on stdin; ` +
      `encode p10–p90 ${stats.cli.p10.toFixed(0)}–${stats.cli.p90.toFixed(0)} ms, node ${stats.node.p10.toFixed(0)}–${stats.node.p90.toFixed(0)} ms`,
  });
}
