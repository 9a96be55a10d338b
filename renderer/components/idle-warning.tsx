/**
 * The idle timeout (hooks/use-idle-forget.ts) and its warning toast: its own
 * chunk, prefetched at the first paint (lazy-chunks.ts), since
 * nothing about it is on screen before a timeout is chosen and about to run out.
 */
import type { ReactElement } from 'react';
import { useIdleForget } from '../hooks/use-idle-forget';
import { WarningIcon } from './icons';

export interface IdleWarningProps {
  /** Null: off. */
  readonly minutes: number | null;
  readonly onIdle: () => void;
}

export function IdleWarning({ minutes, onIdle }: IdleWarningProps): ReactElement | null {
  const { secondsLeft } = useIdleForget(minutes, onIdle);
  return secondsLeft === null ? null : (
    <p className="toast" data-tone="warning">
      <WarningIcon />
      <span>No activity: everything will be forgotten in {secondsLeft} s. Press any key or move the pointer to keep it.</span>
    </p>
  );
}
