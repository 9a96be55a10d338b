import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { prefetchAfterFirstPaint } from './lazy-chunks';
import './styles/index.css';

// React's default reporting prints error messages and component props, which can
// hold typed input: log only that something failed, never what was in it.
const quietReport = (): void => {
  console.error('Basic Header: part of the window failed and was reset.');
};

const container = document.getElementById('root');
if (container !== null) {
  const root = createRoot(container, { onCaughtError: quietReport, onUncaughtError: quietReport, onRecoverableError: () => undefined });
  // The first render and commit run in this script's task (issue 16's "ready"): left to React's
  // scheduler they wait for a later task, behind whatever the browser queued meanwhile. Its effects
  // run here too, so they start no download (lazy-chunks.ts; core/shared/next-task.ts).
  flushSync(() => root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ));
  prefetchAfterFirstPaint();
}
