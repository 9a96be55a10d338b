/**
 * Output of a benchmark run: the table on stdout (pass / MISS per target) and
 * bench/results.json with every figure, its samples and the machine's state.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ratioOf, type Figure, type Target, type Unit } from './figure';

export const RESULTS_PATH = path.resolve(import.meta.dirname, 'results.json');

export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly platform: string;
  readonly node: string;
  readonly chromium: string | null;
  /** 1-minute load average when the run started and ended: above the core count means the machine was shared. */
  readonly loadAtStart: number;
  readonly loadAtEnd: number;
}

export function machineInfo(chromium: string | null, loadAtStart: number): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium,
    loadAtStart,
    loadAtEnd: os.loadavg()[0] ?? 0,
  };
}

export function formatValue(value: number | null, unit: Unit): string {
  if (value === null) return '—';
  switch (unit) {
    case 'bytes':
      return `${(value / 1000).toFixed(1)} KB`;
    case 'ms':
      return value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(1)} ms`;
    case 'ops/s':
      return `${Math.round(value)}/s`;
    case 'count':
      return String(Math.round(value));
  }
}

export function formatTarget(target: Target, unit: Unit): string {
  switch (target.kind) {
    case 'info':
      return '—';
    case 'max':
      return `≤ ${formatValue(target.value, unit)}`;
    case 'ratio':
      return `ratio ≤ ${target.value}`;
  }
}

export function renderTable(figures: readonly Figure[]): string {
  const header = ['figure', 'measured', 'baseline', 'ratio', 'target', 'result'];
  const rows = figures.map((f) => {
    const ratio = ratioOf(f);
    return [
      f.label,
      formatValue(f.measured, f.unit),
      f.baseline === null ? '—' : `${formatValue(f.baseline, f.unit)} (${f.baselineLabel ?? 'baseline'})`,
      ratio === null ? '—' : `${ratio.toFixed(2)}×`,
      formatTarget(f.target, f.unit),
      f.verdict === 'MISS' ? '** MISS **' : f.verdict === 'ERROR' ? '** ERROR **' : f.verdict,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function renderDetails(figures: readonly Figure[]): string {
  return figures.map((f) => `- ${f.label}: ${f.detail}`).join('\n');
}

export function writeResults(figures: readonly Figure[], machine: MachineInfo, durationMs: number): void {
  const results = {
    generatedAt: new Date().toISOString(),
    durationMs: Math.round(durationMs),
    machine,
    figures: figures.map((f) => ({ ...f, ratio: ratioOf(f) })),
  };
  writeFileSync(RESULTS_PATH, `${JSON.stringify(results, null, 2)}\n`);
}
