/**
 * The panels that are not needed to paint the credential form, each in its own
 * chunk (issue 16): Test credentials, Check a header, the test result views and
 * the keyboard shortcuts dialog.
 * Import sites use these instead of the real modules (only `import type` may
 * name those from eager code). The two column panels share one boundary with
 * both skeletons (PanelsBoundary); lazy-chunks.ts prefetches every chunk right
 * after the first paint. A new lazy panel: a loader in lazy-chunks.ts, a lazy
 * component here, and a skeleton where it sits.
 */
import { lazy, Suspense, type ComponentType, type ReactElement, type ReactNode } from 'react';
import { panelLoaders } from '../lazy-chunks';
import type { CheckHeaderPanelProps } from './check-header-panel';
import type { ShortcutsDialogProps } from './shortcuts-dialog';
import type { TestPanelProps } from './test-panel';
import type { TestResultProps } from './test-result';
import './lazy-panels.css';

function lazyNamed<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return lazy(async () => ({ default: await load() }));
}

const LazyTestPanel = lazyNamed<TestPanelProps>(async () => (await panelLoaders.testPanel()).TestPanel);
const LazyCheckHeaderPanel = lazyNamed<CheckHeaderPanelProps>(async () => (await panelLoaders.checkHeaderPanel()).CheckHeaderPanel);
const LazyTestResult = lazyNamed<TestResultProps>(async () => (await panelLoaders.testResult()).TestResult);
const LazyShortcutsDialog = lazyNamed<ShortcutsDialogProps>(async () => (await panelLoaders.shortcutsDialog()).ShortcutsDialog);

/**
 * A panel's place while its chunk loads: the real card's heading and intro (so
 * the page reads the same at once) and a reserved height (styles in
 * lazy-panels.css) so the page's height, and with it the scrollbar, does not
 * change when the panel arrives. No controls: nothing to focus that would vanish.
 */
function PanelSkeleton({ title, intro, kind }: { readonly title: string; readonly intro: string; readonly kind: string }): ReactElement {
  return (
    <section className={`card panel-skeleton panel-skeleton-${kind}`} aria-busy="true" aria-label={title} data-testid="panel-skeleton">
      <h2 aria-hidden="true">{title}</h2>
      <p className="card-intro" aria-hidden="true">{intro}</p>
      <div className="skeleton-block" />
    </section>
  );
}

/**
 * The Test credentials and Check a header panels (each inside its PanelsBoundary,
 * in its own tab: only one is on screen, so one landing first moves nothing).
 */
export const TestPanel = LazyTestPanel;
export const CheckHeaderPanel = LazyCheckHeaderPanel;

const SKELETONS = {
  test: (
    <PanelSkeleton
      kind="test"
      title="Test credentials"
      intro="Requests a token with the client-credentials grant. The request is sent by the app itself, never by this page, and the secret is not kept."
    />
  ),
  check: (
    <PanelSkeleton
      kind="check"
      title="Check a header"
      intro="Paste an Authorization header or a Base64 value to see what it holds and what is wrong with it."
    />
  ),
} as const;

/** Wraps one tool's panel (each sits in its own tab): its skeleton until its chunk has landed. */
export function PanelsBoundary({ kind, children }: { readonly kind: keyof typeof SKELETONS; readonly children: ReactNode }): ReactElement {
  return <Suspense fallback={SKELETONS[kind]}>{children}</Suspense>;
}

/** Prefetched after first paint, so in practice the fallback is never seen. */
export function TestResult(props: TestResultProps): ReactElement {
  return (
    <Suspense fallback={<div className="result-skeleton" aria-busy="true" />}>
      <LazyTestResult {...props} />
    </Suspense>
  );
}

/** A closed native dialog takes no space: nothing to reserve. Opened before it lands, it opens when it does. */
export function ShortcutsDialog(props: ShortcutsDialogProps): ReactElement {
  return (
    <Suspense fallback={null}>
      <LazyShortcutsDialog {...props} />
    </Suspense>
  );
}
