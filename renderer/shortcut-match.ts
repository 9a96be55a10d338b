/**
 * Matches DOM key events against the Electron accelerators in
 * electron/shared/shortcuts.ts, so one table drives the native menu, the page's
 * own key handling (which also works in a plain browser) and the shortcuts view.
 */
import { SHORTCUTS, type Shortcut } from '../electron/shared/shortcuts';

interface KeyLike {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

function keyMatches(event: KeyLike, key: string): boolean {
  const wanted = key.toLowerCase();
  if (wanted === 'enter' || wanted === 'return') return event.key === 'Enter';
  if (/^[a-z]$/.test(wanted)) return event.code === `Key${wanted.toUpperCase()}` || event.key.toLowerCase() === wanted;
  if (/^[0-9]$/.test(wanted)) return event.code === `Digit${wanted}` || event.key === wanted;
  return event.key.toLowerCase() === wanted;
}

export function matchesAccelerator(event: KeyLike, accelerator: string): boolean {
  const parts = accelerator.split('+');
  const key = parts.pop();
  if (key === undefined || key === '') return false;
  let primary = false;
  let shift = false;
  let alt = false;
  for (const part of parts) {
    const p = part.toLowerCase();
    if (p === 'cmdorctrl' || p === 'commandorcontrol' || p === 'ctrl' || p === 'control' || p === 'cmd' || p === 'command') primary = true;
    else if (p === 'shift') shift = true;
    else if (p === 'alt' || p === 'option') alt = true;
    else return false;
  }
  // Ctrl or Cmd both count as the primary modifier, so the shortcut works on any keyboard.
  const hasPrimary = event.ctrlKey || event.metaKey;
  return hasPrimary === primary && event.shiftKey === shift && event.altKey === alt && keyMatches(event, key);
}

export function shortcutFor(event: KeyLike): Shortcut | null {
  return SHORTCUTS.find((s) => matchesAccelerator(event, s.accelerator)) ?? null;
}
