/**
 * What the renderer loads after its first-paint script (issue 16): the form
 * logic (encoder, notice grouping, request preview), started right after the
 * form's first commit because the first keystroke needs it, and the panels'
 * chunks (components/lazy-panels.tsx): the two column panels right after the
 * first commit too, the rest once the form has painted, so no click waits on a
 * download. Nothing starts before or during the first commit: an import()
 * there would delay the moment the form can take input (issue 16's "ready").
 *
 * Eager code may name these modules with `import type` only: a value import
 * pulls a module back into the first-paint script, which the size test in
 * tests/bench/renderer-payload.test.ts would catch.
 */
import { useEffect, useState } from 'react';
import { inNextTask } from '../core/shared/next-task';
import type * as FormLogicModule from './form-logic';

export type FormLogic = typeof FormLogicModule;

/**
 * One import() per chunk, shared by prefetching and rendering. A failed load is
 * forgotten, so the next caller tries again (a panel's error boundary shows the
 * failure if that one fails too).
 */
export function loader<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

const loadFormLogic = loader(() => import('./form-logic'));
/** Set once loaded, so a remount (Forget everything) computes in its first render. */
let formLogic: FormLogic | null = null;

function fetchFormLogic(): Promise<FormLogic> {
  return loadFormLogic().then((logic) => {
    formLogic = logic;
    return logic;
  });
}

/** The form logic, loaded if it has not landed yet. */
export function loadFormLogicNow(): Promise<FormLogic> {
  return formLogic === null ? fetchFormLogic() : Promise.resolve(formLogic);
}

/**
 * Runs `run` with the form logic: at once if it has landed, else when it does
 * (a key pressed in those few milliseconds still counts, only its default
 * action can no longer be prevented).
 */
export function withFormLogic(run: (logic: FormLogic) => void): void {
  if (formLogic !== null) run(formLogic);
  else fetchFormLogic().then(run, () => undefined);
}

/**
 * The form logic, or null for the few milliseconds before its chunk has landed.
 * Its download starts in a task of its own (inNextTask): the first render is
 * flushed synchronously (main.tsx), and so are its effects, and a download
 * started there (an import() and its modulepreload links, a few milliseconds of
 * main-thread work each) would hold up the task that puts the form on screen.
 * A posted message, not a timer: Electron's window is hidden until its first
 * paint, and a hidden page's timers may be throttled.
 */
export function useFormLogic(): FormLogic | null {
  const [logic, setLogic] = useState<FormLogic | null>(formLogic);
  useEffect(() => {
    if (logic !== null) return undefined;
    let live = true;
    const cancel = inNextTask(() => {
      fetchFormLogic().then((loaded) => {
        if (live) setLogic(loaded);
      }, () => undefined);
    });
    return () => {
      live = false;
      cancel();
    };
  }, [logic]);
  return logic;
}

const loadTestPanel = loader(() => import('./components/test-panel'));
const loadCheckHeaderPanel = loader(() => import('./components/check-header-panel'));
const loadTestResult = loader(() => import('./components/test-result'));
const loadShortcutsDialog = loader(() => import('./components/shortcuts-dialog'));
const loadIdleWarning = loader(() => import('./components/idle-warning'));

export const panelLoaders = {
  testPanel: loadTestPanel, checkHeaderPanel: loadCheckHeaderPanel, testResult: loadTestResult, shortcutsDialog: loadShortcutsDialog, idleWarning: loadIdleWarning,
} as const;

/** Starts every panel chunk's download (each at most once). */
export function prefetchPanels(): void {
  for (const load of Object.values(panelLoaders)) {
    // A failure here is retried by the render that needs the chunk.
    load().catch(() => undefined);
  }
}

/**
 * Prefetches once the form is on screen: at the first contentful paint, which for
 * this page is React's first commit (the root is empty before). A window painted
 * while hidden reports no paint entry (Electron shows it at ready-to-show), so a
 * timer does it anyway.
 */
export function prefetchAfterFirstPaint(fallbackMs = 1000): void {
  let done = false;
  let observer: PerformanceObserver | null = null;
  const go = (): void => {
    if (done) return;
    done = true;
    observer?.disconnect();
    window.clearTimeout(timer);
    prefetchPanels();
  };
  const timer = window.setTimeout(go, fallbackMs);
  if (PerformanceObserver.supportedEntryTypes.includes('paint')) {
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) go();
    });
    observer.observe({ type: 'paint', buffered: true });
  }
}
