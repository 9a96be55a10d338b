/**
 * The test result views, their own chunk (lazy-chunks.ts prefetches it after the
 * first paint). Only the Test panel's chunk shows them, so this wrapper lives
 * there too rather than in lazy-panels.tsx, which is part of the first paint.
 */
import { lazy, Suspense, type ReactElement } from 'react';
import { panelLoaders } from '../lazy-chunks';
import type { TestResultProps } from './test-result';

const LazyTestResult = lazy(async () => ({ default: (await panelLoaders.testResult()).TestResult }));

/** Prefetched after first paint, so in practice the fallback is never seen. */
export function TestResult(props: TestResultProps): ReactElement {
  return (
    <Suspense fallback={<div className="result-skeleton" aria-busy="true" />}>
      <LazyTestResult {...props} />
    </Suspense>
  );
}
