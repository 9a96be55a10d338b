/**
 * One row of the benchmark table: what was measured, against what, and whether
 * it met its target. Timings never fail the run; a missed target is reported.
 */

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

/** A row for a figure whose measurement failed: the run goes on, the table says why. */
export function errorFigure(id: string, label: string, unit: Unit, target: Target, error: unknown): Figure {
  const message = error instanceof Error ? error.message : String(error);
  return {
    id, label, unit, measured: null, baseline: null, baselineLabel: null, target, verdict: 'ERROR',
    detail: message.split('\n').slice(0, 6).join(' ').slice(0, 400),
  };
}
