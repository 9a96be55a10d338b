/**
 * The panels that are not needed to paint the credential form, each in its own
 * chunk (issue 16): Test credentials, Check a header, the test result views and
 * the keyboard shortcuts dialog, the idle timeout.
 * Import sites use these instead of the real modules (only `import type` may
 * name those from eager code). The two column panels share one boundary with
 * both skeletons (PanelsBoundary); the result views' wrapper is in the Test panel's chunk
 * (lazy-test-result.tsx). The column panels load right after the first commit;
 * lazy-chunks.ts prefetches the others at the first paint. A new lazy panel: a
 * loader in lazy-chunks.ts, a lazy component here, and a skeleton where it sits.
 */
import { lazy, Suspense, useEffect, useState, type ComponentType, type ReactElement, type ReactNode } from 'react';
import { inNextTask } from '../../core/shared/next-task';
import { panelLoaders } from '../lazy-chunks';
import type { CheckHeaderPanelProps } from './check-header-panel';
import type { IdleWarningProps } from './idle-warning';
import type { ShortcutsDialogProps } from './shortcuts-dialog';
import type { TestPanelHostProps } from './test-panel';
import './lazy-panels.css';

function lazyNamed<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return lazy(async () => ({ default: await load() }));
}

const LazyTestPanel = lazyNamed<TestPanelHostProps>(async () => (await panelLoaders.testPanel()).TestPanelHost);
const LazyCheckHeaderPanel = lazyNamed<CheckHeaderPanelProps>(async () => (await panelLoaders.checkHeaderPanel()).CheckHeaderPanel);
const LazyShortcutsDialog = lazyNamed<ShortcutsDialogProps>(async () => (await panelLoaders.shortcutsDialog()).ShortcutsDialog);
const LazyIdleWarning = lazyNamed<IdleWarningProps>(async () => (await panelLoaders.idleWarning()).IdleWarning);

/**
 * A panel's place while its chunk loads: the real card's heading (so the page
 * reads the same at once) and a reserved height (styles in
 * lazy-panels.css) so the page's height, and with it the scrollbar, does not
 * change when the panel arrives. No controls: nothing to focus that would vanish.
 */
function PanelSkeleton({ title, kind }: { readonly title: string; readonly kind: string }): ReactElement {
  return (
    <section className={`card panel-skeleton panel-skeleton-${kind}`} aria-busy="true" aria-label={title} data-testid="panel-skeleton">
      <h2 aria-hidden="true">{title}</h2>
      <div className="skeleton-block" />
    </section>
  );
}

interface ColumnPanels {
  readonly TestPanel: ComponentType<TestPanelHostProps>;
  readonly CheckHeaderPanel: ComponentType<CheckHeaderPanelProps>;
}

/** Set once both column panels' chunks are in, so a remount (Forget) renders them at once. */
let columnPanels: ColumnPanels | null = null;

function loadColumnPanels(): Promise<ColumnPanels> {
  return Promise.all([panelLoaders.testPanel(), panelLoaders.checkHeaderPanel()]).then(([test, check]) => {
    columnPanels = { TestPanel: test.TestPanelHost, CheckHeaderPanel: check.CheckHeaderPanel };
    return columnPanels;
  });
}

/**
 * The Test credentials and Check a header panels; use them inside PanelsBoundary.
 * Once their chunks are in they render directly. Before that (only if a chunk
 * failed to load and is being retried) they go through React.lazy.
 */
export function TestPanel(props: TestPanelHostProps): ReactElement {
  return columnPanels === null ? <LazyTestPanel {...props} /> : <columnPanels.TestPanel {...props} />;
}

export function CheckHeaderPanel(props: CheckHeaderPanelProps): ReactElement {
  return columnPanels === null ? <LazyCheckHeaderPanel {...props} /> : <columnPanels.CheckHeaderPanel {...props} />;
}

/** Each tool sits in its own tab, so each boundary holds its own skeleton. */
const SKELETONS = {
  test: <PanelSkeleton kind="test" title="Test credentials" />,
  check: <PanelSkeleton kind="check" title="Check a header" />,
} as const;

/**
 * Wraps one tool's panel (each in its own tab): its skeleton until both chunks
 * are in (loading starts in a task right after the first commit), then both panels in one
 * commit. Gated by state rather than Suspense alone: React holds a revealed
 * Suspense boundary back for up to 300 ms, which would show the skeletons longer.
 */
export function PanelsBoundary({ kind, children }: { readonly kind: keyof typeof SKELETONS; readonly children: ReactNode }): ReactElement {
  const [settled, setSettled] = useState(columnPanels !== null);
  useEffect(() => {
    if (settled) return undefined;
    let live = true;
    // On failure too: the panels then retry through React.lazy, and their error boundaries report a second failure.
    const settle = (): void => {
      if (live) setSettled(true);
    };
    const cancel = inNextTask(() => {
      loadColumnPanels().then(settle, settle);
    });
    return () => {
      live = false;
      cancel();
    };
  }, [settled]);
  const skeleton = SKELETONS[kind];
  return settled ? <Suspense fallback={skeleton}>{children}</Suspense> : skeleton;
}

/**
 * A closed native dialog takes no space: nothing to reserve. Not rendered until first opened, so the
 * first render starts no download; opened before it lands, it opens when it does.
 */
export function ShortcutsDialog(props: ShortcutsDialogProps): ReactElement | null {
  const [opened, setOpened] = useState(props.open);
  if (props.open && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <LazyShortcutsDialog {...props} />
    </Suspense>
  );
}

/**
 * The idle timeout; shows nothing until its warning. Off, it does nothing, so it is not rendered
 * (the first render starts no download); its chunk is prefetched after the first paint, so a
 * chosen timeout arms at once.
 */
export function IdleWarning(props: IdleWarningProps): ReactElement | null {
  if (props.minutes === null) return null;
  return (
    <Suspense fallback={null}>
      <LazyIdleWarning {...props} />
    </Suspense>
  );
}
