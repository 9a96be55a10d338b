/**
 * Optional idle timeout: after `minutes` without keyboard, pointer or wheel
 * activity, call `onIdle` once (then wait for new activity before arming again).
 * Warns during the last WARN_SECONDS so nobody loses work by surprise.
 */
import { useEffect, useRef, useState } from 'react';

export const WARN_SECONDS = 30;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'input', 'focusin'] as const;

export function useIdleForget(minutes: number | null, onIdle: () => void): { readonly secondsLeft: number | null } {
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const lastActivity = useRef(0);
  const fired = useRef(false);
  const onIdleRef = useRef(onIdle);

  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (minutes === null) return undefined;
    const limitMs = minutes * 60_000;
    lastActivity.current = Date.now();
    fired.current = false;
    const onActivity = (): void => {
      lastActivity.current = Date.now();
      fired.current = false;
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    const tick = (): void => {
      if (fired.current) return;
      const left = Math.ceil((limitMs - (Date.now() - lastActivity.current)) / 1000);
      if (left <= 0) {
        fired.current = true;
        setSecondsLeft(null);
        onIdleRef.current();
      } else {
        setSecondsLeft(left <= WARN_SECONDS ? left : null);
      }
    };
    const timer = window.setInterval(tick, 1000);
    return () => {
      window.clearInterval(timer);
      setSecondsLeft(null);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [minutes]);

  return { secondsLeft: minutes === null ? null : secondsLeft };
}
