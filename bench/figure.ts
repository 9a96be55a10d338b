/**
 * One row of the benchmark table: what was measured, against what, and whether
 * it met its target. Timings never fail the run; a missed target is reported.
 */

import { summarize, type Summary } from './stats';

export type Unit = 'ms' | 'bytes' | 'ops/s' | 'count';

/** A target is either a ceiling on the measured value or a ceiling on measured ÷ baseline. */
export type Target =
  | { readonly kind: 'max'; readonly value: number }
  | { readonly kind: 'ratio'; readonly value: number }
  /** Printed for context; no target. */
  | { readonly kind: 'info' };

export type Verdict = 'pass' | 'MISS' | 'info' | 'ERROR';

export interface Figure {
  readonly id: string;
  readonly label: string;
  readonly unit: Unit;
  readonly measured: number | null;
  readonly baseline: number | null;
  readonly baselineLabel: string | null;
  readonly target: Target;
  readonly verdict: Verdict;
  /** What the numbers are (n, spread, method); never a credential. */
  readonly detail: string;
  /** Raw figures for results.json. */
  readonly data?: Readonly<Record<string, unknown>>;
}

export function ratioOf(figure: Pick<Figure, 'measured' | 'baseline'>): number | null {
  if (figure.measured === null || figure.baseline === null || figure.baseline <= 0) return null;
  return figure.measured / figure.baseline;
}

export function judge(target: Target, measured: number, baseline: number | null): Verdict {
  switch (target.kind) {
    case 'info':
      return 'info';
    case 'max':
      return measured <= target.value ? 'pass' : 'MISS';
    case 'ratio':
      return baseline !== null && baseline > 0 && measured / baseline <= target.value ? 'pass' : 'MISS';
  }
}

export function makeFigure(spec: Omit<Figure, 'verdict'> & { readonly measured: number }): Figure {
  return { ...spec, verdict: judge(spec.target, spec.measured, spec.baseline) };
}

/**
 * The interleaved timings (app vs. a bare baseline) all judge median ÷ baseline median in ms,
 * and keep each series' summary and raw samples for results.json; one place builds that row
 * so the benches cannot drift apart.
 */
export function medianRatioFigure<K extends string>(spec: {
  readonly id: string;
  readonly label: string;
  /** The named series, in the order results.json lists them. */
  readonly samples: Readonly<Record<K, readonly number[]>>;
  readonly measured: NoInfer<K>;
  readonly baseline: NoInfer<K>;
  readonly baselineLabel: string;
  readonly ratioTarget: number;
  readonly detail: (stats: Readonly<Record<K, Summary>>) => string;
}): Figure {
  const names = Object.keys(spec.samples) as K[];
  const stats = Object.fromEntries(names.map((name) => [name, summarize(spec.samples[name])])) as Record<K, Summary>;
  const raw = Object.fromEntries(names.map((name) => [`${name}Samples`, spec.samples[name]]));
  return makeFigure({
    id: spec.id,
    label: spec.label,
    unit: 'ms',
    measured: stats[spec.measured].median,
    baseline: stats[spec.baseline].median,
    baselineLabel: spec.baselineLabel,
    target: { kind: 'ratio', value: spec.ratioTarget },
    detail: spec.detail(stats),
    data: { ...stats, ...raw },
  });
}

/** A row for a figure whose measurement failed: the run goes on, the table says why. */
export function errorFigure(id: string, label: string, unit: Unit, target: Target, error: unknown): Figure {
  const message = error instanceof Error ? error.message : String(error);
  return {
    id, label, unit, measured: null, baseline: null, baselineLabel: null, target, verdict: 'ERROR',
    detail: message.split('\n').slice(0, 6).join(' ').slice(0, 400),
  };
}
