/**
 * One window, one instance: a second launch exits, and the first instance
 * brings its window back (restored if minimised, shown, focused).
 */
export interface RestorableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  isVisible(): boolean;
}

export type WindowStep = 'restore' | 'show' | 'focus';

/** What the first instance does to its window when a second launch is detected. */
export function secondInstanceSteps(window: RestorableWindow | null): readonly WindowStep[] {
  if (window === null || window.isDestroyed()) return [];
  const steps: WindowStep[] = [];
  if (window.isMinimized()) steps.push('restore');
  if (!window.isVisible()) steps.push('show');
  steps.push('focus');
  return steps;
}

/** The launch continues only for the instance that holds the lock. */
export function shouldContinueLaunch(gotLock: boolean): boolean {
  return gotLock;
}
