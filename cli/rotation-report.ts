/**
 * A RotationReport as the CLI shows it (issue 13): the --json object
 * { ok, verdict, results: [current, new] } whose results are exactly the
 * single-test JSON, the human report (verdict, next step, then each side's
 * usual report under "current" / "new"), and the exit code of each verdict.
 */
import { ROTATION_LABELS, type RotationReport, type RotationVerdict } from '../core/okta/rotation';
import { EXIT, type ExitCode } from './exit-codes';
import type { Palette } from './output';
import { exitCodeFor, reportJson, reportLines, type TestJson } from './test-report';

export interface RotationJson {
  readonly ok: boolean;
  readonly verdict: RotationVerdict;
  readonly results: readonly [TestJson, TestJson];
}

export function rotationJson(report: RotationReport): RotationJson {
  return { ok: report.ok, verdict: report.verdict, results: [reportJson(report.results[0]), reportJson(report.results[1])] };
}

/** 0 both work; 3 when either got no usable answer; 1 when the server answered and refused at least one; 130 cancelled; 70 a bug. */
export function rotationExit(report: RotationReport): ExitCode {
  if (report.results.some((r) => r.outcome === 'cancelled')) return EXIT.cancelled;
  // A bug in basic-header on either side is reported as one, not as the server's silence.
  if (report.results.some((r) => exitCodeFor(r) === EXIT.internal)) return EXIT.internal;
  switch (report.verdict) {
    case 'both-work':
      return EXIT.ok;
    case 'no-answer':
      return EXIT.noAnswer;
    default:
      return EXIT.rejected;
  }
}

export function rotationLines(report: RotationReport, p: Palette, nowMs: number): string[] {
  const mark = report.ok ? p.green('✔') : p.red('✘');
  const sides = [ROTATION_LABELS.current, ROTATION_LABELS.new] as const;
  return [
    `${mark} ${p.bold('Rotation:')} ${report.verdict}. ${report.summary}`,
    `  ${p.bold('Next step:'.padEnd(12))}${report.nextStep}`,
    ...report.results.flatMap((result, i) => ['', p.bold(`Secret "${sides[i] ?? ''}":`), ...reportLines(result, p, nowMs).map((line) => `  ${line}`)]),
  ];
}
